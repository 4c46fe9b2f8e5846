#include "api/json_io.h"

#include "export/plain_text.h"

#include <charconv>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace c9 {

namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool parse_int64(std::string_view text, std::int64_t& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

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

int status_of(ErrorCode code)
{
    switch (code) {
    case ErrorCode::invalid:
        return 422;
    case ErrorCode::not_found:
        return 404;
    case ErrorCode::conflict:
    case ErrorCode::locked:
        return 409;
    case ErrorCode::stale:
        return 412;
    case ErrorCode::unauthorized:
        return 401;
    case ErrorCode::forbidden:
        return 403;
    case ErrorCode::unavailable:
        return 503;
    case ErrorCode::internal:
        return 500;
    }
    return 500;
}

http::Response problem_response(const Error& error)
{
    http::Problem problem;
    problem.status = status_of(error.code());
    switch (error.code()) {
    case ErrorCode::internal:
        spdlog::error("api: {}", error.message());
        problem.detail = "The server failed to handle this request; the error is in its log.";
        break;
    case ErrorCode::unavailable:
        spdlog::warn("api: {}", error.message());
        problem.detail = "The database is busy or unreachable; try again.";
        break;
    case ErrorCode::locked:
        // Both 409: the type says which one, so a client can tell "sealed for ever" from "not now".
        problem.type = "urn:clause9:problem:locked";
        problem.title = "Sealed";
        problem.detail = error.message();
        break;
    case ErrorCode::invalid:
        problem.type = "urn:clause9:problem:invalid";
        problem.title = "Invalid input";
        problem.detail = error.message();
        break;
    default:
        problem.detail = error.message();
    }
    for (const auto& field : error.fields())
        problem.errors.push_back({clean_text(field.field), clean_text(field.message)});
    problem.detail = clean_text(problem.detail);
    return http::Response::problem(problem);
}

http::Response problem_response(int status, std::string detail, std::vector<http::ProblemField> errors)
{
    // Details may quote the request (a path id, a header); the problem must stay valid JSON whatever it holds.
    for (auto& error : errors)
        error = {clean_text(error.field), clean_text(error.message)};
    return http::Response::problem(
        http::Problem {.status = status, .detail = clean_text(detail), .errors = std::move(errors)});
}

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
    std::string_view type = trim(content_type.substr(0, content_type.find(';')));
    if (type.size() < 4)
        return false;
    std::string lowered(type);
    for (auto& c : lowered)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lowered == "application/json" || (lowered.starts_with("application/") && lowered.ends_with("+json"));
}

std::optional<std::int64_t> parse_version_tag(std::string_view header)
{
    std::string_view tag = trim(header);
    if (tag.starts_with("W/"))
        tag.remove_prefix(2);
    if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
        tag = tag.substr(1, tag.size() - 2);
    std::int64_t version = 0;
    if (!parse_int64(tag, version) || version < 1)
        return std::nullopt;
    return version;
}

std::string version_tag(std::int64_t version) { return fmt::format("\"{}\"", version); }

Result<std::optional<std::int64_t>> query_integer(
    const http::Request& request, std::string_view name, std::int64_t min, std::int64_t max)
{
    auto text = request.query(name);
    if (!text)
        return std::optional<std::int64_t> {};
    std::int64_t value = 0;
    if (!parse_int64(*text, value) || value < min || value > max)
        return Error::invalid(std::string(name), fmt::format("must be a whole number from {} to {}", min, max));
    return std::optional<std::int64_t> {value};
}

Result<std::optional<bool>> query_flag(const http::Request& request, std::string_view name)
{
    auto text = request.query(name);
    if (!text)
        return std::optional<bool> {};
    if (*text == "true" || *text == "1" || text->empty())
        return std::optional<bool> {true};
    if (*text == "false" || *text == "0")
        return std::optional<bool> {false};
    return Error::invalid(std::string(name), "must be true or false");
}

} // namespace c9
