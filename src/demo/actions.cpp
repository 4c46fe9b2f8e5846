// The demo's action items: 150 a year per unit of --scale, raised in the held meetings (management reviews raise
// twice as many as a maintenance meeting), many traced to the incident, risk, nonconformity or vulnerability they come
// from. Most are done on time, some late, some cancelled with a reason; some are open and some of those overdue.
// This file only plans them; the meetings raise them and their owners record the outcome through the app
// (demo/meetings.cpp), so an action exists from the meeting that raised it on and its outcome from its own moment.
#include "demo/demo.h"
#include "core/action_item.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

constexpr std::array<std::string_view, 3> incident_actions {"Implement the improvement agreed for {ref}",
    "Finish the post-incident review of {ref}", "Check with a test that the fix for {ref} holds"};
constexpr std::array<std::string_view, 3> risk_actions {"Carry out the next step of the treatment plan of {ref}",
    "Re-assess the residual score of {ref} with its owner", "Collect evidence that the controls treating {ref} work"};
constexpr std::array<std::string_view, 2> nc_actions {
    "Carry out the corrective action of {ref}", "Check the effectiveness of the corrective action of {ref}"};
constexpr std::array<std::string_view, 2> vuln_actions {
    "Remediate {ref} on the remaining hosts", "Confirm the fix of {ref} with a rescan"};
constexpr std::array<std::string_view, 14> plain_actions {
    "Update the asset inventory for the new meeting rooms",
    "Send the quarterly security newsletter",
    "Prepare the internal audit programme",
    "Renew the cyber insurance policy",
    "Collect the suppliers' security certificates",
    "Organise the ransomware tabletop exercise",
    "Review the onboarding checklist with HR",
    "Publish the updated policies on the intranet",
    "Schedule the disaster recovery test with the hosting provider",
    "Order hardware security keys for administrators",
    "Remove stale guest accounts in Microsoft 365",
    "Document the firewall change procedure",
    "Draft the information security objectives for next year",
    "Ask the key customers for feedback on security (9.3.2 e)",
};

std::string with_ref(std::string_view text, const std::string& ref)
{
    std::string out(text);
    if (auto pos = out.find("{ref}"); pos != std::string::npos)
        out.replace(pos, 5, ref);
    return out;
}

struct Origin {
    std::optional<OriginType> type;
    std::optional<Id> id;
    std::string ref;
    std::string title;
    std::optional<Id> owner;
};

// Something the meeting talked about: a row that existed when it met. A few tries, then a plain action.
Origin origin_for(const World& world, Timestamp starts, Random& random)
{
    auto kind = random.weighted({25, 25, 10, 8, 32});
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (kind == 0 && !world.incidents.empty()) {
            const auto& incident = random.pick(world.incidents);
            if (incident.detected < starts) {
                auto ref = display_id("INC", incident.id);
                return {
                    OriginType::incident, incident.id, ref, with_ref(random.pick(incident_actions), ref), std::nullopt};
            }
        } else if (kind == 1 && !world.risks.empty()) {
            const auto& risk = random.pick(world.risks);
            if (risk.created < starts) {
                auto ref = display_id("RSK", risk.id);
                return {OriginType::risk, risk.id, ref, with_ref(random.pick(risk_actions), ref), risk.owner};
            }
        } else if (kind == 2 && !world.nonconformities.empty()) {
            const auto& [id, identified] = random.pick(world.nonconformities);
            if (start_of(identified) < starts) {
                auto ref = display_id("NC", id);
                return {OriginType::nonconformity, id, ref, with_ref(random.pick(nc_actions), ref), std::nullopt};
            }
        } else if (kind == 3 && !world.vulnerabilities.empty()) {
            const auto& vuln = random.pick(world.vulnerabilities);
            if (start_of(vuln.discovered) < starts) {
                auto ref = display_id("VUL", vuln.id);
                return {
                    OriginType::vulnerability, vuln.id, ref, with_ref(random.pick(vuln_actions), ref), std::nullopt};
            }
        }
    }
    return {std::nullopt, std::nullopt, {}, std::string(random.pick(plain_actions)), std::nullopt};
}

} // namespace

