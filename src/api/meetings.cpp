// The meeting cycle (DESIGN.md section 2): plan a meeting of a series, start it, record attendance, notes,
// decisions, action items and lessons while it runs, close it, approve its minutes. Every step is one app/ use
// case (app/meeting_cycle.h); an approved meeting refuses them all with 409 (it is sealed).
#include "api/body.h"
#include "api/register_routes.h"
#include "app/meeting_cycle.h"
#include "export/renderers.h"

namespace c9 {

namespace {

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
    auto meeting = C9_TRY(plan_meeting(call.api.store, call.param("id"), starts_at, call.caller()));
    return created_response(
        row_json(meeting_spec(), meeting), fmt::format("/api/v1/meetings/{}", meeting.id), meeting.version);
}

Result<http::Response> start_route(Call& call)
{
    C9_TRY(BodyReader(C9_TRY(call.object_body()), {}).result());
    return meeting_response(C9_TRY(start_meeting(call.api.store, call.param("id"), call.caller())));
}

Result<http::Response> close_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"uncovered_reason"});
    auto reason = reader.text("uncovered_reason");
    C9_TRY(reader.result());
    return meeting_response(C9_TRY(close_meeting(call.api.store, call.param("id"), reason, call.caller())));
}

Result<http::Response> approve_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"by"});
    auto by = reader.person("by");
    C9_TRY(reader.result());
    // 9.3.3 and 7.5.3: the minutes are rendered, hashed and sealed with the audit trail head.
    return meeting_response(
        C9_TRY(approve_meeting(call.api.store, call.param("id"), by, call.caller(), minutes_renderers())));
}

Result<http::Response> attend_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"person", "role", "presence"});
    auto person = reader.person("person", BodyReader::Need::required);
    AttendanceChange change;
    if (auto role = reader.text("role")) {
        change.role = parse_enum<AttendeeRole>(*role);
        if (!change.role)
            reader.problems().add("role", "must be one of " + choices_text(enum_names<AttendeeRole>()));
    }
    if (auto presence = reader.text("presence")) {
        change.presence = parse_enum<Presence>(*presence);
        if (!change.presence)
            reader.problems().add("presence", "must be one of " + choices_text(enum_names<Presence>()));
    }
    C9_TRY(reader.result());
    change.people.push_back(*person);
    auto recorded = C9_TRY(record_attendance(call.api.store, call.param("id"), change, call.caller()));
    return json_response(attendance_json(recorded.front()));
}

Result<http::Response> note_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"notes", "outcome", "append"});
    auto notes = reader.text("notes", BodyReader::Need::optional);
    auto append = reader.flag("append");
    std::optional<Outcome> outcome;
    if (auto text = reader.text("outcome")) {
        outcome = parse_enum<Outcome>(*text);
        if (!outcome)
            reader.problems().add("outcome", "must be one of " + choices_text(enum_names<Outcome>()));
    }
    C9_TRY(reader.result());
    auto item = C9_TRY(record_note(call.api.store, call.param("id"),
        ItemRef {std::string(call.param("item")), ItemNumbering::id}, notes, outcome, call.caller(),
        append.value_or(false) ? NoteMode::append : NoteMode::replace, call.if_match));
    return row_response(row_json(agenda_item_spec(), item), item.version);
}

// The live view: server-sent events of the meeting's state (api/live.h).
Result<http::Response> live_route(Call& call)
{
    auto meeting = C9_TRY(watchable_meeting(call.api.store, call.param("id"), call.caller()));
    return http::Response::events(call.api.live.watch(meeting));
}

Result<http::Response> current_item_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"item"});
    auto item = reader.reference("item", "an agenda item of the meeting: its id or AI-n", BodyReader::Need::required);
    C9_TRY(reader.result());
    auto meeting
        = C9_TRY(set_current_item(call.api.store, call.param("id"), ItemRef {*item, ItemNumbering::id}, call.caller()));
    return row_response(row_json(meeting_spec(), meeting), meeting.version);
}

Json member_json(const SeriesMember& member)
{
    return {{"series", member.series}, {"person", member.person}, {"role", to_string(member.role)}};
}

Result<http::Response> list_members_route(Call& call)
{
    auto view = C9_TRY(list_series_members(call.api.store, call.param("id"), call.caller()));
    auto rows = Json::array();
    for (const auto& member : view.members) {
        auto row = member_json(member);
        row["name"] = view.names[member.person];
        rows.push_back(std::move(row));
    }
    return json_response(rows);
}

