// The demo's action items: 150 a year per unit of --scale, raised in the held meetings (management reviews raise
// twice as many as a maintenance meeting), many traced to the incident, risk, nonconformity or vulnerability they come
// from. Most are done on time, some late, some cancelled with a reason; some are open and some of those overdue.
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
    std::string title;
    std::optional<Id> owner;
};

// Something the meeting talked about: a row that existed when it met. A few tries, then a plain action.
Origin origin_for(const World& world, const MeetingFact& meeting, Random& random)
{
    auto kind = random.weighted({25, 25, 10, 8, 32});
    for (int attempt = 0; attempt < 8; ++attempt) {
        if (kind == 0 && !world.incidents.empty()) {
            const auto& incident = random.pick(world.incidents);
            if (incident.detected < meeting.starts)
                return {OriginType::incident, incident.id,
                    with_ref(random.pick(incident_actions), display_id("INC", incident.id)), std::nullopt};
        } else if (kind == 1 && !world.risks.empty()) {
            const auto& risk = random.pick(world.risks);
            if (risk.created < meeting.starts)
                return {OriginType::risk, risk.id, with_ref(random.pick(risk_actions), display_id("RSK", risk.id)),
                    risk.owner};
        } else if (kind == 2 && !world.nonconformities.empty()) {
            const auto& [id, identified] = random.pick(world.nonconformities);
            if (start_of(identified) < meeting.starts)
                return {OriginType::nonconformity, id, with_ref(random.pick(nc_actions), display_id("NC", id)),
                    std::nullopt};
        } else if (kind == 3 && !world.vulnerabilities.empty()) {
            const auto& vuln = random.pick(world.vulnerabilities);
            if (start_of(vuln.discovered) < meeting.starts)
                return {OriginType::vulnerability, vuln.id,
                    with_ref(random.pick(vuln_actions), display_id("VUL", vuln.id)), std::nullopt};
        }
    }
    return {std::nullopt, std::nullopt, std::string(random.pick(plain_actions)), std::nullopt};
}

} // namespace

Result<void> create_actions(Tx& tx, World& world)
{
    Random random(world.options.seed, "actions");
    const auto& spec = action_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    // Held meetings, a management review counting twice.
    std::vector<const MeetingFact*> raised_in;
    for (const auto& meeting : world.meetings)
        for (int weight = 0; meeting.held && weight < (meeting.review ? 2 : 1); ++weight)
            raised_in.push_back(&meeting);
    std::vector<Id> owners = world.staff.it;
    owners.insert(owners.end(), world.staff.representatives.begin(), world.staff.representatives.end());
    owners.push_back(world.staff.iso);

    auto total = raised_in.empty() ? 0 : world.volume(150);
    for (std::int64_t index = 0; index < total; ++index) {
        const auto& meeting = *random.pick(raised_in);
        auto origin = origin_for(world, meeting, random);
        ActionItem action;
        action.title = origin.title;
        action.owner = origin.owner ? *origin.owner : random.pick(owners);
        action.meeting = meeting.id;
        action.series = meeting.series;
        action.origin_type = origin.type;
        action.origin_id = origin.id;
        auto created = world.capped(meeting.ended + std::chrono::minutes(random.between(0, 30)));
        // Due by the next meeting, or a few weeks to three months out.
        action.due = add_days(to_date(created), random.chance(0.6) ? random.between(26, 34) : random.between(14, 90));
        action.created_at = created;
        C9_TRY(check_generated(spec, action, static_cast<const ActionItem*>(nullptr), world.at(created)));
        ActionItem initial = action;

        auto last = created;
        std::optional<Date> done_on;
        if (action.due < world.today) {
            auto roll = random.weighted({68, 12, 4, 16}); // on time, late, cancelled, still open (overdue)
            // Nobody leaves an action open for years: one overdue for more than half a year was done late in the
            // end. This keeps the number of open items steady however long the history (--years).
            if (roll == 3 && days_between(action.due, world.today) > 180)
                roll = 1;
            if (roll == 0)
                done_on = add_days(
                    action.due, -random.between(0, static_cast<int>(days_between(to_date(created), action.due)) - 1));
            else if (roll == 1)
                done_on = add_days(action.due, random.between(1, 30));
            else if (roll == 2) {
                action.status = ActionStatus::cancelled;
                action.progress = "Cancelled: superseded by a broader action agreed in the following meeting.";
                last = world.moment_between(random, created + std::chrono::days(1), start_of(action.due));
                action.completed_at = last;
            }
        } else if (random.chance(0.3)) {
            done_on = add_days(to_date(created),
                random.between(1, std::max(1, static_cast<int>(days_between(to_date(created), world.today)))));
        }
        if (done_on && *done_on <= world.today && *done_on > to_date(created)) {
            last = world.working_hours(random, *done_on);
            action.status = ActionStatus::done;
            action.completed_at = last;
            action.progress
                = random.chance(0.5) ? std::optional<std::string>("Done; evidence linked in the wiki.") : std::nullopt;
        } else if (action.status != ActionStatus::cancelled && random.chance(0.5)
            && days_between(to_date(created), world.today) > 3) {
            action.status = ActionStatus::in_progress;
            action.progress = "Started; first results expected before the due date.";
            last = world.working_hours(random, add_days(to_date(created), 3));
        }
        C9_TRY(check_generated(spec, action, &initial, world.at(std::max(created, last))));
        action.id = C9_TRY(inserter.insert(values_of(spec, action), world.stamp(created)));
        std::optional<Date> completed;
        if (action.status == ActionStatus::done)
            completed = to_date(*action.completed_at);
        if (action.status != ActionStatus::cancelled)
            world.actions.push_back({action.due, completed});
        world.advance(1, "action items");
    }
    world.counts.actions = total;
    return audit_created(tx, world, "action", fmt::format("demo: created {} action items raised in meetings", total));
}

} // namespace c9::demo
