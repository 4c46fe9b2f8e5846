// The demo's meetings (DESIGN.md section 2): a monthly ISMS maintenance meeting chaired by the information security
// officer, and a half-yearly management review with top management (clause 9.3). Each series has its held meetings
// of the past year (minutes approved at the next meeting, the most recent one still awaiting approval), attendance
// with roles, a few decisions per meeting, and one planned next meeting.
#include "demo/demo.h"
#include "core/meeting.h"
#include "store/meeting_records.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <unordered_set>

namespace c9::demo {

namespace {

using std::chrono::days;
using std::chrono::minutes;

// The nth given weekday of the month that contains `month`, at the given UTC time.
Timestamp nth_weekday(Date month, std::chrono::weekday weekday, int nth, int hour)
{
    Date first = month_start(month);
    auto offset = (weekday - std::chrono::weekday(first)).count();
    return start_of(add_days(first, static_cast<int>(offset) + 7 * (nth - 1))) + std::chrono::hours(hour);
}

struct Schedule {
    std::vector<Timestamp> held; // oldest first
    Timestamp next {};
};

// The `count` most recent slots that ended before now, and the first slot after now. Slots are in the months for
// which `month_matches` holds.
template <class Match>
Schedule schedule(
    const World& world, int count, int duration, Match month_matches, std::chrono::weekday weekday, int nth, int hour)
{
    Schedule out;
    Date month = month_start(add_months(world.today, 12));
    for (; static_cast<int>(out.held.size()) < count; month = add_months(month, -1)) {
        if (!month_matches(static_cast<unsigned>(std::chrono::year_month_day(month).month())))
            continue;
        auto starts = nth_weekday(month, weekday, nth, hour);
        if (starts + minutes(duration) <= world.now)
            out.held.insert(out.held.begin(), starts);
        else if (starts > world.now)
            out.next = starts;
    }
    return out;
}

struct DecisionTemplate {
    DecisionType type;
    std::string_view text, rationale;
};

constexpr std::array<DecisionTemplate, 12> maintenance_decisions {{
    {DecisionType::policy_change, "Approve the revised access control policy",
        "Reviewed by IT and the department representatives; it now covers service accounts."},
    {DecisionType::policy_change, "Approve the updated backup and restore procedure",
        "The restore tests showed the old procedure missed the ERP database."},
    {DecisionType::policy_change, "Approve the remote working policy update for personal phones",
        "Incidents with lost phones showed the gap."},
    {DecisionType::improvement, "Extend the phishing simulations to contractors",
        "Contractors have mailboxes and were not covered."},
    {DecisionType::improvement, "Route backup alerts to the on-call engineer",
        "A backup job failed silently for two weeks."},
    {DecisionType::improvement, "Introduce a four-eyes rule for firewall changes",
        "An emergency change exposed a database port."},
    {DecisionType::improvement, "Move the legacy HR system behind single sign-on",
        "Leaver accounts in systems outside SSO were missed."},
    {DecisionType::resource, "Buy EDR licences for the remaining servers",
        "Ransomware risk above appetite; the budget was available."},
    {DecisionType::resource, "Book the yearly external penetration test", "Required by two customer contracts."},
    {DecisionType::other, "Review the vulnerability SLA figures monthly instead of quarterly",
        "The overdue count rose two months in a row."},
    {DecisionType::improvement, "Add the CRM to the leaver checklist", "The CRM is outside single sign-on."},
    {DecisionType::other, "Invite the facilities manager to the next meeting", "Physical access findings."},
}};

constexpr std::array<DecisionTemplate, 6> review_decisions {{
    {DecisionType::resource, "Approve the information security budget for the next year",
        "Covers EDR, the penetration test and training; in line with the risk treatment plan."},
    {DecisionType::improvement, "Set the information security objectives for the next period",
        "Objectives follow the KPIs that were off target (9.3.2 d4)."},
    {DecisionType::policy_change, "Approve the updated information security policy",
        "Changes in the business and the supplier landscape (9.3.2 b)."},
    {DecisionType::resource, "Approve a second security engineer position",
        "Vulnerability remediation and incident handling depend on one person."},
    {DecisionType::improvement, "Start preparing the certification audit", "The audit is planned in six months."},
    {DecisionType::other, "Confirm that climate change is not a relevant issue for the ISMS this year",
        "Considered under 9.3.2 b; offices and providers are outside flood and heat risk areas."},
}};

struct SeriesPlan {
    MeetingSeries series;
    std::vector<SeriesMember> members;
    Schedule dates;
    bool review = false;

