// JSON in and out of the API: reading request bodies and headers, writing responses, and the one mapping from a
// failure to an RFC 9457 problem.
#pragma once

#include "core/result.h"
#include "export/json_rows.h"
#include "http/request.h"
#include "http/response.h"

#include <optional>
#include <string>

namespace c9 {

// Serialises; text that is not valid UTF-8 (a register row written by another tool) is replaced, never thrown on.
std::string json_text(const Json& json);
http::Response json_response(const Json& json, int status = 200);

// The status of each ErrorCode: invalid 422, not_found 404, conflict and locked 409, stale 412, unauthorized 401,
// forbidden 403, unavailable 503, internal 500.
int status_of(ErrorCode code);
// A problem response for an error. Internal and unavailable errors carry store details (SQL, file names) that
// belong in the log, not in a response, so their detail is generic; the log gets the message.
http::Response problem_response(const Error& error);
http::Response problem_response(int status, std::string detail, std::vector<http::ProblemField> errors = {});

// How a request body is read: a JSON text at most max_json_depth deep. A deeper one is refused before parsing, so
// no input makes the parser or the destructor recurse without bound.
inline constexpr int max_json_depth = 32;
enum class BodyProblem { none, malformed, too_deep };
BodyProblem parse_json_body(std::string_view text, Json& out, std::string& message);

// True for application/json and application/<anything>+json, parameters (charset) allowed.
bool is_json_media_type(std::string_view content_type);

// If-Match: "3" (or W/"3", or a bare 3) as a version; nullopt when it is not one.
std::optional<std::int64_t> parse_version_tag(std::string_view header);
std::string version_tag(std::int64_t version);

// Query parameters that are numbers or flags.
Result<std::optional<std::int64_t>> query_integer(
    const http::Request& request, std::string_view name, std::int64_t min, std::int64_t max);
Result<std::optional<bool>> query_flag(const http::Request& request, std::string_view name);

} // namespace c9
