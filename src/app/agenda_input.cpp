#include "app/agenda_input.h"

#include "app/kpi_review.h"
#include "core/asset.h"
#include "core/recurrence.h"
#include "store/agenda_queries.h"
#include "store/lookups.h"
#include "store/meeting_records.h"
#include "store/risk_scores.h"
#include "store/typed.h"

#include <algorithm>
#include <map>
#include <set>

namespace c9 {

namespace {

// Rows an agenda item names in its sources; the item's title gives the full count.
constexpr int sample_size = 50;
constexpr int owners_listed = 10;

std::vector<Value> texts(std::initializer_list<const char*> names)
{
    std::vector<Value> values;
    for (const auto* name : names)
        values.emplace_back(std::string(name));
    return values;
}

// The agenda looks at the registers as they were at its own time (AgendaInput::now): what changed after the
// previous meeting's agenda was frozen and up to now, and what existed by now. A row stamped later did not exist
// yet; in use that never happens, but a meeting record built after the fact (the demo) would otherwise list the
// future.
struct Window {
    Timestamp since {};
    Timestamp now {};
    std::set<std::string_view> newer; // registers holding rows created after now

    std::vector<Filter> changed(const char* column) const
    {
        return {
            where(column, FilterOp::gt, format_timestamp(since)), where(column, FilterOp::le, format_timestamp(now))};
    }
    // Rows created by now. Only asked of a register that has newer rows: in use none has, and the open-state
    // queries keep the indexes of their own filters (a bound on created_at draws SQLite to that index).
    template <class T> std::vector<Filter> existed(const EntitySpec<T>& spec) const
    {
        if (!newer.contains(spec.name))
            return {};
        return {where("created_at", FilterOp::le, format_timestamp(now))};
    }
};

template <class T> Result<void> note_newer_rows(Tx& tx, const EntitySpec<T>& spec, Window& window)
{
    // Counted through the created_at index (nonconformities, a small register, have none): no row to read in use.
    if (C9_TRY(tx.count(table_of(spec), {where("created_at", FilterOp::gt, format_timestamp(window.now))})) > 0)
        window.newer.insert(spec.name);
    return {};
}

std::vector<Filter> operator+(std::vector<Filter> filters, const std::vector<Filter>& more)
{
    filters.insert(filters.end(), more.begin(), more.end());
    return filters;
}

std::vector<Filter> operator+(std::vector<Filter> filters, Filter more)
{
    filters.push_back(std::move(more));
    return filters;
}

// What an agenda item lists is what changed or is open, a small part of a register: the store reads it through the
// filters' index and sorts it (ListQuery::selective).
template <class T>
Result<Sample<T>> sample(Tx& tx, const EntitySpec<T>& spec, std::vector<Filter> filters, std::string sort,
    bool descending = false, int limit = sample_size)
{
    ListQuery query;
    query.filters = std::move(filters);
    query.sort = std::move(sort);
    query.descending = descending;
    query.limit = limit;
    query.selective = true;
    auto page = C9_TRY(list_rows(tx, spec, query));
    return Sample<T> {std::move(page.rows), page.total};
}

Result<SeverityCounts> by_severity(Tx& tx, const TableDef& table, const std::vector<Filter>& filters)
{
    SeverityCounts counts;
    for (const auto& [name, count] : C9_TRY(tx.count_by(table, "severity", filters)))
        if (auto severity = parse_enum<Severity>(name))
            counts[*severity] = count;
    return counts;
}

Result<std::map<IsmsRole, Id>> role_holders(Tx& tx)
{
    std::vector<std::string> names;
    for (auto role : enum_names<IsmsRole>())
        names.emplace_back(role);
    std::map<IsmsRole, Id> holders;
    for (const auto& [name, id] : C9_TRY(first_role_holders(tx, names)))
        holders[*parse_enum<IsmsRole>(name)] = id;
    return holders;
}

// Action items raised in the meetings of this series (all earlier: the agenda is built before the meeting, and
// action items are raised in meetings in the order they are held, so none is newer than the agenda).
Result<void> series_actions(Tx& tx, const Meeting& meeting, const Window& window, Date today, AgendaInput& input)
{
    Filter in_series = where("series", FilterOp::eq, meeting.series);
    auto open = action_spec().open_filter();
    open.push_back(in_series);
    // Ordered by due date, the overdue ones come first.
    input.open_actions = C9_TRY(sample(tx, action_spec(), open, "due", false, 16));
    auto overdue = open;
    overdue.push_back(where("due", FilterOp::lt, format_date(today)));
    input.overdue_actions = C9_TRY(tx.count(table_of(action_spec()), overdue));
    if (input.open_actions.total > 15)
        input.action_owners = C9_TRY(action_owner_loads(tx, meeting.series, today, owners_listed, sample_size));
    input.closed_actions
        = C9_TRY(sample(tx, action_spec(), std::vector {in_series} + window.changed("completed_at"), "completed_at"));
    return {};
}

Result<void> maintenance(Tx& tx, const Window& window, Date today, AgendaInput& input)
{
    auto summary = C9_TRY(completions_since(tx, window.since, window.now, sample_size));
    input.completions = summary.total;
    input.late_completions = summary.late;
    input.completed_activities = summary.activities;
    input.findings.total = summary.findings.total;
    std::set<Id> ids;
    for (const auto& completion : summary.findings.rows)
        ids.insert(completion.activity);
    auto activities = C9_TRY(rows_by_id(tx, activity_spec(), ids));
    for (const auto& completion : summary.findings.rows) {
        const auto& activity = activities.at(completion.activity);
        input.findings.rows.push_back({completion, activity.title, activity.owner});
    }
    Filter active = where("active", FilterOp::eq, std::int64_t {1});
    input.overdue_activities = C9_TRY(
        sample(tx, activity_spec(), {active, where("next_due", FilterOp::lt, format_date(today))}, "next_due"));
    input.due_activities = C9_TRY(sample(tx, activity_spec(),
        {active, where("next_due", FilterOp::ge, format_date(today)),
            where("next_due", FilterOp::lt, format_date(input.next_meeting))},
        "next_due"));
    return {};
}

Result<void> controls(Tx& tx, const Window& window, Date today, AgendaInput& input)
{
    std::vector<FieldChange> changes;
    std::set<Id> ids;
    for (const char* field : {"status", "applicable"})
        for (auto& change : C9_TRY(field_changes_since(tx, "control", field, window.since, window.now))) {
            ids.insert(change.entity_id);
            changes.push_back(std::move(change));
        }
    auto controls = C9_TRY(rows_by_id(tx, control_spec(), ids));
    for (const auto& change : changes)
        input.control_changes.push_back(
            {controls.at(change.entity_id), change.field, change.old_value, change.new_value, change.at});
    input.reviews_overdue = C9_TRY(all_rows(tx, control_spec(),
        {where("next_review", FilterOp::lt, format_date(today)), where("applicable", FilterOp::ne, std::int64_t {0})}));
    return {};
}

Result<void> incidents(Tx& tx, const Window& window, AgendaInput& input)
{
    const auto& spec = incident_spec();
    // New means recorded since the previous agenda was frozen, whenever it was detected: an incident detected
    // before that meeting started and recorded during it would otherwise reach neither agenda. The items show the
    // detection date.
    auto recorded = window.changed("created_at");
    input.new_incidents = C9_TRY(by_severity(tx, table_of(spec), recorded));
    // "critical" sorts before "high": critical incidents come first.
    input.severe_incidents
        = C9_TRY(sample(tx, spec, recorded + where_in("severity", texts({"critical", "high"})), "detected_at"));
    input.routine_incidents
        = C9_TRY(sample(tx, spec, recorded + where_in("severity", texts({"critical", "high"}), true), "detected_at"));
    // Closed, or changed while closed, since then: a closing recorded late with an earlier closing time counts too.
    auto open = spec.open_filter() + window.existed(spec);
    open.push_back(where("detected_at", FilterOp::lt,
        format_timestamp(input.now - std::chrono::hours(24) * input.long_open_days)));
    input.long_open_incidents = C9_TRY(sample(tx, spec, open, "detected_at"));
    input.closed_without_lessons = C9_TRY(sample(tx, spec,
        window.changed("updated_at")
            + std::vector {where("closed_at", FilterOp::not_null), where("lessons_learned", FilterOp::is_null)},
        "closed_at"));
    return {};
}

Result<void> vulnerabilities(Tx& tx, const Window& window, Date today, AgendaInput& input)
{
    const auto& spec = vulnerability_spec();
    auto recorded = window.changed("created_at");
    input.new_vulnerabilities = C9_TRY(by_severity(tx, table_of(spec), recorded));
    input.new_vulnerability_rows = C9_TRY(sample(tx, spec, recorded, "created_at"));
    auto open = spec.open_filter() + window.existed(spec);
    auto kev = open;
    kev.push_back(where("kev", FilterOp::eq, std::int64_t {1}));
    input.known_exploited = C9_TRY(sample(tx, spec, kev, "due"));
    std::set<Id> assets;
    for (const auto& vulnerability : input.known_exploited.rows)
        if (vulnerability.asset)
            assets.insert(*vulnerability.asset);
    for (auto& [id, asset] : C9_TRY(rows_by_id(tx, asset_spec(), assets)))
        input.asset_names[id] = asset.name;
    auto overdue = spec.overdue_filter(today) + window.existed(spec);
    overdue.push_back(where("kev", FilterOp::eq, std::int64_t {0}));
    input.overdue_vulnerabilities = C9_TRY(by_severity(tx, table_of(spec), overdue));
    input.overdue_vulnerability_rows = C9_TRY(sample(tx, spec, overdue, "due"));
    input.accepted_vulnerabilities = C9_TRY(sample(tx, spec,
        std::vector {where("status", FilterOp::eq, std::string("risk_accepted"))} + window.changed("updated_at"),
        "updated_at"));
    return {};
}

Result<void> risks(Tx& tx, const Window& window, Date today, const Rules& rules, AgendaInput& input)
{
    const auto& spec = risk_spec();
    Filter open = where("status", FilterOp::eq, std::string("open"));
    input.new_risks = C9_TRY(sample(tx, spec, std::vector {open} + window.changed("created_at"), "created_at"));
    // The score history since P says which scores moved, without reading the register.
    std::vector<ScoreChange> rose;
    for (const auto& change : C9_TRY(score_changes_since(tx, window.since, window.now))) {
        if (change.before == 0 || change.before == change.after)
            continue;
        if (change.after > change.before) {
            rose.push_back(change);
        } else {
            ++input.lowered.total;
            if (input.lowered.rows.size() < static_cast<size_t>(sample_size))
                input.lowered.rows.push_back(change.risk);
        }
    }
    std::stable_sort(
        rose.begin(), rose.end(), [](const auto& a, const auto& b) { return a.after - a.before > b.after - b.before; });
    input.risen_total = static_cast<std::int64_t>(rose.size());
    std::set<Id> ids;
    for (size_t index = 0; index < rose.size() && index < 10; ++index)
        ids.insert(rose[index].risk);
    auto risen = C9_TRY(rows_by_id(tx, spec, ids));
    for (size_t index = 0; index < rose.size() && index < 10; ++index)
        input.risen.push_back({risen.at(rose[index].risk), rose[index].before, rose[index].after});
    input.above_appetite = C9_TRY(sample(tx, spec,
        std::vector {open, where("current_score", FilterOp::gt, std::int64_t {rules.matrix.appetite})}
            + window.existed(spec),
        "current_score", true));
    input.reviews_due = C9_TRY(sample(tx, spec,
        std::vector {open, where("next_review", FilterOp::lt, format_date(input.next_meeting))} + window.existed(spec),
        "next_review"));
    input.treatments_overdue = C9_TRY(sample(tx, spec,
        std::vector {open, where("treatment_due", FilterOp::lt, format_date(today)),
            where("treatment_status", FilterOp::ne, std::string("done"))}
            + window.existed(spec),
        "treatment_due"));
    return {};
}

// Maintenance: nonconformities recorded since P, those past the due date of their corrective action, and those
// whose action is taken but not yet confirmed effective.
Result<void> nonconformities(Tx& tx, const Window& window, Date today, AgendaInput& input)
{
    const auto& spec = nonconformity_spec();
    Filter open = where("status", FilterOp::ne, std::string("closed"));
    input.new_nonconformities = C9_TRY(sample(tx, spec, window.changed("created_at"), "created_at"));
    input.overdue_corrective_actions = C9_TRY(sample(
        tx, spec, std::vector {open, where("due", FilterOp::lt, format_date(today))} + window.existed(spec), "due"));
    input.effectiveness_due = C9_TRY(sample(tx, spec,
        std::vector {where("status", FilterOp::eq, std::string("in_progress")),
            where("corrective_action", FilterOp::not_null), where("effective", FilterOp::is_null)}
            + window.existed(spec),
        "due"));
    return {};
}

// Management review: nonconformities open or closed since P, audit findings among them, lessons since P.
Result<void> review_inputs(Tx& tx, const Window& window, AgendaInput& input)
{
    const auto& spec = nonconformity_spec();
    auto add = [](Sample<Nonconformity>& into, Sample<Nonconformity> more) {
        into.total += more.total;
        for (auto& row : more.rows)
            into.rows.push_back(std::move(row));
    };
    Filter open = where("status", FilterOp::ne, std::string("closed"));
    Filter closed_since = where("status", FilterOp::eq, std::string("closed"));
    Filter audits = where_in("source", texts({"internal_audit", "external_audit"}));
    add(input.nonconformities, C9_TRY(sample(tx, spec, std::vector {open} + window.existed(spec), "due")));
    add(input.nonconformities,
        C9_TRY(sample(tx, spec, std::vector {closed_since} + window.changed("updated_at"), "updated_at")));
    add(input.audit_findings, C9_TRY(sample(tx, spec, std::vector {open, audits} + window.existed(spec), "due")));
    add(input.audit_findings,
        C9_TRY(sample(tx, spec, std::vector {closed_since, audits} + window.changed("updated_at"), "updated_at")));
    input.lessons = C9_TRY(sample(tx, lesson_spec(), window.changed("created_at"), "created_at"));
    input.context_changes = C9_TRY(sample(tx, context_spec(), window.changed("updated_at"), "updated_at"));
    input.party_changes = C9_TRY(sample(tx, party_spec(), window.changed("updated_at"), "updated_at"));
    input.feedback = C9_TRY(sample(tx, feedback_spec(), window.changed("created_at"), "created_at"));
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
        return std::optional<Meeting> {};
    return std::optional<Meeting> {page.rows.front()};
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
    auto cadence = Recurrence::parse(series.cadence).value_or(Recurrence {});
    return cadence.next(to_date(meeting.starts_at));
}

Result<AgendaInput> gather_agenda_input(Tx& tx, const Meeting& meeting, const MeetingSeries& series, const Rules& rules)
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
    Window window {changes_since(input), rules.now, {}};
    C9_TRY(note_newer_rows(tx, incident_spec(), window));
    C9_TRY(note_newer_rows(tx, vulnerability_spec(), window));
    C9_TRY(note_newer_rows(tx, risk_spec(), window));
    C9_TRY(note_newer_rows(tx, nonconformity_spec(), window));
    auto today = rules.today();

    C9_TRY(series_actions(tx, meeting, window, today, input));
    C9_TRY(maintenance(tx, window, today, input));
    C9_TRY(controls(tx, window, today, input));
    C9_TRY(incidents(tx, window, input));
    C9_TRY(vulnerabilities(tx, window, today, input));
    C9_TRY(risks(tx, window, today, rules, input));
    if (series.type == MeetingType::maintenance)
        C9_TRY(nonconformities(tx, window, today, input));
    input.kpis = C9_TRY(review_kpis(tx, rules));
    if (series.type == MeetingType::management_review)
        C9_TRY(review_inputs(tx, window, input));
    return input;
}

} // namespace c9
