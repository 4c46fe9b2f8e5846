#include "app/agenda.h"

#include "app/access.h"
#include "app/refs.h"
#include "store/meeting_records.h"
#include "store/typed.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace c9 {

namespace {

Result<AgendaView> agenda_view(Tx& tx, Id meeting, const Caller& caller)
{
    auto record = C9_TRY(load_meeting(tx, meeting));
    auto doc = C9_TRY(agenda_doc(tx, record, caller));
    return AgendaView{std::move(doc), std::move(record.agenda)};
}

Result<AgendaEdit> edit_result(Tx& tx, AgendaItem item, const Caller& caller, AgendaAfter after)
{
    AgendaEdit edit{std::move(item), std::nullopt};
    if (after == AgendaAfter::yes)
        edit.agenda = C9_TRY(agenda_view(tx, edit.item.meeting, caller));
    return edit;
}

bool patch_has(const Patch& patch, std::string_view field)
{
    return std::any_of(patch.begin(), patch.end(), [&](const FieldInput& input) { return input.field == field; });
}

Result<Id> chosen_meeting(Tx& tx, const MeetingChoice& choice, const Caller& caller)
{
    if (!choice.meeting.empty())
        return C9_TRY(find_meeting(tx, choice.meeting)).id;
    std::optional<Id> series;
    if (!choice.series.empty())
        series = C9_TRY(get_row(tx, series_spec(), C9_TRY(find_row_id(tx, series_spec(), choice.series)))).id;
    return C9_TRY(next_planned_meeting(tx, series, caller)).id;
}

} // namespace

Result<AgendaView> show_agenda(Store& store, const MeetingChoice& choice, const Caller& caller)
{
    // Most agendas asked for are of meetings past planning: those are read without taking the write lock.
    auto [meeting, state] = C9_TRY(store.read([&](Tx& tx) -> Result<std::pair<Id, MeetingState>> {
        auto id = C9_TRY(chosen_meeting(tx, choice, caller));
        return std::pair{id, C9_TRY(get_row(tx, meeting_spec(), id)).state};
    }));
    if (state != MeetingState::planned)
        return store.read([&](Tx& tx) { return agenda_view(tx, meeting, caller); });
    Caller system{fmt::format("system (agenda refreshed for {})", caller.actor), std::nullopt, caller.now,
        Standing::local, std::nullopt, std::nullopt};
    return store.write([&](Tx& tx) -> Result<AgendaView> {
        // It may have started since it was read; then its agenda is frozen as it is.
        if (C9_TRY(get_row(tx, meeting_spec(), meeting)).state == MeetingState::planned)
            C9_TRY(build_meeting_agenda(tx, meeting, system));
        return agenda_view(tx, meeting, caller);
    });
}

Result<AgendaEdit> add_agenda_item(
    Store& store, std::string_view meeting_ref, const Patch& fields, const Caller& caller, AgendaAfter after)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "agendas"));
    return store.write([&](Tx& tx) -> Result<AgendaEdit> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        return edit_result(tx, C9_TRY(add_agenda_item(tx, meeting.id, fields, caller)), caller, after);
    });
}

Result<AgendaEdit> edit_agenda_item(Store& store, std::string_view meeting_ref, const ItemRef& item,
    const Patch& fields, std::optional<int> position, std::optional<std::int64_t> expected_version,
    const Caller& caller, AgendaAfter after)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "agendas"));
    if (fields.empty() && !position)
        return Error::invalid("fields", "nothing to change; give at least one field or a position");
    return store.write([&](Tx& tx) -> Result<AgendaEdit> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        auto before = C9_TRY(find_agenda_item(tx, meeting.id, item));
        if (expected_version && *expected_version != before.version)
            return Error::stale(fmt::format("{} was changed by someone else (version {} is now {}); reload the agenda",
                display_id("AI", before.id), *expected_version, before.version));
        if (!fields.empty())
            C9_TRY(edit_agenda_item(tx, before.id, fields, caller));
        if (position)
            C9_TRY(move_agenda_item(tx, before.id, *position, caller));
        return edit_result(tx, C9_TRY(get_row(tx, agenda_item_spec(), before.id)), caller, after);
    });
}

