// The one mapping from a failure to an RFC 9457 problem: every error a handler returns, or the guard refuses with,
// becomes problem+json here, with the fields at fault.
#pragma once

#include "core/result.h"
#include "http/response.h"

#include <string>
#include <vector>

namespace c9 {

// The status of each ErrorCode: invalid 422, not_found 404, conflict and locked 409, stale 412, unauthorized 401,
// forbidden 403, unavailable 503, internal 500.
int status_of(ErrorCode code);
// A problem response for an error. Internal and unavailable errors carry store details (SQL, file names) that
// belong in the log, not in a response, so their detail is generic; the log gets the message.
http::Response problem_response(const Error& error);
http::Response problem_response(int status, std::string detail, std::vector<http::ProblemField> errors = {});

} // namespace c9
