#include "core/registry.h"

#include "core/entity.h"
#include "core/text.h"

#include <array>
#include <fmt/format.h>

namespace c9 {

namespace {

constexpr std::array<RegisterInfo, 19> all_registers {{
    {"person", "PER", "people", "people"},
    {"control", "CTL", "controls", "controls"},
    {"asset", "AST", "assets", "assets"},
    {"context", "CTX", "context_issues", "context-issues"},
    {"party", "IP", "interested_parties", "parties"},
    {"feedback", "FB", "feedback", "feedback"},
    {"activity", "MNT", "activities", "activities"},
    {"incident", "INC", "incidents", "incidents"},
    {"vulnerability", "VUL", "vulnerabilities", "vulnerabilities"},
    {"risk", "RSK", "risks", "risks"},
    {"nonconformity", "NC", "nonconformities", "nonconformities"},
    {"kpi", "KPI", "kpis", "kpis"},
    {"action", "ACT", "actions", "actions"},
    {"lesson", "LL", "lessons", "lessons"},
    {"series", "SER", "meeting_series", "meeting-series"},
    {"meeting", "MTG", "meetings", "meetings"},
    {"agenda_item", "AI", "agenda_items", "agenda-items"},
    {"decision", "DEC", "decisions", "decisions"},
    {"proposal", "PRP", "agenda_proposals", "proposals"},
}};

} // namespace

std::span<const RegisterInfo> registers() { return all_registers; }

const RegisterInfo* find_register(std::string_view name)
{
    for (const auto& info : all_registers)
        if (info.name == name)
            return &info;
    return nullptr;
}

std::string_view prefix_of(std::string_view name)
{
    const auto* info = find_register(name);
    return info ? info->prefix : std::string_view{};
}

Result<RowRef> parse_row_ref(const RegisterInfo& target, std::string_view field, std::string_view typed)
{
    auto text = trim(typed);
    if (auto id = parse_display_id(target.prefix, text))
        return RowRef {.id = *id, .key = {}};
    if (target.name == "person" && text.find('@') != std::string_view::npos && text.size() <= 254)
        return RowRef {.id = std::nullopt, .key = lower(text)};
    if (target.name == "control" && text.find('.') != std::string_view::npos && text.size() <= 16)
        return RowRef {.id = std::nullopt, .key = std::string(text)};
    return Error::invalid(std::string(field),
        fmt::format("\"{}\" is not a {} id; give {}", text.substr(0, 64), target.name, ref_forms(target)));
}

std::string ref_forms(const RegisterInfo& target)
{
    if (target.name == "person")
        return fmt::format("{}-3, 3 or an email", target.prefix);
    if (target.name == "control")
        return fmt::format("an Annex A id like 8.8, or {}-12", target.prefix);
    return fmt::format("{}-12 or 12", target.prefix);
}

} // namespace c9