Result<AgendaEdit> remove_agenda_item(
    Store& store, std::string_view meeting_ref, const ItemRef& item, const Caller& caller, AgendaAfter after)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "agendas"));
    return store.write([&](Tx& tx) -> Result<AgendaEdit> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        auto found = C9_TRY(find_agenda_item(tx, meeting.id, item));
        return edit_result(tx, C9_TRY(remove_agenda_item(tx, found.id, caller)), caller, after);
    });
}

Result<AgendaView> replace_agenda(
    Store& store, std::string_view meeting_ref, std::vector<AgendaEntry> entries, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "agendas"));
    return store.write([&](Tx& tx) -> Result<AgendaView> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        C9_TRY(ensure_agenda_editable(meeting));
        auto current = C9_TRY(load_meeting(tx, meeting.id)).agenda;
        std::map<Id, const AgendaItem*> by_id;
        for (const auto& item : current)
            by_id[item.id] = &item;
        // What the list says of itself first, every problem at once: new items need a title, no item comes twice.
        Problems problems;
        std::set<Id> seen;
        for (size_t index = 0; index < entries.size(); ++index) {
            const auto& entry = entries[index];
            if (!entry.id && !patch_has(entry.fields, "title"))
                problems.add(fmt::format("items[{}].title", index), "is required for a new item");
            if (entry.id && !seen.insert(*entry.id).second)
                problems.add(fmt::format("items[{}].id", index), "appears twice");
        }
        C9_TRY(problems.result());
        std::vector<Id> listed;
        for (size_t index = 0; index < entries.size(); ++index) {
            auto& entry = entries[index];
            if (!entry.id) {
                listed.push_back(C9_TRY(add_agenda_item(tx, meeting.id, entry.fields, caller)).id);
                continue;
            }
            auto found = by_id.find(*entry.id);
            if (found == by_id.end())
                return Error::invalid(fmt::format("items[{}].id", index),
                    fmt::format("{} is not an item of {}", display_id("AI", *entry.id), display_id("MTG", meeting.id)));
            // Listing an item the chair removed earlier puts it back.
            if (found->second->removed && !patch_has(entry.fields, "removed"))
                entry.fields.push_back({"removed", std::int64_t{0}});
            if (!entry.fields.empty())
                C9_TRY(edit_agenda_item(tx, *entry.id, entry.fields, caller));
            listed.push_back(*entry.id);
        }
        // Items left out are removed (kept as removed rows, so regeneration does not bring them back).
        for (const auto& item : current)
            if (!item.removed && std::find(listed.begin(), listed.end(), item.id) == listed.end())
                C9_TRY(remove_agenda_item(tx, item.id, caller));
        // Then the listed order; an entry may itself set "removed", so only the items still shown are ordered.
        std::vector<Id> shown;
        for (auto id : listed)
            if (!C9_TRY(get_row(tx, agenda_item_spec(), id)).removed)
                shown.push_back(id);
        C9_TRY(order_agenda_items(tx, meeting.id, shown, caller));
        return agenda_view(tx, meeting.id, caller);
    });
}

Result<MinutesView> show_minutes(Store& store, std::string_view meeting_ref, const Caller& caller)
{
    return store.read([&](Tx& tx) -> Result<MinutesView> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        if (auto sealed = C9_TRY(approved_minutes(tx, meeting.id)))
            return MinutesView{std::move(*sealed), std::nullopt};
        return MinutesView{std::nullopt, C9_TRY(minutes_doc(tx, C9_TRY(load_meeting(tx, meeting.id)), caller))};
    });
}

Result<AgendaDoc> invitation(Store& store, std::string_view meeting_ref, const Caller& caller)
{
    return store.read([&](Tx& tx) -> Result<AgendaDoc> {
        return agenda_doc(tx, C9_TRY(load_meeting(tx, C9_TRY(find_meeting(tx, meeting_ref)).id)), caller);
    });
}

} // namespace c9
