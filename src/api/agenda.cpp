// The agenda of a meeting (DESIGN.md section 4): read it (a planned meeting's agenda is regenerated first, merging
// what changed in the registers without losing the chair's edits), and the chair's edits: add, change, move and
// remove items, one at a time or the whole agenda at once. Starting the meeting freezes the agenda.
#include "api/meeting_ids.h"
#include "app/meeting_docs.h"
#include "app/meetings.h"
#include "export/doc_json.h"

#include <map>
#include <set>

namespace c9 {

namespace {

Result<std::vector<AgendaItem>> items_in_order(Tx& tx, Id meeting)
{
    ListQuery query;
    query.filters = {where("meeting", FilterOp::eq, meeting)};
    query.sort = "position";
    return C9_TRY(list_rows(tx, agenda_item_spec(), query)).rows;
}

// The agenda as documents have it, plus each item's version and stored position: what PATCH
// .../agenda/items/{item} takes in If-Match and in "position", so an editor changing or moving one item learns
// when another chair changed it meanwhile.
Result<Json> agenda_of(Tx& tx, Id meeting, const Caller& caller)
{
    auto record = C9_TRY(load_meeting(tx, meeting));
    auto agenda = agenda_json(C9_TRY(agenda_doc(tx, record, caller)));
    std::map<Id, const AgendaItem*> stored;
    for (const auto& item : record.agenda)
        stored[item.id] = &item;
    for (auto& section : agenda["sections"])
        for (auto& item : section["items"])
            if (auto found = stored.find(item["id"].get<Id>()); found != stored.end()) {
                item["version"] = found->second->version;
                item["position"] = found->second->position;
            }
    return agenda;
}

bool patch_has(const Patch& patch, std::string_view field)
{
    return std::any_of(patch.begin(), patch.end(), [&](const FieldInput& input) { return input.field == field; });
}

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
    return std::pair {C9_TRY(patch_from_json(agenda_item_spec(), fields)), position};
}

Result<http::Response> show_agenda(Call& call)
{
    // Regenerating writes agenda rows; it is the system's doing on the caller's behalf, whatever the caller's role.
    Caller system {fmt::format("system (agenda refreshed for {})", call.caller().actor), std::nullopt, call.now};
    auto state = C9_TRY(call.api.store.read([&](Tx& tx) -> Result<MeetingState> {
        return C9_TRY(get_row(tx, meeting_spec(), C9_TRY(path_meeting(tx, call)))).state;
    }));
    if (state == MeetingState::planned)
        return json_response(C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Json> {
            auto meeting = C9_TRY(path_meeting(tx, call));
            C9_TRY(build_meeting_agenda(tx, meeting, system));
            return agenda_of(tx, meeting, call.caller());
        })));
    return json_response(C9_TRY(call.api.store.read(
        [&](Tx& tx) -> Result<Json> { return agenda_of(tx, C9_TRY(path_meeting(tx, call)), call.caller()); })));
}

Result<http::Response> add_item_route(Call& call)
{
    auto patch = C9_TRY(patch_from_json(agenda_item_spec(), C9_TRY(call.object_body())));
    auto caller = call.caller();
    auto item = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<AgendaItem> {
        return add_agenda_item(tx, C9_TRY(path_meeting(tx, call)), patch, caller);
    }));
    return created_response(row_json(agenda_item_spec(), item),
        fmt::format("/api/v1/meetings/{}/agenda/items/{}", item.meeting, item.id), item.version);
}

Result<http::Response> edit_item_route(Call& call)
{
    auto [patch, position] = C9_TRY(item_changes(C9_TRY(call.object_body())));
    if (patch.empty() && !position)
        return Error::invalid("body", "nothing to change; give at least one field");
    auto caller = call.caller();
    auto item = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<AgendaItem> {
        auto meeting = C9_TRY(path_meeting(tx, call));
        auto before = C9_TRY(path_item(tx, call, meeting));
        if (call.if_match && *call.if_match != before.version)
            return Error::stale(fmt::format("{} was changed by someone else (version {} is now {}); reload the agenda",
                display_id("AI", before.id), *call.if_match, before.version));
        if (!patch.empty())
            C9_TRY(edit_agenda_item(tx, before.id, patch, caller));
        if (position)
            C9_TRY(move_agenda_item(tx, before.id, *position, caller));
        return get_row(tx, agenda_item_spec(), before.id);
    }));
    return row_response(row_json(agenda_item_spec(), item), item.version);
}

