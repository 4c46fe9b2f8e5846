#include "cli/meeting_ids.h"

#include "core/patch.h"
#include "store/lookups.h"
#include "store/typed.h"

#include <charconv>
#include <fmt/format.h>

namespace c9 {

Result<Id> meeting_id(std::string_view text)
{
    auto id = parse_display_id("MTG", text);
    if (!id)
        return Error::invalid("meeting", fmt::format("\"{}\" is not a meeting id like MTG-3", text));
    return *id;
}

Result<Id> series_id(Tx& tx, std::string_view text)
{
    auto id = parse_display_id("SER", text);
    if (!id)
        return Error::invalid("series", fmt::format("\"{}\" is not a series id like SER-1", text));
    if (!C9_TRY(tx.exists("meeting_series", *id)))
        return Error::not_found(fmt::format("series {} does not exist", display_id("SER", *id)));
    return *id;
}

Result<Id> agenda_item_id(Tx& tx, Id meeting, std::string_view text)
{
    if (text.starts_with("AI-") || text.starts_with("ai-")) {
        auto id = parse_display_id("AI", text);
        if (!id)
            return Error::invalid("item", fmt::format("\"{}\" is not an agenda item", text));
        auto item = C9_TRY(get_row(tx, agenda_item_spec(), *id));
        if (item.meeting != meeting)
            return Error::invalid("item", fmt::format("{} is not on the agenda of {}", text, display_id("MTG", meeting)));
        return *id;
    }
    int number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || number < 1)
        return Error::invalid("item", fmt::format("\"{}\" is not an item number of the agenda (or AI-n)", text));
    ListQuery query;
    query.filters = {where("meeting", FilterOp::eq, meeting), where("removed", FilterOp::eq, std::int64_t{0})};
    query.sort = "position";
    auto items = C9_TRY(list_rows(tx, agenda_item_spec(), query)).rows;
    if (number > static_cast<int>(items.size()))
        return Error::invalid("item", fmt::format("the agenda of {} has {} items, not {}", display_id("MTG", meeting),
                                                  items.size(), number));
    return items[static_cast<size_t>(number - 1)].id;
}

Result<Id> person_id(Tx& tx, std::string_view text, std::string_view field)
{
    auto value = C9_TRY(parse_field_text(FieldKind::person, {}, {}, field, text));
    if (const auto* id = std::get_if<std::int64_t>(&value)) {
        if (!C9_TRY(tx.exists("people", *id)))
            return Error::invalid(std::string(field), fmt::format("no person has the id {}", *id));
        return *id;
    }
    auto email = std::get<std::string>(value);
    auto found = C9_TRY(person_by_email(tx, email));
    if (!found)
        return Error::invalid(std::string(field), fmt::format("no person has the email {}", email));
    return *found;
}

} // namespace c9
