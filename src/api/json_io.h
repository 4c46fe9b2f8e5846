// JSON in and out of the API: request bodies read safely, responses written. Failures become problems in
// api/problems.h; If-Match and query parameters are read in api/request_params.h.
#pragma once

#include "api/problems.h"
#include "api/request_params.h"
#include "export/json_rows.h"
#include "http/request.h"
#include "http/response.h"

#include <string>

namespace c9 {

// Serialises; text that is not valid UTF-8 (a register row written by another tool) is replaced, never thrown on.
std::string json_text(const Json& json);
http::Response json_response(const Json& json, int status = 200);

// How a request body is read: a JSON text at most max_json_depth deep. A deeper one is refused before parsing, so
// no input makes the parser or the destructor recurse without bound.
inline constexpr int max_json_depth = 32;
enum class BodyProblem { none, malformed, too_deep };
BodyProblem parse_json_body(std::string_view text, Json& out, std::string& message);

// True for application/json and application/<anything>+json, parameters (charset) allowed.
bool is_json_media_type(std::string_view content_type);

} // namespace c9
