// The agenda of a meeting (DESIGN.md section 4): read it (a planned meeting's agenda is regenerated first, merging
// what changed in the registers without losing the chair's edits), and the chair's edits: add, change, move and
// remove items, one at a time or the whole agenda at once. Starting the meeting freezes the agenda. Each route
// calls one use case of app/agenda.h.
#include "app/agenda.h"

#include "api/body.h"
#include "api/live.h"
#include "api/register_routes.h"
#include "export/doc_json.h"

#include <map>

namespace c9 {

// The agenda as documents have it, plus each item's version and stored position: what PATCH
// .../agenda/items/{item} takes in If-Match and in "position", so an editor changing or moving one item learns
// when another chair changed it meanwhile.
Json agenda_with_versions(const AgendaDoc& doc, const std::vector<AgendaItem>& items)
{
    auto agenda = agenda_json(doc);
    std::map<Id, const AgendaItem*> stored;
    for (const auto& item : items)
        stored[item.id] = &item;
    for (auto& section : agenda["sections"])
        for (auto& item : section["items"])
            if (auto found = stored.find(item["id"].get<Id>()); found != stored.end()) {
                item["version"] = found->second->version;
                item["position"] = found->second->position;
            }
    return agenda;
}

namespace {

Json agenda_view_json(const AgendaView& view) { return agenda_with_versions(view.doc, view.items); }

ItemRef path_item(const Call& call) { return ItemRef{std::string(call.param("item")), ItemNumbering::id}; }

// Splits a position out of an item's fields: the order is changed by moving, the rest by editing.
Result<std::pair<Patch, std::optional<int>>> item_changes(const Json& body)
{
    if (!body.is_object())
        return Error::invalid("body", "must be a JSON object");
    Json fields = body;
    std::optional<int> position;
    if (auto found = fields.find("position"); found != fields.end()) {
        if (!found->is_number_integer() || found->get<std::int64_t>() < 1 || found->get<std::int64_t>() > 10'000)
            return Error::invalid("position", "must be a whole number from 1");
        position = static_cast<int>(found->get<std::int64_t>());
        fields.erase("position");
    }
    return std::pair{C9_TRY(patch_from_json(agenda_item_spec(), fields)), position};
}

Result<http::Response> show_agenda_route(Call& call)
{
    C9_TRY(no_query_parameters(call.request, "the agenda"));
    auto view = C9_TRY(show_agenda(call.api.store, MeetingChoice{std::string(call.param("id")), {}}, call.caller()));
    return json_response(agenda_view_json(view));
}

Result<http::Response> add_item_route(Call& call)
{
    auto patch = C9_TRY(patch_from_json(agenda_item_spec(), C9_TRY(call.object_body())));
    auto item = C9_TRY(add_agenda_item(call.api.store, call.param("id"), patch, call.caller(), AgendaAfter::no)).item;
    return created_response(row_json(agenda_item_spec(), item),
        fmt::format("/api/v1/meetings/{}/agenda/items/{}", item.meeting, item.id), item.version);
}

Result<http::Response> edit_item_route(Call& call)
{
    auto [patch, position] = C9_TRY(item_changes(C9_TRY(call.object_body())));
    auto item = C9_TRY(edit_agenda_item(call.api.store, call.param("id"), path_item(call), patch, position,
        call.if_match, call.caller(), AgendaAfter::no)).item;
    return row_response(row_json(agenda_item_spec(), item), item.version);
}

Result<http::Response> remove_item_route(Call& call)
{
    C9_TRY(remove_agenda_item(call.api.store, call.param("id"), path_item(call), call.caller(), AgendaAfter::no));
    return http::Response(204);
}

// {"items": [...]} in order: each an object with the item's fields, and "id" for an item kept.
Result<std::vector<AgendaEntry>> agenda_entries(const Json& body)
{
    if (!body.is_object() || !body.contains("items") || !body["items"].is_array())
        return Error::invalid("items", "give the agenda as {\"items\": [...]}, in order");
    Problems problems;
    for (const auto& [key, value] : body.items())
        if (key != "items")
            problems.add(key, "is not taken here (this takes items)");
    std::vector<AgendaEntry> entries;
    const auto& items = body["items"];
    for (size_t index = 0; index < items.size(); ++index) {
        auto prefix = fmt::format("items[{}]", index);
        const auto& item = items[index];
        if (!item.is_object()) {
            problems.add(prefix, "must be an object");
            continue;
        }
        AgendaEntry entry;
        Json fields = item;
        if (auto id = fields.find("id"); id != fields.end()) {
            std::optional<Id> parsed;
            if (id->is_number_integer() && id->get<std::int64_t>() > 0)
                parsed = id->get<std::int64_t>();
            else if (id->is_string())
                parsed = parse_display_id("AI", id->get<std::string>());
            if (!parsed)
                problems.add(prefix + ".id", "must be an agenda item id");
            entry.id = parsed;
            fields.erase("id");
        }
        if (fields.contains("position"))
            problems.add(prefix + ".position", "is the place in the list; leave it out");
        fields.erase("position");
        auto patch = patch_from_json(agenda_item_spec(), fields);
        if (!patch) {
            for (const auto& error : patch.error().fields())
                problems.add(prefix + "." + error.field, error.message);
            continue;
        }
        entry.fields = std::move(*patch);
        entries.push_back(std::move(entry));
    }
    C9_TRY(problems.result());
    return entries;
}

Result<http::Response> replace_agenda_route(Call& call)
{
    auto entries = C9_TRY(agenda_entries(call.body));
    return json_response(
        agenda_view_json(C9_TRY(replace_agenda(call.api.store, call.param("id"), std::move(entries), call.caller()))));
}

// Proposals: the proposal's own fields, and "proposed_by" (a person's id or email; default the caller's person).
Result<http::Response> propose_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    std::optional<std::string> by;
    if (auto found = body.find("proposed_by"); found != body.end()) {
        Json proposer {{"proposed_by", *found}};
        BodyReader reader(proposer, {"proposed_by"});
        by = reader.person("proposed_by");
        C9_TRY(reader.result());
        body.erase("proposed_by");
    }
    auto patch = C9_TRY(patch_from_json(proposal_spec(), body));
    auto proposal = C9_TRY(propose_agenda_item(call.api.store, call.param("id"), patch, by, call.caller()));
    return created_response(row_json(proposal_spec(), proposal),
        fmt::format("/api/v1/meetings/{}/proposals/{}", proposal.meeting, proposal.id), proposal.version);
}

Result<http::Response> list_proposals_route(Call& call)
{
    C9_TRY(no_query_parameters(call.request, "the proposals"));
    auto rows = Json::array();
    for (const auto& proposal : C9_TRY(list_proposals(call.api.store, call.param("id"), call.caller())))
        rows.push_back(row_json(proposal_spec(), proposal));
    return json_response(rows);
}

// {"section": "risks"}, or no body: the section the item goes to (default other_business).
Result<http::Response> accept_route(Call& call)
{
    std::optional<AgendaSection> section;
    if (!call.request.body().empty()) {
        auto body = C9_TRY(call.object_body());
        BodyReader reader(body, {"section"});
        if (auto text = reader.text("section")) {
            section = parse_enum<AgendaSection>(*text);
            if (!section)
                reader.problems().add("section", fmt::format("\"{}\" is not an agenda section", *text));
        }
        C9_TRY(reader.result());
    }
    auto accepted
        = C9_TRY(accept_proposal(call.api.store, call.param("id"), call.param("proposal"), section, call.caller()));
    auto json = row_json(proposal_spec(), accepted.proposal);
    json["item"] = row_json(agenda_item_spec(), accepted.item);
    return row_response(json, accepted.proposal.version);
}

// {"reason": "..."}: why the proposal is not taken onto the agenda.
Result<http::Response> decline_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"reason"});
    auto reason = reader.text("reason", BodyReader::Need::required, 4000);
    C9_TRY(reader.result());
    auto proposal
        = C9_TRY(decline_proposal(call.api.store, call.param("id"), call.param("proposal"), *reason, call.caller()));
    return row_response(row_json(proposal_spec(), proposal), proposal.version);
}

} // namespace

void add_agenda_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/meetings/{id}/agenda", Permission::read, show_agenda_route);
    routes.add("PUT", "/api/v1/meetings/{id}/agenda", Permission::manage_meetings, replace_agenda_route);
    routes.add("POST", "/api/v1/meetings/{id}/agenda/items", Permission::manage_meetings, add_item_route);
    routes.add("PATCH", "/api/v1/meetings/{id}/agenda/items/{item}", Permission::manage_meetings, edit_item_route,
        {.if_match = IfMatch::required});
    routes.add("DELETE", "/api/v1/meetings/{id}/agenda/items/{item}", Permission::manage_meetings, remove_item_route);
    routes.add("GET", "/api/v1/meetings/{id}/proposals", Permission::read, list_proposals_route);
    routes.add("POST", "/api/v1/meetings/{id}/proposals", Permission::record_meeting, propose_route);
    routes.add("POST", "/api/v1/meetings/{id}/proposals/{proposal}/accept", Permission::manage_meetings, accept_route);
    routes.add(
        "POST", "/api/v1/meetings/{id}/proposals/{proposal}/decline", Permission::manage_meetings, decline_route);
}

} // namespace c9