    // A person is a member once, in the first role given.
    void add(Id person, AttendeeRole role)
    {
        for (const auto& member : members)
            if (member.person == person)
                return;
        members.push_back({0, person, role});
    }
};

std::string title_of(const SeriesPlan& plan, Timestamp starts)
{
    std::chrono::year_month_day ymd(to_date(starts));
    static constexpr std::array<std::string_view, 12> months {"January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"};
    return fmt::format(
        "{} {} {}", plan.series.name, months[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
}

} // namespace

Result<void> create_meetings(Tx& tx, World& world)
{
    Random random(world.options.seed, "meetings");
    const auto& staff = world.staff;
    std::vector<SeriesPlan> plans(2);
    std::unordered_set<Id> confirmed_risks;

    auto& maintenance = plans[0];
    maintenance.series.name = "ISMS maintenance meeting";
    maintenance.series.type = MeetingType::maintenance;
    maintenance.series.cadence = "monthly";
    maintenance.series.duration_minutes = 60;
    maintenance.series.location = "Meeting room Kepler and video call";
    maintenance.series.chair = staff.iso;
    maintenance.series.minute_taker = staff.representatives.front();
    maintenance.series.quorum = 4;
    maintenance.add(staff.iso, AttendeeRole::chair);
    maintenance.add(staff.representatives.front(), AttendeeRole::minute_taker);
    for (std::size_t index = 0; index < std::min<std::size_t>(2, staff.it.size()); ++index)
        maintenance.add(staff.it[index], AttendeeRole::member);
    for (std::size_t index = 1; index < std::min<std::size_t>(6, staff.representatives.size()); ++index)
        maintenance.add(staff.representatives[index], AttendeeRole::member);
    if (!staff.dpo.empty())
        maintenance.add(staff.dpo.front(), AttendeeRole::member);
    maintenance.dates = schedule(
        world, 12 * world.options.years, 60, [](unsigned) { return true; }, std::chrono::Tuesday, 2, 9);

    auto& review = plans[1];
    review.review = true;
    review.series.name = "Management review";
    review.series.type = MeetingType::management_review;
    review.series.cadence = "half-yearly";
    review.series.duration_minutes = 120;
    review.series.location = "Board room";
    review.series.chair = staff.iso;
    review.series.minute_taker = staff.representatives.back();
    review.series.quorum = 3;
    review.add(staff.iso, AttendeeRole::chair);
    review.add(staff.representatives.back(), AttendeeRole::minute_taker);
    for (Id manager : staff.management)
        review.add(manager, AttendeeRole::member);
    review.add(staff.it.front(), AttendeeRole::member);
    if (!staff.dpo.empty())
        review.add(staff.dpo.front(), AttendeeRole::member);
    review.dates = schedule(
        world, 2 * world.options.years, 120, [](unsigned month) { return month == 3 || month == 9; },
        std::chrono::Thursday, 3, 13);

    BulkInserter series_inserter(tx, table_of(series_spec()), world.stamp(world.start));
    BulkInserter meeting_inserter(tx, table_of(meeting_spec()), world.stamp(world.start));
    BulkInserter decision_inserter(tx, table_of(decision_spec()), world.stamp(world.start));
    for (auto& plan : plans) {
        auto created = world.capped(world.start + minutes(random.between(60, 600)));
        plan.series.created_at = created;
        C9_TRY(
            check_generated(series_spec(), plan.series, static_cast<const MeetingSeries*>(nullptr), world.at(created)));
        plan.series.id = C9_TRY(series_inserter.insert(values_of(series_spec(), plan.series), world.stamp(created)));
        for (auto& member : plan.members) {
            member.series = plan.series.id;
            C9_TRY(add_series_member(tx, member));
        }
        ++world.counts.series;

        std::vector<Timestamp> all = plan.dates.held;
        all.push_back(plan.dates.next);
        for (std::size_t index = 0; index < all.size(); ++index) {
            bool held = index + 1 < all.size();
            Meeting meeting;
            meeting.series = plan.series.id;
            meeting.title = title_of(plan, all[index]);
            meeting.starts_at = all[index];
            meeting.duration_minutes = plan.series.duration_minutes;
            meeting.location = plan.series.location;
            auto scheduled = world.capped(std::max(created, all[index] - days(random.between(21, 35))));
            meeting.created_at = scheduled;
            C9_TRY(check_generated(meeting_spec(), meeting, static_cast<const Meeting*>(nullptr), world.at(scheduled)));
            Meeting initial = meeting;
            MeetingFact fact {0, plan.series.id, plan.review, held, meeting.starts_at, meeting.starts_at, 0, 0};
            auto last = scheduled;
            bool approve = false;
            Timestamp approved {};
            if (held) {
                meeting.state = MeetingState::held;
                meeting.started_at = meeting.starts_at + minutes(random.between(0, 5));
                meeting.ended_at
                    = *meeting.started_at + minutes(plan.series.duration_minutes + random.between(-15, 10));
                fact.ended = *meeting.ended_at;
                last = *meeting.ended_at;
                // Minutes are approved at the next meeting (a management review's by circulation); the most recent
                // meeting's minutes await approval. Approval seals them, so it waits until the actions and lessons
                // raised in the meeting are written (approve_minutes).
                approve = index + 2 < all.size();
                approved = plan.review ? *meeting.ended_at + days(random.between(3, 10)) : all[index + 1] + minutes(10);
            }
            C9_TRY(check_generated(meeting_spec(), meeting, &initial, world.at(last)));
            meeting.id = C9_TRY(meeting_inserter.insert(values_of(meeting_spec(), meeting), world.stamp(scheduled)));
            fact.id = meeting.id;
            ++world.counts.meetings;
            if (approve && approved < world.now)
                world.approvals.push_back({meeting.id, approved, *plan.series.chair});

            for (const auto& member : plan.members) {
                Attendance attendance {meeting.id, member.person, member.role, Presence::invited};
                if (held)
                    attendance.presence = member.role == AttendeeRole::chair
                        ? Presence::present
                        : static_cast<Presence>(1 + random.weighted({85, 6, 9}));
                ++fact.invited;
                fact.present += attendance.presence == Presence::present ? 1 : 0;
                C9_TRY(set_attendance(tx, attendance));
                ++world.counts.attendance;
            }

            if (held) {
                int decisions = plan.review ? random.between(3, 5) : random.between(1, 3);
                for (int count = 0; count < decisions; ++count) {
                    Decision decision;
                    decision.meeting = meeting.id;
                    const auto& pattern
                        = plan.review ? random.pick(review_decisions) : random.pick(maintenance_decisions);
                    decision.text = std::string(pattern.text);
                    decision.rationale = std::string(pattern.rationale);
                    decision.type = pattern.type;
                    // A risk accepted since the previous meeting is confirmed by a decision of this one.
                    for (const auto& risk : world.risks) {
                        if (count == 0 && risk.accepted_on && !confirmed_risks.contains(risk.id)
                            && start_of(*risk.accepted_on) <= meeting.starts_at
                            && start_of(*risk.accepted_on) > meeting.starts_at - days(35)) {
                            decision.type = DecisionType::risk_acceptance;
                            decision.text = fmt::format(
                                "Confirm the acceptance of the residual risk of {}", display_id("RSK", risk.id));
                            decision.rationale = "Within the risk owner's authority; the treatment is in place.";
                            decision.links = display_id("RSK", risk.id);
                            confirmed_risks.insert(risk.id);
                            break;
                        }
                    }
                    auto decided = *meeting.started_at + minutes(random.between(10, plan.series.duration_minutes - 10));
                    decided = std::min(decided, *meeting.ended_at);
                    decision.created_at = decided;
                    C9_TRY(check_generated(
                        decision_spec(), decision, static_cast<const Decision*>(nullptr), world.at(decided)));
                    decision.id
                        = C9_TRY(decision_inserter.insert(values_of(decision_spec(), decision), world.stamp(decided)));
                    ++world.counts.decisions;
                }
            }
            world.meetings.push_back(fact);
            world.advance(1 + static_cast<std::int64_t>(plan.members.size()), "meetings");
        }
    }
    C9_TRY(audit_created(tx, world, "series", fmt::format("demo: created {} meeting series", world.counts.series)));
    return audit_created(tx, world, "meeting",
        fmt::format("demo: created {} meetings with {} attendance records and {} decisions", world.counts.meetings,
            world.counts.attendance, world.counts.decisions));
}

Result<void> approve_minutes(Tx& tx, World& world)
{
    std::sort(world.approvals.begin(), world.approvals.end(),
        [](const Approval& a, const Approval& b) { return a.at < b.at; });
    for (const auto& approval : world.approvals) {
        Caller approver {world.caller.actor, approval.by, approval.at};
        C9_TRY(approve_meeting(tx, approval.meeting, approval.by, approver, world.renderers));
        ++world.counts.sealed_minutes;
        world.advance(1, "minutes");
    }
    return {};
}

} // namespace c9::demo
