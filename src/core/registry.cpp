#include "core/registry.h"

#include <array>

namespace c9 {

namespace {

constexpr std::array<RegisterInfo, 14> all_registers{{
    {"person", "PER", "people", "people"},
    {"control", "CTL", "controls", "controls"},
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

} // namespace c9
