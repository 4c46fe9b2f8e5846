#include "api/json_io.h"

#include "core/text.h"

#include <fmt/format.h>

namespace c9 {

namespace {

// The nesting depth of a JSON text, counted outside strings; stops counting once past the limit.
int nesting_depth(std::string_view text)
{
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if (c == ']' || c == '}')
            --depth;
        if (deepest > max_json_depth)
            break;
    }
    return deepest;
}

} // namespace

std::string json_text(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

http::Response json_response(const Json& json, int status) { return http::Response::json(json_text(json), status); }

BodyProblem parse_json_body(std::string_view text, Json& out, std::string& message)
{
    if (nesting_depth(text) > max_json_depth) {
        message = fmt::format("The body nests deeper than {} levels.", max_json_depth);
        return BodyProblem::too_deep;
    }
    try {
        out = Json::parse(text);
        return BodyProblem::none;
    } catch (const Json::exception& error) {
        // nlohmann's messages name the byte offset and the token, never more of the input than that.
        message = fmt::format("The body is not valid JSON: {}", error.what());
        return BodyProblem::malformed;
    }
}

bool is_json_media_type(std::string_view content_type)
{
    auto type = lower(trim(content_type.substr(0, content_type.find(';'))));
    if (type.size() < 4)
        return false;
    return type == "application/json" || (type.starts_with("application/") && type.ends_with("+json"));
}

} // namespace c9
