#include "api/row_writer.h"

#include "api/json_io.h"

namespace c9 {

namespace {

// True when the text is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text)
{
    size_t index = 0;
    while (index < text.size()) {
        auto byte = static_cast<unsigned char>(text[index]);
        if (byte < 0x80) {
            ++index;
            continue;
        }
        size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0;
        if (length == 0 || byte > 0xF4 || index + length > text.size())
            return false;
        auto second = static_cast<unsigned char>(text[index + 1]);
        if ((byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90)
            || (byte == 0xF4 && second > 0x8F))
            return false;
        for (size_t next = 1; next < length; ++next)
            if ((static_cast<unsigned char>(text[index + next]) & 0xC0) != 0x80)
                return false;
        index += length;
    }
    return true;
}

} // namespace

void write_json_string(std::string& out, std::string_view text)
{
    if (!valid_utf8(text)) {
        out += json_text(Json(std::string(text)));
        return;
    }
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void write_json_value(std::string& out, FieldKind kind, const Value& value)
{
    if (is_null(value)) {
        out += "null";
    } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
        if (kind == FieldKind::boolean)
            out += *integer != 0 ? "true" : "false";
        else
            write_json_integer(out, *integer);
    } else if (const auto* real = std::get_if<double>(&value)) {
        // nlohmann's shortest round-trip form ("7.5", "90.0"), which no standard function writes the same way.
        out += Json(*real).dump();
    } else {
        write_json_string(out, std::get<std::string>(value));
    }
}

} // namespace c9
