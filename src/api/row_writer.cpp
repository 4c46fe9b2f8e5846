#include "api/row_writer.h"

#include "api/json_io.h"
#include "http/response.h"

namespace c9 {

void write_json_string(std::string& out, std::string_view text)
{
    if (!valid_utf8(text)) {
        out += json_text(Json(std::string(text)));
        return;
    }
    http::append_json_string(out, text);
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
