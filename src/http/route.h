// What a route declares about itself, apart from its handler.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace c9::http {

struct RouteOptions {
    // Largest request body the route accepts; unset means ServerConfig::max_body_bytes. Raise it only on a route
    // that needs it (an import upload) so every other route keeps the small default.
    std::optional<size_t> body_limit;
    // Free-form label for the layer above, such as the permission the route requires. The server never reads it.
    std::string tag;
};

struct RouteInfo {
    std::string method;
    std::string pattern; // "/api/v1/meetings/{id}/agenda"
    RouteOptions options;
};

} // namespace c9::http
