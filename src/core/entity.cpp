#include "core/entity.h"

#include <charconv>

namespace c9 {

Storage storage_of(FieldKind kind)
{
    switch (kind) {
    case FieldKind::integer:
    case FieldKind::boolean:
    case FieldKind::person:
    case FieldKind::reference: return Storage::integer;
    case FieldKind::real: return Storage::real;
    case FieldKind::text:
    case FieldKind::date:
    case FieldKind::timestamp:
    case FieldKind::choice:
    case FieldKind::controls: return Storage::text;
    }
    return Storage::text;
}

std::string_view to_string(FieldKind kind)
{
    switch (kind) {
    case FieldKind::text: return "text";
    case FieldKind::integer: return "integer";
    case FieldKind::real: return "number";
    case FieldKind::boolean: return "boolean";
    case FieldKind::date: return "date";
    case FieldKind::timestamp: return "timestamp";
    case FieldKind::choice: return "choice";
    case FieldKind::person: return "person";
    case FieldKind::reference: return "reference";
    case FieldKind::controls: return "controls";
    }
    return "text";
}

bool from_value(const Value& value, std::string& out)
{
    if (const auto* text = std::get_if<std::string>(&value)) {
        out = *text;
        return true;
    }
    if (is_null(value)) {
        out.clear();
        return true;
    }
    return false;
}

bool from_value(const Value& value, std::int64_t& out)
{
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        out = *number;
        return true;
    }
    return false;
}

bool from_value(const Value& value, int& out)
{
    std::int64_t wide = 0;
    if (!from_value(value, wide) || wide < INT32_MIN || wide > INT32_MAX)
        return false;
    out = static_cast<int>(wide);
    return true;
}

bool from_value(const Value& value, double& out)
{
    if (const auto* number = std::get_if<double>(&value)) {
        out = *number;
        return true;
    }
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        out = static_cast<double>(*integer);
        return true;
    }
    return false;
}

bool from_value(const Value& value, bool& out)
{
    std::int64_t number = 0;
    if (!from_value(value, number) || (number != 0 && number != 1))
        return false;
    out = number == 1;
    return true;
}

bool from_value(const Value& value, Date& out)
{
    const auto* text = std::get_if<std::string>(&value);
    if (!text)
        return false;
    auto parsed = parse_date(*text);
    if (!parsed)
        return false;
    out = *parsed;
    return true;
}

bool from_value(const Value& value, Timestamp& out)
{
    const auto* text = std::get_if<std::string>(&value);
    if (!text)
        return false;
    auto parsed = parse_timestamp(*text);
    if (!parsed)
        return false;
    out = *parsed;
    return true;
}

std::string label_of(std::string_view name, std::string_view label)
{
    if (!label.empty())
        return std::string(label);
    std::string text(name);
    for (auto& c : text)
        if (c == '_')
            c = ' ';
    if (!text.empty() && text.front() >= 'a' && text.front() <= 'z')
        text.front() = static_cast<char>(text.front() - 'a' + 'A');
    return text;
}

std::string display_id(std::string_view prefix, Id id) { return std::string(prefix) + "-" + std::to_string(id); }

std::optional<Id> parse_display_id(std::string_view prefix, std::string_view text)
{
    if (text.size() > prefix.size() + 1 && text[prefix.size()] == '-') {
        bool same = true;
        for (size_t i = 0; i < prefix.size(); ++i)
            same = same && (text[i] == prefix[i] || text[i] == prefix[i] + ('a' - 'A'));
        if (same)
            text.remove_prefix(prefix.size() + 1);
    }
    Id id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return std::nullopt;
    return id;
}

} // namespace c9
