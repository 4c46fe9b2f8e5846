#include "core/agenda.h"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace c9 {

bool is_edited(const AgendaItem& item, std::string_view field)
{
    size_t pos = 0;
    std::string_view edited = item.edited;
    while (pos < edited.size()) {
        size_t end = edited.find(',', pos);
        if (end == std::string_view::npos)
            end = edited.size();
        auto name = edited.substr(pos, end - pos);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        if (name == field)
            return true;
        pos = end + 1;
    }
    return false;
}

void mark_edited(AgendaItem& item, std::string_view field)
{
    if (is_edited(item, field))
        return;
    item.edited += (item.edited.empty() ? "" : ", ") + std::string(field);
}

namespace {

// Copies the builder's proposal into the item, except the fields the chair changed by hand.
void apply_draft(AgendaItem& item, const AgendaDraft& draft)
{
    if (!is_edited(item, "title"))
        item.title = draft.title;
    if (!is_edited(item, "presenter"))
        item.presenter = draft.presenter;
    if (!is_edited(item, "timebox_minutes"))
        item.timebox_minutes = draft.timebox_minutes;
    if (!is_edited(item, "sources"))
        item.sources = fmt::format("{}", fmt::join(draft.sources, ", "));
    if (!is_edited(item, "covers"))
        item.covers = draft.covers;
    if (!is_edited(item, "section"))
        item.section = draft.section;
}

bool worth_keeping(const AgendaItem& item)
{
    return !item.key || !item.edited.empty() || (item.notes && !item.notes->empty()) || item.outcome.has_value();
}

} // namespace

size_t insertion_index(const std::vector<AgendaItem>& items, AgendaSection section)
{
    // After the last shown item of this section or an earlier one: the chair's reordering elsewhere is left alone.
    size_t index = 0;
    for (size_t position = 0; position < items.size(); ++position)
        if (!items[position].removed && items[position].section <= section)
            index = position + 1;
    return index;
}

void fit_timeboxes(std::vector<AgendaItem>& items, int duration_minutes)
{
    int kept = 0, generated = 0;
    std::vector<AgendaItem*> scalable;
    for (auto& item : items) {
        if (item.removed)
            continue;
        if (!item.key || is_edited(item, "timebox_minutes")) {
            kept += item.timebox_minutes;
        } else {
            generated += item.timebox_minutes;
            scalable.push_back(&item);
        }
    }
    int available = duration_minutes - kept;
    if (generated <= available || scalable.empty())
        return;
    int floor_total = static_cast<int>(scalable.size()); // one minute each at least
    available = std::max(available, floor_total);
    int total = 0;
    for (auto* item : scalable) {
        item->timebox_minutes = std::max(1, item->timebox_minutes * available / generated);
        total += item->timebox_minutes;
    }
    // Rounding down leaves minutes over: they go to the items in order, the longest first.
    std::vector<AgendaItem*> by_length = scalable;
    std::stable_sort(by_length.begin(), by_length.end(),
                     [](const AgendaItem* a, const AgendaItem* b) { return a->timebox_minutes > b->timebox_minutes; });
    for (size_t index = 0; total < available && !by_length.empty(); index = (index + 1) % by_length.size()) {
        ++by_length[index]->timebox_minutes;
        ++total;
    }
}

void order_agenda(std::vector<AgendaItem>& items)
{
    std::stable_sort(items.begin(), items.end(), [](const AgendaItem& a, const AgendaItem& b) {
        if (a.removed != b.removed)
            return !a.removed;
        return !a.removed && a.section < b.section;
    });
    int position = 1;
    for (auto& item : items)
        item.position = position++;
}

SectionRange section_range(const std::vector<AgendaItem>& shown_without_item, AgendaSection section)
{
    int before = 0, through = 0;
    for (const auto& item : shown_without_item) {
        before += item.section < section ? 1 : 0;
        through += item.section <= section ? 1 : 0;
    }
    return {before + 1, through + 1};
}

AgendaMerge merge_agenda(Id meeting, const std::vector<AgendaItem>& existing, const std::vector<AgendaDraft>& drafts)
{
    AgendaMerge merge;
    std::vector<AgendaItem> ordered = existing;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const AgendaItem& a, const AgendaItem& b) { return a.position < b.position; });

    std::unordered_map<std::string, const AgendaDraft*> by_key;
    for (const auto& draft : drafts)
        by_key[draft.key] = &draft;

    // Existing items keep their order: refreshed when still found, kept when the chair made them their own.
    std::unordered_map<std::string, bool> present;
    for (auto& item : ordered) {
        if (!item.key) {
            merge.items.push_back(item);
            continue;
        }
        present[*item.key] = true;
        auto found = by_key.find(*item.key);
        if (found != by_key.end()) {
            if (!item.removed)
                apply_draft(item, *found->second);
            merge.items.push_back(item);
        } else if (item.removed || !worth_keeping(item)) {
            merge.removed.push_back(item.id);
        } else {
            merge.items.push_back(item);
        }
    }

    // New findings go after the last item of their section.
    for (const auto& draft : drafts) {
        if (present.contains(draft.key))
            continue;
        AgendaItem item;
        item.meeting = meeting;
        item.key = draft.key;
        item.section = draft.section;
        apply_draft(item, draft);
        auto insert_at = merge.items.begin() + static_cast<long>(insertion_index(merge.items, draft.section));
        merge.items.insert(insert_at, std::move(item));
    }

    order_agenda(merge.items);
    return merge;
}

} // namespace c9
