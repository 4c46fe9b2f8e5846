// What a route declares about itself, apart from its handler.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

namespace c9::http {

class Request;
class Response;

// An answer a connection's I/O thread may give at once because it cannot block: a static document, or a probe's
// cached result. Returning none hands the request to the route's handler on the worker pool as usual.
using QuickHandler = std::function<std::optional<Response>(const Request&)>;

struct RouteOptions {
    // Largest request body the route accepts; unset means ServerConfig::max_body_bytes. Raise it only on a route
    // that needs it (an import upload) so every other route keeps the small default.
    std::optional<size_t> body_limit;
    // Free-form label for the layer above, such as the permission the route requires. The server never reads it.
    std::string tag;
    // Skips the two thread hops to the worker pool and back when it answers (/healthz under a load balancer's
    // probes). Never for a route that reads the database or checks a password.
    QuickHandler quick;
};

struct RouteInfo {
    std::string method;
    std::string pattern; // "/api/v1/meetings/{id}/agenda"
    RouteOptions options;
};

} // namespace c9::http
