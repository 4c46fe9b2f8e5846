// Register rows written straight to JSON text. The bytes are those of json_text(rows_json(spec, rows)) (a test
// compares them for every register and for hostile text), without building a Json tree per row first: a page of
// 50 rows is the response the API sends most, and the tree costs as much as the query.
#pragma once

#include "core/entity.h"

#include <charconv>
#include <set>
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

// The members a list shows: every member (no selection), or id, ref and those named in ?fields=name,email.
using FieldSelection = std::set<std::string, std::less<>>;

template <class T>
void write_row(std::string& out, const EntitySpec<T>& spec, const T& row, const FieldSelection* only = nullptr)
{
    auto shown = [only](std::string_view name) { return !only || only->contains(name); };
    out += "{\"id\":";
    if constexpr (requires { row.code; })
        write_json_string(out, row.code);
    else
        write_json_integer(out, row.id);
    out += ",\"ref\":";
    write_json_string(out, display_id(spec.prefix, row.id));
    if (shown("version")) {
        out += ",\"version\":";
        write_json_integer(out, row.version);
    }
    for (const auto& field_spec : spec.fields) {
        if (!shown(field_spec.name))
            continue;
        out += ",\"";
        out += field_spec.name; // field names are plain identifiers
        out += "\":";
        write_json_value(out, field_spec.kind, field_spec.get(row));
    }
    auto stamp = [&](std::string_view name, const std::string& value) {
        if (!shown(name))
            return;
        out += ",\"";
        out += name;
        out += "\":";
        write_json_string(out, value);
    };
    stamp("created_at", format_timestamp(row.created_at));
    stamp("created_by", row.created_by);
    stamp("updated_at", format_timestamp(row.updated_at));
    stamp("updated_by", row.updated_by);
    out += '}';
}

template <class T>
std::string rows_text(const EntitySpec<T>& spec, const std::vector<T>& rows, const FieldSelection* only = nullptr)
{
    std::string out;
    out.reserve(rows.size() * (only ? 64 : 512) + 2);
    out += '[';
    for (size_t row_idx = 0; row_idx < rows.size(); ++row_idx) {
        if (row_idx)
            out += ',';
        write_row(out, spec, rows[row_idx], only);
    }
    out += ']';
    return out;
}

} // namespace c9