std::vector<ActionPlan> plan_actions(World& world, const std::vector<HeldSlot>& held)
{
    Random random(world.options.seed, "actions");
    // Held meetings, a management review counting twice.
    std::vector<std::size_t> raised_in;
    for (std::size_t index = 0; index < held.size(); ++index)
        for (int weight = 0; weight < (held[index].review ? 2 : 1); ++weight)
            raised_in.push_back(index);
    std::vector<Id> owners = world.staff.it;
    owners.insert(owners.end(), world.staff.representatives.begin(), world.staff.representatives.end());
    owners.push_back(world.staff.iso);

    std::vector<ActionPlan> plans;
    auto total = raised_in.empty() ? 0 : world.volume(150);
    for (std::int64_t index = 0; index < total; ++index) {
        ActionPlan plan;
        plan.meeting = random.pick(raised_in);
        const auto& meeting = held[plan.meeting];
        auto origin = origin_for(world, meeting.starts, random);
        plan.origin = origin.ref;
        // Raised while the meeting runs: a maintenance meeting lasts at least 45 minutes, a review 105.
        plan.raised = meeting.starts + std::chrono::minutes(random.between(10, meeting.review ? 100 : 44));
        // Due by the next meeting, or a few weeks to three months out.
        Date raised_on = to_date(plan.raised);
        Date due = add_days(raised_on, random.chance(0.6) ? random.between(26, 34) : random.between(14, 90));
        plan.fields = {{"title", origin.title}, {"owner", origin.owner ? *origin.owner : random.pick(owners)},
            {"due", format_date(due)}};
        if (origin.type) {
            plan.fields.push_back({"origin_type", std::string(to_string(*origin.type))});
            plan.fields.push_back({"origin_id", *origin.id});
        }

        std::optional<Date> done_on;
        bool cancelled = false;
        if (due < world.today) {
            auto roll = random.weighted({68, 12, 4, 16}); // on time, late, cancelled, still open (overdue)
            // Nobody leaves an action open for years: one overdue for more than half a year was done late in the
            // end. This keeps the number of open items steady however long the history (--years).
            if (roll == 3 && days_between(due, world.today) > 180)
                roll = 1;
            if (roll == 0)
                done_on = add_days(due, -random.between(0, static_cast<int>(days_between(raised_on, due)) - 1));
            else if (roll == 1)
                done_on = add_days(due, random.between(1, 30));
            else if (roll == 2) {
                cancelled = true;
                plan.later = {world.moment_between(random, plan.raised + std::chrono::days(1), start_of(due)),
                    Patch {{"status", std::string("cancelled")},
                        {"progress",
                            std::string(
                                "Cancelled: superseded by a broader action agreed in the following meeting.")}}};
            }
        } else if (random.chance(0.3)) {
            done_on = add_days(
                raised_on, random.between(1, std::max(1, static_cast<int>(days_between(raised_on, world.today)))));
        }
        if (done_on && *done_on <= world.today && *done_on > raised_on) {
            Patch done {{"status", std::string("done")}};
            if (random.chance(0.5))
                done.push_back({"progress", std::string("Done; evidence linked in the wiki.")});
            auto at = world.working_hours(random, *done_on);
            plan.later = {at, std::move(done)};
            done_on = to_date(at);
        } else if (!cancelled) {
            done_on.reset();
            if (random.chance(0.5) && days_between(raised_on, world.today) > 3)
                plan.later = {world.working_hours(random, add_days(raised_on, 3)),
                    Patch {{"status", std::string("in_progress")},
                        {"progress", std::string("Started; first results expected before the due date.")}}};
        }
        if (!cancelled)
            world.actions.push_back({due, done_on});
        plans.push_back(std::move(plan));
    }
    world.counts.actions = total;
    return plans;
}

} // namespace c9::demo
