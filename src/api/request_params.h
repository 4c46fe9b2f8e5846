// What a request says besides its body: If-Match versions and query parameters that are numbers or flags. A value
// that is not one is invalid input naming the parameter.
#pragma once

#include "core/result.h"
#include "http/request.h"

#include <cstdint>
#include <optional>
#include <string>

namespace c9 {

// If-Match: "3" (or W/"3", or a bare 3) as a version; nullopt when it is not one.
std::optional<std::int64_t> parse_version_tag(std::string_view header);
std::string version_tag(std::int64_t version);

Result<std::optional<std::int64_t>> query_integer(
    const http::Request& request, std::string_view name, std::int64_t min, std::int64_t max);
// "true", "1" or no value; "false" or "0".
Result<std::optional<bool>> query_flag(const http::Request& request, std::string_view name);

} // namespace c9
