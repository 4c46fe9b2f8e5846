#include "app/agenda_input.h"

#include "app/kpi_review.h"
#include "core/recurrence.h"
#include "store/completions.h"
#include "store/meeting_records.h"
#include "store/risk_scores.h"
#include "store/typed.h"

#include <set>

namespace c9 {

namespace {

std::vector<Value> texts(std::initializer_list<const char*> names)
{
    std::vector<Value> values;
    for (const auto* name : names)
        values.emplace_back(std::string(name));
    return values;
}

Filter after(const char* column, Timestamp since) { return where(column, FilterOp::gt, format_timestamp(since)); }

Result<std::map<IsmsRole, Id>> role_holders(Tx& tx)
{
    auto people = C9_TRY(all_rows(tx, person_spec(),
                                  {where("roles", FilterOp::not_null), where("active", FilterOp::eq, std::int64_t{1})}));
    std::map<IsmsRole, Id> holders;
    for (const auto& person : people)
        for (auto role : enum_names<IsmsRole>()) {
            auto parsed = *parse_enum<IsmsRole>(role);
            if (has_role(person, parsed) && !holders.contains(parsed))
                holders[parsed] = person.id;
        }
    return holders;
}

// Open actions and actions closed since P, of the meetings of this series held before this one.
Result<void> series_actions(Tx& tx, const Meeting& meeting, Timestamp since, AgendaInput& input)
{
    auto earlier = C9_TRY(all_rows(tx, meeting_spec(),
                                   {where("series", FilterOp::eq, meeting.series),
                                    where("starts_at", FilterOp::lt, format_timestamp(meeting.starts_at))}));
    std::set<Id> meetings;
    for (const auto& row : earlier)
        meetings.insert(row.id);
    auto in_series = [&](const ActionItem& action) { return action.meeting && meetings.contains(*action.meeting); };
    for (auto& action : C9_TRY(all_rows(tx, action_spec(), action_spec().open_filter())))
        if (in_series(action))
            input.open_actions.push_back(std::move(action));
    for (auto& action : C9_TRY(all_rows(tx, action_spec(), {after("completed_at", since)})))
        if (in_series(action))
            input.closed_actions.push_back(std::move(action));
    return {};
}

Result<void> maintenance(Tx& tx, Timestamp since, Date today, AgendaInput& input)
{
    std::map<Id, Activity> activities;
    for (const auto& completion : C9_TRY(completions_recorded_since(tx, since))) {
        if (!activities.contains(completion.activity))
            activities[completion.activity] = C9_TRY(get_row(tx, activity_spec(), completion.activity));
        const auto& activity = activities[completion.activity];
        input.completions.push_back({completion, activity.title, activity.owner});
    }
    Filter active = where("active", FilterOp::eq, std::int64_t{1});
    input.overdue_activities =
        C9_TRY(all_rows(tx, activity_spec(), {active, where("next_due", FilterOp::lt, format_date(today))}));
    input.due_activities = C9_TRY(all_rows(tx, activity_spec(),
                                           {active, where("next_due", FilterOp::ge, format_date(today)),
                                            where("next_due", FilterOp::lt, format_date(input.next_meeting))}));
    return {};
}

Result<void> controls(Tx& tx, Timestamp since, Date today, AgendaInput& input)
{
    std::map<Id, Control> seen;
    for (const char* field : {"status", "applicable"})
        for (const auto& change : C9_TRY(field_changes_since(tx, "control", field, since))) {
            if (!seen.contains(change.entity_id))
                seen[change.entity_id] = C9_TRY(get_row(tx, control_spec(), change.entity_id));
            input.control_changes.push_back(
                {seen[change.entity_id], change.field, change.old_value, change.new_value, change.at});
        }
    input.reviews_overdue = C9_TRY(all_rows(tx, control_spec(),
                                            {where("next_review", FilterOp::lt, format_date(today)),
                                             where("applicable", FilterOp::ne, std::int64_t{0})}));
    return {};
}

Result<void> risks(Tx& tx, Timestamp since, Date today, const Rules& rules, AgendaInput& input)
{
    Filter open = where("status", FilterOp::eq, std::string("open"));
    input.new_risks = C9_TRY(all_rows(tx, risk_spec(), {open, after("created_at", since)}));
    std::set<Id> new_ids;
    for (const auto& risk : input.new_risks)
        new_ids.insert(risk.id);
    std::set<Id> changed;
    for (const auto& score : C9_TRY(risk_scores_since(tx, since + std::chrono::seconds(1))))
        if (!new_ids.contains(score.risk))
            changed.insert(score.risk);
    for (auto id : changed) {
        auto before = C9_TRY(risk_score_at(tx, id, since));
        auto risk = C9_TRY(get_row(tx, risk_spec(), id));
        if (!before || risk.status != RiskStatus::open)
            continue;
        if (before->current() != current_score(risk))
            input.changed_risks.push_back({risk, before->current(), current_score(risk)});
    }
    for (auto& risk : C9_TRY(all_rows(tx, risk_spec(),
                                      {open, where("inherent_score", FilterOp::gt, std::int64_t{rules.matrix.appetite})})))
        if (rules.matrix.above_appetite(current_score(risk)))
            input.above_appetite.push_back(std::move(risk));
    input.reviews_due =
        C9_TRY(all_rows(tx, risk_spec(), {open, where("next_review", FilterOp::lt, format_date(input.next_meeting))}));
    input.treatments_overdue =
        C9_TRY(all_rows(tx, risk_spec(), {open, where("treatment_due", FilterOp::lt, format_date(today))}));
    return {};
}

} // namespace

Result<std::optional<Meeting>> previous_held_meeting(Tx& tx, const Meeting& meeting)
{
    ListQuery query;
    query.filters = {where("series", FilterOp::eq, meeting.series),
                     where("starts_at", FilterOp::lt, format_timestamp(meeting.starts_at)),
                     where_in("state", texts({"held", "approved"}))};
    query.sort = "starts_at";
    query.descending = true;
    query.limit = 1;
    auto page = C9_TRY(list_rows(tx, meeting_spec(), query));
    if (page.rows.empty())
        return std::optional<Meeting>{};
    return std::optional<Meeting>{page.rows.front()};
}

Result<Date> following_meeting_date(Tx& tx, const Meeting& meeting, const MeetingSeries& series)
{
    ListQuery query;
    query.filters = {where("series", FilterOp::eq, meeting.series),
                     where("starts_at", FilterOp::gt, format_timestamp(meeting.starts_at))};
    query.sort = "starts_at";
    query.limit = 1;
    auto page = C9_TRY(list_rows(tx, meeting_spec(), query));
    if (!page.rows.empty())
        return to_date(page.rows.front().starts_at);
    auto cadence = Recurrence::parse(series.cadence).value_or(Recurrence{});
    return cadence.next(to_date(meeting.starts_at));
}

Result<AgendaInput> gather_agenda_input(Tx& tx, const Meeting& meeting, const MeetingSeries& series,
                                        const Rules& rules)
{
    AgendaInput input;
    input.type = series.type;
    input.now = rules.now;
    input.matrix = rules.matrix;
    input.previous = C9_TRY(previous_held_meeting(tx, meeting));
    input.next_meeting = C9_TRY(following_meeting_date(tx, meeting, series));
    input.chair = series.chair;
    for (const auto& attendance : C9_TRY(attendance_of(tx, meeting.id)))
        if (attendance.role == AttendeeRole::chair)
            input.chair = attendance.person;
    input.role_holders = C9_TRY(role_holders(tx));
    auto since = changes_since(input);
    auto today = rules.today();

    C9_TRY(series_actions(tx, meeting, since, input));
    C9_TRY(maintenance(tx, since, today, input));
    C9_TRY(controls(tx, since, today, input));
    input.new_incidents = C9_TRY(all_rows(tx, incident_spec(), {after("detected_at", since)}));
    input.closed_without_lessons =
        C9_TRY(all_rows(tx, incident_spec(), {after("closed_at", since), where("lessons_learned", FilterOp::is_null)}));
    input.new_vulnerabilities = C9_TRY(all_rows(tx, vulnerability_spec(), {after("created_at", since)}));
    input.overdue_vulnerabilities = C9_TRY(all_rows(tx, vulnerability_spec(), vulnerability_spec().overdue_filter(today)));
    C9_TRY(risks(tx, since, today, rules, input));
    input.kpis = C9_TRY(review_kpis(tx, rules));
    if (series.type == MeetingType::management_review) {
        std::set<Id> seen;
        for (auto& nc : C9_TRY(all_rows(tx, nonconformity_spec(), nonconformity_spec().open_filter())))
            if (seen.insert(nc.id).second)
                input.nonconformities.push_back(std::move(nc));
        for (auto& nc : C9_TRY(all_rows(tx, nonconformity_spec(), {after("updated_at", since)})))
            if (seen.insert(nc.id).second)
                input.nonconformities.push_back(std::move(nc));
        input.lessons = C9_TRY(all_rows(tx, lesson_spec(), {after("created_at", since)}));
    }
    return input;
}

} // namespace c9
