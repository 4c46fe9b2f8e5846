// Building, regenerating and editing the agenda of a planned meeting.
#include "app/agenda_input.h"
#include "app/meetings.h"
#include "app/registers.h"
#include "core/agenda.h"

#include <map>

namespace c9 {

namespace {

// Stores an agenda item change without an audit entry of its own: the caller writes one for the whole agenda.
Result<AgendaItem> store_item(Tx& tx, const AgendaItem* before, AgendaItem item, const Stamp& stamp)
{
    const auto& spec = agenda_item_spec();
    if (!before) {
        item.id = C9_TRY(tx.insert(table_of(spec), values_of(spec, item), stamp));
        item.version = 1;
        return item;
    }
    std::vector<ColumnChange> changes;
    for (size_t index = 0; index < spec.fields.size(); ++index) {
        auto old_value = spec.fields[index].get(*before);
        auto new_value = spec.fields[index].get(item);
        if (old_value != new_value)
            changes.push_back({static_cast<int>(index), old_value, new_value});
    }
    if (!changes.empty())
        item.version = C9_TRY(tx.update(table_of(spec), item.id, before->version, changes, stamp));
    return item;
}

Result<std::vector<AgendaItem>> items_of(Tx& tx, Id meeting)
{
    ListQuery query;
    query.filters = {where("meeting", FilterOp::eq, meeting)};
    query.sort = "position";
    return C9_TRY(list_rows(tx, agenda_item_spec(), query)).rows;
}

// Puts the agenda in its shown order (core order_agenda) and numbers it 1..n, storing what moved.
Result<std::vector<AgendaItem>> renumber(Tx& tx, std::vector<AgendaItem> items, const Stamp& stamp)
{
    std::map<Id, int> stored;
    for (const auto& item : items)
        stored[item.id] = item.position;
    order_agenda(items);
    for (auto& item : items) {
        if (item.position != stored[item.id]) {
            auto before = item;
            before.position = stored[item.id];
            item = C9_TRY(store_item(tx, &before, item, stamp));
        }
    }
    return items;
}

Result<Meeting> editable_meeting(Tx& tx, Id meeting_id)
{
    auto meeting = C9_TRY(get_row(tx, meeting_spec(), meeting_id));
    C9_TRY(ensure_agenda_editable(meeting));
    return meeting;
}

} // namespace

Result<std::vector<AgendaItem>> build_meeting_agenda(Tx& tx, Id meeting_id, const Caller& caller)
{
    auto meeting = C9_TRY(editable_meeting(tx, meeting_id));
    auto series = C9_TRY(get_row(tx, series_spec(), meeting.series));
    auto rules = C9_TRY(load_rules(tx, caller.now));
    auto input = C9_TRY(gather_agenda_input(tx, meeting, series, rules));
    input.unconfirmed_decisions = C9_TRY(unconfirmed_decisions(tx, meeting));
    auto existing = C9_TRY(items_of(tx, meeting_id));
    auto merge = merge_agenda(meeting_id, existing, build_agenda(input));
    fit_timeboxes(merge.items, meeting.duration_minutes);

    auto stamp = caller.stamp();
    std::map<Id, const AgendaItem*> before;
    for (const auto& item : existing)
        before[item.id] = &item;
    int added = 0, changed = 0;
    for (auto& item : merge.items) {
        derive(item, nullptr, rules);
        if (item.id == 0) {
            item = C9_TRY(store_item(tx, nullptr, item, stamp));
            ++added;
        } else {
            auto previous = before.at(item.id);
            auto version = item.version;
            item = C9_TRY(store_item(tx, previous, item, stamp));
            changed += item.version != version ? 1 : 0;
        }
    }
    for (auto id : merge.removed)
        C9_TRY(tx.erase(table_of(agenda_item_spec()), id));
    if (added || changed || !merge.removed.empty())
        C9_TRY(tx.audit({.at = stamp.at,
                         .actor = stamp.actor,
                         .action = "agenda",
                         .entity = "meeting",
                         .entity_id = meeting_id,
                         .summary = fmt::format("built the agenda of {}: {} items added, {} updated, {} dropped",
                                                display_id("MTG", meeting_id), added, changed,
                                                merge.removed.size())}));
    return merge.items;
}

Result<AgendaItem> add_agenda_item(Tx& tx, Id meeting_id, const Patch& fields, const Caller& caller)
{
    C9_TRY(editable_meeting(tx, meeting_id));
    Patch patch = fields;
    patch.push_back({"meeting", meeting_id});
    bool has_section = false;
    for (const auto& input : fields)
        has_section = has_section || input.field == "section";
    if (!has_section)
        patch.push_back({"section", std::string("other_business")});
    // meeting is read-only for edits; it is set here, once, by the system.
    const auto& spec = agenda_item_spec();
    auto rules = C9_TRY(load_rules(tx, caller.now));
    Problems problems;
    AgendaItem item;
    Patch editable;
    for (auto& input : patch)
        if (input.field != "meeting")
            editable.push_back(input);
    editable = C9_TRY(resolve_references(tx, spec, editable, problems));
    C9_TRY(apply_patch(spec, item, editable));
    item.meeting = meeting_id;
    if (item.title.empty())
        problems.add("title", "is required");
    C9_TRY(check_row(tx, spec, static_cast<const AgendaItem*>(nullptr), item, rules, problems));

    // A new item goes to the end of its section.
    auto items = C9_TRY(items_of(tx, meeting_id));
    auto insert_at = items.begin() + static_cast<long>(insertion_index(items, item.section));
    item.position = static_cast<int>(insert_at - items.begin()) + 1;
    auto stamp = caller.stamp();
    item = C9_TRY(store_item(tx, nullptr, item, stamp));
    items.insert(insert_at, item);
    C9_TRY(renumber(tx, items, stamp));
    C9_TRY(tx.audit({.at = stamp.at,
                     .actor = stamp.actor,
                     .action = "agenda",
                     .entity = "meeting",
                     .entity_id = meeting_id,
                     .summary = fmt::format("added agenda item {} \"{}\" to {}", display_id("AI", item.id), item.title,
                                            display_id("MTG", meeting_id))}));
    return C9_TRY(get_row(tx, spec, item.id));
}

Result<AgendaItem> edit_agenda_item(Tx& tx, Id item_id, const Patch& fields, const Caller& caller)
{
    const auto& spec = agenda_item_spec();
    auto before = C9_TRY(get_row(tx, spec, item_id));
    C9_TRY(editable_meeting(tx, before.meeting));
    for (const auto& input : fields)
        if (input.field == "notes" || input.field == "outcome" || input.field == "position")
            return Error::invalid(input.field, input.field == "position"
                                                   ? "is changed by moving the item"
                                                   : "is recorded during the meeting, with `meeting note`");
    auto rules = C9_TRY(load_rules(tx, caller.now));
    Problems problems;
    auto patch = C9_TRY(resolve_references(tx, spec, fields, problems));
    auto item = before;
    C9_TRY(apply_patch(spec, item, patch));
    for (const auto& input : patch)
        mark_edited(item, input.field);
    C9_TRY(check_row(tx, spec, &before, item, rules, problems));
    auto edited = C9_TRY(write_changes(tx, spec, before, item, caller, "edit agenda item"));
    if (edited.section == before.section && edited.removed == before.removed)
        return edited;
    // An item that changes section (or comes back) goes to the end of its section; the numbers follow.
    auto items = C9_TRY(items_of(tx, edited.meeting));
    std::erase_if(items, [&](const AgendaItem& other) { return other.id == edited.id; });
    items.insert(items.begin() + static_cast<long>(insertion_index(items, edited.section)), edited);
    C9_TRY(renumber(tx, items, caller.stamp()));
    return get_row(tx, spec, edited.id);
}

Result<AgendaItem> remove_agenda_item(Tx& tx, Id item_id, const Caller& caller)
{
    const auto& spec = agenda_item_spec();
    auto before = C9_TRY(get_row(tx, spec, item_id));
    C9_TRY(editable_meeting(tx, before.meeting));
    auto item = before;
    item.removed = true;
    auto removed = C9_TRY(write_changes(tx, spec, before, item, caller, "remove agenda item"));
    // The items after it move up: the numbers shown stay 1..n.
    C9_TRY(renumber(tx, C9_TRY(items_of(tx, removed.meeting)), caller.stamp()));
    return get_row(tx, spec, removed.id);
}

Result<std::vector<AgendaItem>> move_agenda_item(Tx& tx, Id item_id, int position, const Caller& caller)
{
    auto moving = C9_TRY(get_row(tx, agenda_item_spec(), item_id));
    C9_TRY(editable_meeting(tx, moving.meeting));
    if (moving.removed)
        return Error::invalid("position", fmt::format("{} is removed from the agenda; put it back before moving it",
                                                      display_id("AI", item_id)));
    // Positions are the numbers shown once ordered; an agenda stored before that rule is put in order first.
    auto items = C9_TRY(renumber(tx, C9_TRY(items_of(tx, moving.meeting)), caller.stamp()));
    std::vector<AgendaItem> shown;
    std::vector<AgendaItem> removed;
    for (auto& item : items) {
        if (item.id == item_id)
            moving = item; // as just renumbered, with its current version
        else
            (item.removed ? removed : shown).push_back(std::move(item));
    }
    auto range = section_range(shown, moving.section);
    if (position < 1 || position > static_cast<int>(shown.size()) + 1)
        return Error::invalid("position", fmt::format("must be between 1 and {}", shown.size() + 1));
    if (position < range.first || position > range.last)
        return Error::invalid("position",
            fmt::format("{} is in the {} section: it can move to {}; to put it in another section, change its "
                        "section",
                display_id("AI", item_id), to_string(moving.section),
                range.first == range.last ? std::to_string(range.first)
                                          : fmt::format("{} to {}", range.first, range.last)));
    shown.insert(shown.begin() + (position - 1), moving);
    shown.insert(shown.end(), removed.begin(), removed.end());
    auto stamp = caller.stamp();
    items = C9_TRY(renumber(tx, shown, stamp));
    C9_TRY(tx.audit({.at = stamp.at,
                     .actor = stamp.actor,
                     .action = "agenda",
                     .entity = "meeting",
                     .entity_id = moving.meeting,
                     .summary = fmt::format("moved agenda item {} to position {}", display_id("AI", item_id),
                                            position)}));
    return items;
}

Result<std::vector<AgendaItem>> order_agenda_items(
    Tx& tx, Id meeting_id, const std::vector<Id>& shown, const Caller& caller)
{
    C9_TRY(editable_meeting(tx, meeting_id));
    auto items = C9_TRY(items_of(tx, meeting_id));
    std::map<Id, AgendaItem> by_id;
    for (auto& item : items)
        by_id.emplace(item.id, std::move(item));
    std::vector<AgendaItem> ordered;
    for (size_t index = 0; index < shown.size(); ++index) {
        auto& item = by_id.at(shown[index]);
        if (!ordered.empty() && ordered.back().section > item.section)
            return Error::invalid(fmt::format("items[{}].section", index),
                fmt::format("is {}, listed after an item of {}: items stay under their sections, in the agenda's order",
                    to_string(item.section), to_string(ordered.back().section)));
        ordered.push_back(std::move(item));
        by_id.erase(shown[index]);
    }
    for (auto& [id, item] : by_id)
        ordered.push_back(std::move(item));
    return renumber(tx, std::move(ordered), caller.stamp());
}

} // namespace c9
