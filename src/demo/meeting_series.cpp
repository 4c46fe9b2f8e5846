// The demo's two meeting series: a monthly ISMS maintenance meeting on the second Tuesday, chaired by the
// information security officer with IT, the department representatives and the DPO, and a half-yearly management
// review (clause 9.3) in March and September with top management. Each has the meetings of the past year that were
// held and the next one to plan; demo/meetings.cpp runs them.
#include "demo/demo.h"

#include <algorithm>

namespace c9::demo {

namespace {

using std::chrono::minutes;

// The nth given weekday of the month that contains `month`, at the given UTC time.
Timestamp nth_weekday(Date month, std::chrono::weekday weekday, int nth, int hour)
{
    Date first = month_start(month);
    auto offset = (weekday - std::chrono::weekday(first)).count();
    return start_of(add_days(first, static_cast<int>(offset) + 7 * (nth - 1))) + std::chrono::hours(hour);
}

// The `count` most recent slots that ended before now, and the first slot after now. Slots are in the months for
// which `month_matches` holds.
template <class Match>
void schedule(SeriesPlan& out, const World& world, int count, Match month_matches, std::chrono::weekday weekday,
    int nth, int hour)
{
    Date month = month_start(add_months(world.today, 12));
    for (; static_cast<int>(out.held.size()) < count; month = add_months(month, -1)) {
        if (!month_matches(static_cast<unsigned>(std::chrono::year_month_day(month).month())))
            continue;
        auto starts = nth_weekday(month, weekday, nth, hour);
        if (starts + minutes(out.duration) <= world.now)
            out.held.insert(out.held.begin(), starts);
        else if (starts > world.now)
            out.next = starts;
    }
}

} // namespace

void SeriesPlan::add(Id person, AttendeeRole role)
{
    for (const auto& member : members)
        if (member.first == person)
            return;
    members.emplace_back(person, role);
}

std::vector<SeriesPlan> meeting_series(const World& world)
{
    const auto& staff = world.staff;
    std::vector<SeriesPlan> plans(2);

    auto& maintenance = plans[0];
    maintenance.chair = staff.iso;
    maintenance.fields = {{"name", std::string("ISMS maintenance meeting")}, {"type", std::string("maintenance")},
        {"cadence", std::string("monthly")}, {"duration_minutes", std::int64_t {60}},
        {"location", std::string("Meeting room Kepler and video call")}, {"chair", staff.iso},
        {"minute_taker", staff.representatives.front()}, {"quorum", std::int64_t {4}}};
    maintenance.add(staff.iso, AttendeeRole::chair);
    maintenance.add(staff.representatives.front(), AttendeeRole::minute_taker);
    for (std::size_t index = 0; index < std::min<std::size_t>(2, staff.it.size()); ++index)
        maintenance.add(staff.it[index], AttendeeRole::member);
    for (std::size_t index = 1; index < std::min<std::size_t>(6, staff.representatives.size()); ++index)
        maintenance.add(staff.representatives[index], AttendeeRole::member);
    if (!staff.dpo.empty())
        maintenance.add(staff.dpo.front(), AttendeeRole::member);
    schedule(
        maintenance, world, 12 * world.options.years, [](unsigned) { return true; }, std::chrono::Tuesday, 2, 9);

    auto& review = plans[1];
    review.review = true;
    review.duration = 120;
    review.chair = staff.iso;
    review.fields = {{"name", std::string("Management review")}, {"type", std::string("management_review")},
        {"cadence", std::string("half-yearly")}, {"duration_minutes", std::int64_t {120}},
        {"location", std::string("Board room")}, {"chair", staff.iso}, {"minute_taker", staff.representatives.back()},
        {"quorum", std::int64_t {3}}};
    review.add(staff.iso, AttendeeRole::chair);
    review.add(staff.representatives.back(), AttendeeRole::minute_taker);
    for (Id manager : staff.management)
        review.add(manager, AttendeeRole::member);
    review.add(staff.it.front(), AttendeeRole::member);
    if (!staff.dpo.empty())
        review.add(staff.dpo.front(), AttendeeRole::member);
    schedule(
        review, world, 2 * world.options.years, [](unsigned month) { return month == 3 || month == 9; },
        std::chrono::Thursday, 3, 13);

    return plans;
}

} // namespace c9::demo
