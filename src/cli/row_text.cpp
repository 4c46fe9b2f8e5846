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

void print_linked(std::ostream& out, const std::vector<LinkedRow>& rows)
{
    if (rows.empty())
        return;
    out << "named by\n";
    for (const auto& row : rows)
        out << fmt::format("  {:<13} {:<8} {}  ({}{}{})\n", row.register_name, row.ref, cut(row.title, 60), row.status,
            row.status.empty() ? "" : "; ", row.field);
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

namespace {

// A back-dated entry says when it was entered beside the date it stands for; the others say nothing of it.
std::string backdated_text(const LogEntry& entry, const Value& backdated)
{
    if (backdated != Value {std::int64_t {1}})
        return {};
    for (const auto& field : entry)
        if (field.name == "recorded_at")
            return "entered " + to_text(field.value).substr(0, 10);
    return "yes";
}

std::string entry_field_text(const LogEntry& entry, const EntryField& field, const PersonNames& names)
{
    return field.name == "backdated" ? backdated_text(entry, field.value)
                                     : field_text(field.kind, {}, field.value, names);
}

} // namespace

std::string entry_text(const LogEntry& entry, const PersonNames& names)
{
    std::string out;
    for (const auto& field : entry) {
        auto text = entry_field_text(entry, field, names);
        if (text.empty() || field.name == "id" || field.name == "recorded_at" || field.name == "recorded_by")
            continue;
        out += fmt::format("{}{} {}", out.empty() ? "" : ", ", field.name, cut(text, 60));
    }
    return out;
}

void print_entries(std::ostream& out, const std::vector<LogEntry>& entries, const PersonNames& names)
{
    if (entries.empty()) {
        out << "(no entries)\n";
        return;
    }
    std::vector<std::string> header;
    for (const auto& field : entries.front())
        if (field.name != "id" && field.name != "recorded_at")
            header.emplace_back(field.name);
    std::vector<std::vector<std::string>> rows;
    for (const auto& entry : entries) {
        std::vector<std::string> line;
        for (const auto& field : entry)
            if (field.name != "id" && field.name != "recorded_at")
                line.push_back(entry_field_text(entry, field, names));
        rows.push_back(std::move(line));
    }
    print_text_table(out, header, rows);
}

} // namespace c9
