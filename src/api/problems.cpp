#include "api/problems.h"

#include "export/plain_text.h"

#include <spdlog/spdlog.h>

namespace c9 {

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

} // namespace c9