Result<http::Response> remove_item_route(Call& call)
{
    auto caller = call.caller();
    C9_TRY(call.api.store.write([&](Tx& tx) -> Result<AgendaItem> {
        auto meeting = C9_TRY(path_meeting(tx, call));
        auto item = C9_TRY(path_item(tx, call, meeting));
        return remove_agenda_item(tx, item.id, caller);
    }));
    return http::Response(204);
}

// One entry of a whole-agenda edit, checked before anything is written.
struct AgendaEntry {
    std::optional<Id> id; // empty: a new manual item
    Patch patch;
};

Result<std::vector<AgendaEntry>> agenda_entries(const Json& body)
{
    if (!body.is_object() || !body.contains("items") || !body["items"].is_array())
        return Error::invalid("items", "give the agenda as {\"items\": [...]}, in order");
    Problems problems;
    for (const auto& [key, value] : body.items())
        if (key != "items")
            problems.add(key, "is not taken here (this takes items)");
    std::vector<AgendaEntry> entries;
    std::set<Id> seen;
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
            else if (!seen.insert(*parsed).second)
                problems.add(prefix + ".id", "appears twice");
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
        entry.patch = std::move(*patch);
        if (!entry.id && !patch_has(entry.patch, "title"))
            problems.add(prefix + ".title", "is required for a new item");
        entries.push_back(std::move(entry));
    }
    C9_TRY(problems.result());
    return entries;
}

Result<http::Response> replace_agenda(Call& call)
{
    auto entries = C9_TRY(agenda_entries(call.body));
    auto caller = call.caller();
    auto agenda = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Json> {
        auto meeting = C9_TRY(path_meeting(tx, call));
        C9_TRY(ensure_agenda_editable(C9_TRY(get_row(tx, meeting_spec(), meeting))));
        auto current = C9_TRY(items_in_order(tx, meeting));
        std::map<Id, const AgendaItem*> by_id;
        for (const auto& item : current)
            by_id[item.id] = &item;
        std::vector<Id> listed;
        for (size_t index = 0; index < entries.size(); ++index) {
            auto& entry = entries[index];
            if (!entry.id) {
                listed.push_back(C9_TRY(add_agenda_item(tx, meeting, entry.patch, caller)).id);
                continue;
            }
            auto found = by_id.find(*entry.id);
            if (found == by_id.end())
                return Error::invalid(fmt::format("items[{}].id", index),
                    fmt::format("{} is not an item of {}", display_id("AI", *entry.id), display_id("MTG", meeting)));
            // Listing an item the chair removed earlier puts it back.
            if (found->second->removed && !patch_has(entry.patch, "removed"))
                entry.patch.push_back({"removed", std::int64_t {0}});
            if (!entry.patch.empty())
                C9_TRY(edit_agenda_item(tx, *entry.id, entry.patch, caller));
            listed.push_back(*entry.id);
        }
        // Items left out are removed (kept as removed rows, so regeneration does not bring them back).
        std::vector<Id> order = listed;
        for (const auto& item : current) {
            if (std::find(listed.begin(), listed.end(), item.id) != listed.end())
                continue;
            if (!item.removed)
                C9_TRY(remove_agenda_item(tx, item.id, caller));
            order.push_back(item.id);
        }
        // Then the listed order, removed items after it.
        std::vector<Id> positions;
        for (const auto& item : C9_TRY(items_in_order(tx, meeting)))
            positions.push_back(item.id);
        for (size_t index = 0; index < order.size(); ++index) {
            if (index < positions.size() && positions[index] == order[index])
                continue;
            positions.clear();
            for (const auto& item : C9_TRY(move_agenda_item(tx, order[index], static_cast<int>(index) + 1, caller)))
                positions.push_back(item.id);
        }
        return agenda_of(tx, meeting, caller);
    }));
    return json_response(agenda);
}

} // namespace

void add_agenda_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/meetings/{id}/agenda", Permission::read, show_agenda);
    routes.add("PUT", "/api/v1/meetings/{id}/agenda", Permission::manage_meetings, replace_agenda);
    routes.add("POST", "/api/v1/meetings/{id}/agenda/items", Permission::manage_meetings, add_item_route);
    routes.add("PATCH", "/api/v1/meetings/{id}/agenda/items/{item}", Permission::manage_meetings, edit_item_route,
        {.if_match = IfMatch::required});
    routes.add("DELETE", "/api/v1/meetings/{id}/agenda/items/{item}", Permission::manage_meetings, remove_item_route);
}

} // namespace c9
