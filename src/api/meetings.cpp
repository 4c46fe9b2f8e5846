// The meeting cycle (DESIGN.md section 2): plan a meeting of a series, start it, record attendance, notes,
// decisions, action items and lessons while it runs, close it, approve its minutes. Every step is one app/
// function in one write transaction; an approved meeting refuses them all with 409 (it is sealed).
#include "app/meetings.h"

#include "api/body.h"
#include "api/meeting_ids.h"
#include "app/meeting_docs.h"
#include "export/renderers.h"
#include "store/meeting_records.h"

namespace c9 {

Result<Id> path_meeting(Tx& tx, const Call& call)
{
    auto id = C9_TRY(path_row_id(tx, meeting_spec(), call.param("id")));
    if (!C9_TRY(tx.exists("meetings", id)))
        return Error::not_found(fmt::format("meeting {} does not exist", display_id("MTG", id)));
    return id;
}

Result<AgendaItem> path_item(Tx& tx, const Call& call, Id meeting)
{
    auto id = C9_TRY(path_row_id(tx, agenda_item_spec(), call.param("item")));
    auto item = get_row(tx, agenda_item_spec(), id);
    if (!item || item->meeting != meeting)
        return Error::not_found(
            fmt::format("{} has no agenda item {}", display_id("MTG", meeting), display_id("AI", id)));
    return std::move(*item);
}

namespace {

Json attendance_json(const Attendance& attendance)
{
    return Json {{"meeting", attendance.meeting}, {"person", attendance.person}, {"role", to_string(attendance.role)},
        {"presence", to_string(attendance.presence)}};
}

http::Response meeting_response(const Meeting& meeting)
{
    return row_response(row_json(meeting_spec(), meeting), meeting.version);
}

Result<http::Response> plan_in_series(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"starts_at"});
    std::optional<Timestamp> starts_at;
    if (auto text = reader.text("starts_at", BodyReader::Need::optional, 64)) {
        starts_at = parse_timestamp(*text);
        if (!starts_at)
            reader.problems().add("starts_at", "must be a time like 2026-07-01T09:00:00Z");
    }
    C9_TRY(reader.result());
    auto caller = call.caller();
    auto meeting = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Meeting> {
        auto series = C9_TRY(path_row_id(tx, series_spec(), call.param("id")));
        return plan_meeting(tx, series, starts_at, caller);
    }));
    return created_response(
        row_json(meeting_spec(), meeting), fmt::format("/api/v1/meetings/{}", meeting.id), meeting.version);
}

Result<http::Response> start_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    C9_TRY(BodyReader(body, {}).result());
    auto caller = call.caller();
    return meeting_response(C9_TRY(call.api.store.write(
        [&](Tx& tx) -> Result<Meeting> { return start_meeting(tx, C9_TRY(path_meeting(tx, call)), caller); })));
}

Result<http::Response> close_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"uncovered_reason"});
    auto reason = reader.text("uncovered_reason");
    C9_TRY(reader.result());
    auto caller = call.caller();
    return meeting_response(C9_TRY(call.api.store.write(
        [&](Tx& tx) -> Result<Meeting> { return close_meeting(tx, C9_TRY(path_meeting(tx, call)), reason, caller); })));
}

Result<http::Response> approve_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"by"});
    auto by = reader.person("by");
    C9_TRY(reader.result());
    auto caller = call.caller();
    return meeting_response(C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Meeting> {
        auto meeting = C9_TRY(path_meeting(tx, call));
        std::optional<Id> approver;
        if (by)
            approver = C9_TRY(resolve_person(tx, "by", *by));
        // 9.3.3 and 7.5.3: the minutes are rendered, hashed and sealed with the audit trail head.
        return approve_meeting(tx, meeting, approver, caller, minutes_renderers());
    })));
}

