#include "core/csv.h"

#include <fmt/format.h>

namespace c9 {

Result<std::vector<CsvRow>> parse_csv(std::string_view text)
{
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    size_t line = 1;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            if (field_started)
                return Error::invalid("csv", fmt::format("line {}: a quote inside an unquoted field", line));
            quoted = true;
            field_started = true;
            break;
        case ',':
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
            break;
        case '\r': break;
        case '\n':
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
            rows.push_back(std::move(row));
            row.clear();
            ++line;
            break;
        default:
            field += c;
            field_started = true;
        }
    }
    if (quoted)
        return Error::invalid("csv", fmt::format("line {}: a quoted field is not closed", line));
    if (field_started || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string csv_escape(std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace c9
