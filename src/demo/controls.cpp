// The demo's Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d): every Annex A control answered early in the
// demo's history, then implemented step by step and reviewed, each change written as an update with its history
// rows so that "control status changes since the last meeting" has something to show.
#include "demo/demo.h"
#include "core/control.h"
#include "store/typed.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace c9::demo {

namespace {

// Exclusions that fit a company whose production runs with a cloud provider and whose offices are leased.
const std::map<std::string_view, std::string_view> exclusions {
    {"7.6",
        "Not applicable: there are no secure areas of our own; production systems run in the cloud provider's "
        "data centres, covered by the supplier controls 5.19-5.23."},
    {"7.12",
        "Not applicable: the offices are leased and their cabling belongs to and is maintained by the landlord; "
        "no cabling carries production traffic."},
    {"7.13",
        "Not applicable: no equipment of our own is maintained on site; laptops are replaced under the vendor's "
        "warranty and production hardware belongs to the cloud provider."},
    {"8.30", "Not applicable: all software development is done by employees; no development is outsourced."},
};

std::string_view inclusion(Theme theme)
{
    switch (theme) {
    case Theme::organizational:
        return "Included: needed to run the ISMS and to treat the risks in the risk register.";
    case Theme::people:
        return "Included: all staff and contractors handle customer data.";
    case Theme::physical:
        return "Included: protects the offices, the equipment in them and the laptops off-site.";
    case Theme::technological:
        return "Included: treats risks to the SaaS platform, the office network and the end-user devices.";
    }
    return "Included.";
}

Id owner_for(const Control& control, const Staff& staff, Random& random)
{
    switch (control.theme) {
    case Theme::people:
        return staff.hr.empty() ? staff.iso : random.pick(staff.hr);
    case Theme::physical:
        return staff.facilities.empty() ? staff.iso : random.pick(staff.facilities);
    case Theme::technological:
        return random.pick(staff.it);
    case Theme::organizational:
        if (control.code >= "5.31" && control.code <= "5.34" && !staff.dpo.empty())
            return random.pick(staff.dpo);
        return staff.iso;
    }
    return staff.iso;
}

// Writes the differences between before and after as one update with its history rows.
Result<void> write_update(Tx& tx, const EntitySpec<Control>& spec, Control& before, Control after, const Stamp& stamp)
{
    std::vector<ColumnChange> changes;
    for (std::size_t index = 0; index < spec.fields.size(); ++index) {
        auto old_value = spec.fields[index].get(before);
        auto new_value = spec.fields[index].get(after);
        if (old_value != new_value)
            changes.push_back({static_cast<int>(index), old_value, new_value});
    }
    if (changes.empty())
        return {};
    after.version = C9_TRY(tx.update(table_of(spec), after.id, before.version, changes, stamp));
    after.updated_at = stamp.at;
    before = std::move(after);
    return {};
}

struct Event {
    Timestamp at {};
    bool review = false; // else a status step
};

} // namespace

Result<void> answer_controls(Tx& tx, World& world)
{
    Random random(world.options.seed, "controls");
    const auto& spec = control_spec();
    auto catalog = C9_TRY(all_rows(tx, spec));
    for (auto& control : catalog) {
        auto excluded = exclusions.find(control.code);
        Control answer = control;
        auto answered = world.working_hours(random, add_days(to_date(world.start), random.between(2, 20)));
        answer.applicable = excluded == exclusions.end();
        answer.justification = std::string(answer.applicable == true ? inclusion(control.theme) : excluded->second);
        answer.owner = owner_for(control, world.staff, random);
        answer.last_review = to_date(answered);
        answer.next_review = add_months(to_date(answered), random.between(6, 12));

        // Where the control ends up, and the steps it takes to get there.
        auto final_status = ImplementationStatus::not_started;
        int steps = 0;
        if (answer.applicable == true) {
            final_status = static_cast<ImplementationStatus>(3 - random.weighted({76, 14, 8, 2}));
            int initial = static_cast<int>(final_status);
            if (final_status == ImplementationStatus::implemented)
                initial -= static_cast<int>(random.weighted({75, 17, 8}));
            else if (final_status == ImplementationStatus::partial)
                initial -= static_cast<int>(random.weighted({50, 50}));
            answer.status = static_cast<ImplementationStatus>(initial);
            steps = static_cast<int>(final_status) - initial;
        }
        C9_TRY(check_generated(spec, answer, &control, world.at(answered)));
        C9_TRY(write_update(tx, spec, control, answer, world.stamp(answered)));
        world.advance(1, "controls");

        std::vector<Event> events;
        for (int step = 0; step < steps; ++step)
            events.push_back(
                {world.moment_between(random, answered + std::chrono::days(14), world.now - std::chrono::days(1)),
                    false});
        // Reviews once a year; now and then one is missed and the control shows as overdue for review.
        for (Date due = *answer.next_review; add_days(due, -20) < world.today && random.chance(0.93);
             due = add_months(due, 12)) {
            auto reviewed = world.working_hours(random, std::min(add_days(due, -random.between(0, 20)), world.today));
            if (reviewed <= answered)
                break;
            events.push_back({reviewed, true});
        }
        std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });

        std::vector<ControlStage> stages {
            {answered, answer.applicable == true, answer.status == ImplementationStatus::implemented}};
        for (const auto& event : events) {
            Control next = control;
            if (event.review) {
                next.last_review = to_date(event.at);
                next.next_review = add_months(to_date(event.at), 12);
            } else {
                next.status = static_cast<ImplementationStatus>(static_cast<int>(next.status) + 1);
            }
            C9_TRY(check_generated(spec, next, &control, world.at(event.at)));
            C9_TRY(write_update(tx, spec, control, next, world.stamp(event.at)));
            stages.push_back(
                {event.at, control.applicable == true, control.status == ImplementationStatus::implemented});
            world.advance(1, "controls");
        }
        world.controls.push_back(std::move(stages));
    }
    world.counts.controls = static_cast<std::int64_t>(catalog.size());
    return audit_created(tx, world, "control",
        fmt::format("demo: answered the Statement of Applicability for {} Annex A controls ({} not "
                    "applicable)",
            catalog.size(), exclusions.size()));
}

} // namespace c9::demo