Result<http::Response> attend_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"person", "role", "presence"});
    auto person = reader.person("person", BodyReader::Need::required);
    AttendanceInput input;
    if (auto role = reader.text("role")) {
        input.role = parse_enum<AttendeeRole>(*role);
        if (!input.role)
            reader.problems().add("role", "must be one of " + choices_text(enum_names<AttendeeRole>()));
    }
    if (auto presence = reader.text("presence")) {
        input.presence = parse_enum<Presence>(*presence);
        if (!input.presence)
            reader.problems().add("presence", "must be one of " + choices_text(enum_names<Presence>()));
    }
    C9_TRY(reader.result());
    auto caller = call.caller();
    auto attendance = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Attendance> {
        auto meeting = C9_TRY(path_meeting(tx, call));
        input.person = C9_TRY(resolve_person(tx, "person", *person));
        return record_attendance(tx, meeting, input, caller);
    }));
    return json_response(attendance_json(attendance));
}

Result<http::Response> note_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"notes", "outcome"});
    auto notes = reader.text("notes", BodyReader::Need::optional);
    std::optional<Outcome> outcome;
    if (auto text = reader.text("outcome")) {
        outcome = parse_enum<Outcome>(*text);
        if (!outcome)
            reader.problems().add("outcome", "must be one of " + choices_text(enum_names<Outcome>()));
    }
    if (!notes && !outcome)
        reader.problems().add("notes", "give notes, an outcome or both");
    C9_TRY(reader.result());
    auto caller = call.caller();
    auto item = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<AgendaItem> {
        auto meeting = C9_TRY(path_meeting(tx, call));
        C9_TRY(call.require_attendee(tx, meeting));
        auto current = C9_TRY(path_item(tx, call, meeting));
        return record_note(tx, current.id, notes.value_or(current.notes.value_or("")), outcome, caller);
    }));
    return row_response(row_json(agenda_item_spec(), item), item.version);
}

// Decisions, action items and lessons recorded in a meeting: the row's own fields, the meeting set by the path.
template <class T, class Record>
ApiHandler record_route(const EntitySpec<T>& spec, Record record, std::string_view collection)
{
    return [&spec, record, collection = std::string(collection)](Call& call) -> Result<http::Response> {
        auto patch = C9_TRY(patch_from_json(spec, C9_TRY(call.object_body())));
        auto caller = call.caller();
        auto row = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<T> {
            auto meeting = C9_TRY(path_meeting(tx, call));
            C9_TRY(call.require_attendee(tx, meeting));
            return record(tx, meeting, patch, caller);
        }));
        auto json = row_json(spec, row);
        if (collection.empty())
            return json_response(json, 201);
        return created_response(json, fmt::format("/api/v1/{}/{}", collection, row.id), row.version);
    };
}

} // namespace

void add_meeting_routes(Routes& routes)
{
    routes.add("POST", "/api/v1/meeting-series/{id}/meetings", Permission::manage_meetings, plan_in_series);
    routes.add("POST", "/api/v1/meetings/{id}/start", Permission::manage_meetings, start_route);
    routes.add("POST", "/api/v1/meetings/{id}/close", Permission::manage_meetings, close_route);
    routes.add("POST", "/api/v1/meetings/{id}/approve", Permission::manage_meetings, approve_route);
    routes.add("POST", "/api/v1/meetings/{id}/attendance", Permission::manage_meetings, attend_route);
    routes.add("POST", "/api/v1/meetings/{id}/agenda/items/{item}/notes", Permission::record_meeting, note_route);
    routes.add("POST", "/api/v1/meetings/{id}/decisions", Permission::record_meeting,
        record_route(decision_spec(), record_decision, ""));
    routes.add("POST", "/api/v1/meetings/{id}/actions", Permission::record_meeting,
        record_route(action_spec(), raise_action, "actions"));
    routes.add("POST", "/api/v1/meetings/{id}/lessons", Permission::record_meeting,
        record_route(lesson_spec(), record_lesson, "lessons"));
}

} // namespace c9