Result<http::Response> add_member_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"person", "role"});
    auto person = reader.person("person", BodyReader::Need::required);
    std::optional<AttendeeRole> role;
    if (auto text = reader.text("role")) {
        role = parse_enum<AttendeeRole>(*text);
        if (!role)
            reader.problems().add("role", "must be one of member, chair, minute_taker");
    }
    C9_TRY(reader.result());
    return json_response(
        member_json(C9_TRY(add_series_member(call.api.store, call.param("id"), *person, role, call.caller()))));
}

Result<http::Response> remove_member_route(Call& call)
{
    C9_TRY(remove_series_member(call.api.store, call.param("id"), call.param("person"), call.caller()));
    return http::Response(204);
}

// Decisions, action items and lessons recorded in a meeting: the row's own fields, the meeting set by the path.
template <class T>
ApiHandler record_route(const EntitySpec<T>& spec,
    Result<T> (*record)(Store&, std::string_view, std::optional<ItemRef>, Patch, const Caller&),
    std::string_view collection)
{
    return [&spec, record, collection = std::string(collection)](Call& call) -> Result<http::Response> {
        auto patch = C9_TRY(patch_from_json(spec, C9_TRY(call.object_body())));
        auto row = C9_TRY(record(call.api.store, call.param("id"), std::nullopt, std::move(patch), call.caller()));
        auto json = row_json(spec, row);
        if (collection.empty())
            return json_response(json, 201);
        return created_response(json, fmt::format("/api/v1/{}/{}", collection, row.id), row.version);
    };
}

// The decision log: ?series=SER-1&owner=PER-2&since=2026-01-01&provisional=true, oldest first.
Result<http::Response> list_decisions_route(Call& call)
{
    Problems problems;
    DecisionQuery query;
    for (const auto& [name, value] : call.request.query_params()) {
        if (name == "series")
            query.series = value;
        else if (name == "owner")
            query.owner = value;
        else if (name == "since")
            query.since = value;
        else if (name != "provisional")
            problems.add(name, "is not a parameter of the decision log (series, owner, since, provisional)");
    }
    auto provisional = query_flag(call.request, "provisional");
    if (!provisional)
        problems.add("provisional", provisional.error().fields().at(0).message);
    C9_TRY(problems.result());
    query.provisional_only = provisional->value_or(false);
    auto log = C9_TRY(list_decisions(call.api.store, query, call.caller()));
    auto rows = Json::array();
    for (const auto& entry : log.entries)
        rows.push_back(decision_log_json(entry.decision, entry.meeting));
    return json_response(rows);
}

} // namespace

void add_meeting_routes(Routes& routes)
{
    routes.add("POST", "/api/v1/meeting-series/{id}/meetings", Permission::manage_meetings, plan_in_series);
    routes.add("GET", "/api/v1/meeting-series/{id}/members", Permission::read, list_members_route);
    routes.add("POST", "/api/v1/meeting-series/{id}/members", Permission::manage_meetings, add_member_route);
    routes.add("DELETE", "/api/v1/meeting-series/{id}/members/{person}", Permission::manage_meetings,
        remove_member_route);
    routes.add("POST", "/api/v1/meetings/{id}/start", Permission::manage_meetings, start_route);
    routes.add("GET", "/api/v1/decisions", Permission::read, list_decisions_route);
    routes.add("POST", "/api/v1/meetings/{id}/close", Permission::manage_meetings, close_route);
    routes.add("POST", "/api/v1/meetings/{id}/approve", Permission::manage_meetings, approve_route);
    routes.add("POST", "/api/v1/meetings/{id}/attendance", Permission::manage_meetings, attend_route);
    routes.add("POST", "/api/v1/meetings/{id}/agenda/items/{item}/notes", Permission::record_meeting, note_route,
        {.if_match = IfMatch::optional});
    routes.add("GET", "/api/v1/meetings/{id}/live", Permission::read, live_route);
    routes.add("PUT", "/api/v1/meetings/{id}/current", Permission::record_meeting, current_item_route);
    routes.add("POST", "/api/v1/meetings/{id}/decisions", Permission::record_meeting,
        record_route<Decision>(decision_spec(), &record_decision, ""));
    routes.add("POST", "/api/v1/meetings/{id}/actions", Permission::record_meeting,
        record_route<ActionItem>(action_spec(), &raise_action, "actions"));
    routes.add("POST", "/api/v1/meetings/{id}/lessons", Permission::record_meeting,
        record_route<Lesson>(lesson_spec(), &record_lesson, "lessons"));
}

} // namespace c9
