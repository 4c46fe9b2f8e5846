// Register rows written straight to JSON text. The bytes are those of json_text(rows_json(spec, rows)) (a test
// compares them for every register and for hostile text), without building a Json tree per row first: a page of
// 50 rows is the response the API sends most, and the tree costs as much as the query.
#pragma once

#include "core/entity.h"

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// A JSON string with the escapes nlohmann::json writes; text that is not valid UTF-8 gets U+FFFD for the bad bytes,
// as json_text does.
void write_json_string(std::string& out, std::string_view text);
// A field value as export/json_rows.h value_json writes it.
void write_json_value(std::string& out, FieldKind kind, const Value& value);

inline void write_json_integer(std::string& out, std::int64_t number)
{
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end);
}

template <class T> void write_row(std::string& out, const EntitySpec<T>& spec, const T& row)
{
    out += "{\"id\":";
    if constexpr (requires { row.code; })
        write_json_string(out, row.code);
    else
        write_json_integer(out, row.id);
    out += ",\"ref\":";
    write_json_string(out, display_id(spec.prefix, row.id));
    out += ",\"version\":";
    write_json_integer(out, row.version);
    for (const auto& field_spec : spec.fields) {
        out += ",\"";
        out += field_spec.name; // field names are plain identifiers
        out += "\":";
        write_json_value(out, field_spec.kind, field_spec.get(row));
    }
    out += ",\"created_at\":";
    write_json_string(out, format_timestamp(row.created_at));
    out += ",\"created_by\":";
    write_json_string(out, row.created_by);
    out += ",\"updated_at\":";
    write_json_string(out, format_timestamp(row.updated_at));
    out += ",\"updated_by\":";
    write_json_string(out, row.updated_by);
    out += '}';
}

template <class T> std::string rows_text(const EntitySpec<T>& spec, const std::vector<T>& rows)
{
    std::string out;
    out.reserve(rows.size() * 512 + 2);
    out += '[';
    for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
        if (row_idx)
            out += ',';
        write_row(out, spec, rows[row_idx]);
    }
    out += ']';
    return out;
}

} // namespace c9
