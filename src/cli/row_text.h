// Register rows as text for people: tables for lists, a field per line for one row, and the change history.
#pragma once

#include "app/links.h"
#include "app/registers.h"
#include "core/control.h"
#include "core/registry.h"

#include <fmt/format.h>
#include <ostream>
#include <unordered_map>

namespace c9 {

std::string field_text(FieldKind kind, std::string_view target, const Value& value, const PersonNames& names);

template <class T>
std::string public_id(const EntitySpec<T>& spec, const T& row)
{
    if constexpr (std::is_same_v<T, Control>)
        return row.code;
    else
        return display_id(spec.prefix, row.id);
}

template <class T>
std::string example_id(const EntitySpec<T>& spec)
{
    if constexpr (std::is_same_v<T, Control>)
        return "5.1";
    else
        return display_id(spec.prefix, 1);
}

void print_text_table(std::ostream& out, const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows);

template <class T>
void print_table(std::ostream& out, const EntitySpec<T>& spec, const std::vector<T>& rows, const PersonNames& names)
{
    std::vector<std::string> header{"ID"};
    for (const auto& field_spec : spec.fields)
        if (field_spec.has(listed) && field_spec.name != "code")
            header.emplace_back(field_spec.name);
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows) {
        std::vector<std::string> line{public_id(spec, row)};
        for (const auto& field_spec : spec.fields)
            if (field_spec.has(listed) && field_spec.name != "code")
                line.push_back(field_text(field_spec.kind, field_spec.target, field_spec.get(row), names));
        cells.push_back(std::move(line));
    }
    print_text_table(out, header, cells);
}

template <class T>
void print_row(std::ostream& out, const EntitySpec<T>& spec, const T& row, const PersonNames& names)
{
    out << fmt::format("{} (version {})\n", public_id(spec, row), row.version);
    size_t width = 0;
    for (const auto& field_spec : spec.fields)
        width = std::max(width, field_spec.name.size());
    for (const auto& field_spec : spec.fields) {
        auto text = field_text(field_spec.kind, field_spec.target, field_spec.get(row), names);
        if (text.empty())
            continue;
        // Continuation lines of long texts line up under the first.
        std::string indented;
        for (char c : text) {
            indented += c;
            if (c == '\n')
                indented += std::string(width + 4, ' ');
        }
        out << fmt::format("  {:<{}}  {}\n", field_spec.name, width, indented);
    }
    out << fmt::format("  {:<{}}  {} by {}\n", "created", width, format_timestamp(row.created_at), row.created_by);
    out << fmt::format("  {:<{}}  {} by {}\n", "updated", width, format_timestamp(row.updated_at), row.updated_by);
}

void print_history(std::ostream& out, const std::vector<HistoryEntry>& history);

// "named by" and the rows that name a row, one line each: "  risk RSK-3  Ransomware  (open; controls)".
void print_linked(std::ostream& out, const std::vector<LinkedRow>& rows);

// A log entry on one line ("done_on 2026-06-01, due 2026-06-30, on_time yes, ..."), and a log as a table.
std::string entry_text(const LogEntry& entry, const PersonNames& names);
void print_entries(std::ostream& out, const std::vector<LogEntry>& entries, const PersonNames& names);

} // namespace c9
