#include "cli/row_text.h"

#include "cli/table.h"

namespace c9 {

std::string field_text(FieldKind kind, std::string_view target, const Value& value, const PersonNames& names)
{
    if (is_null(value))
        return {};
    switch (kind) {
    case FieldKind::boolean: return std::get<std::int64_t>(value) ? "yes" : "no";
    case FieldKind::person: {
        auto id = std::get<std::int64_t>(value);
        auto found = names.find(id);
        return found != names.end() ? found->second : display_id("PER", id);
    }
    case FieldKind::reference: return display_id(prefix_of(target), std::get<std::int64_t>(value));
    default: return to_text(value);
    }
}

void print_text_table(std::ostream& out, const std::vector<std::string>& header,
                      const std::vector<std::vector<std::string>>& rows)
{
    TextTable table(header);
    for (const auto& row : rows)
        table.add(row);
    table.print(out);
}

void print_history(std::ostream& out, const std::vector<HistoryEntry>& history)
{
    if (history.empty())
        return;
    out << "history\n";
    for (const auto& entry : history) {
        auto before = entry.old_value.empty() ? "(none)" : cut(entry.old_value, 40);
        auto after = entry.new_value.empty() ? "(none)" : cut(entry.new_value, 40);
        out << fmt::format("  {}  v{}  {}  {}: {} -> {}\n", format_timestamp(entry.at), entry.version, entry.actor,
                           entry.field, before, after);
    }
}

} // namespace c9
