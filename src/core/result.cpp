#include "core/result.h"

namespace c9 {

std::string_view to_string(ErrorCode code)
{
    switch (code) {
    case ErrorCode::invalid: return "invalid";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::stale: return "stale";
    case ErrorCode::locked: return "locked";
    case ErrorCode::unauthorized: return "unauthorized";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
    }
    return "internal";
}

Error Error::invalid(std::vector<FieldError> fields)
{
    std::string message;
    for (const auto& field : fields) {
        if (!message.empty())
            message += "; ";
        message += field.field + ": " + field.message;
    }
    Error error(ErrorCode::invalid, std::move(message));
    error.m_fields = std::move(fields);
    return error;
}

} // namespace c9
