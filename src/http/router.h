// Maps a method and path to a handler. Patterns are literal segments and {name} parameters:
// "/api/v1/meetings/{id}/agenda". Routes are added once at startup; afterwards the router is only read, from any
// thread, without locks.
#pragma once

#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace c9::http {

using Handler = std::function<Response(Request&)>;

namespace detail {
struct RouteNode;
struct RouteEntry;
} // namespace detail

// The outcome of a lookup. The server needs it once the header is in, before the body (for the body limit), and
// again after the body, to run the handler.
struct RouteMatch {
    enum class Kind { route, fallback, not_found, method_not_allowed };
    Kind kind = Kind::not_found;
    const RouteInfo* route = nullptr;
    const Handler* handler = nullptr;
    PathParams params;
    std::string allow; // for method_not_allowed: "GET, HEAD, POST"
};

class Router {
public:
    Router();
    ~Router();
    Router(Router&&) noexcept;
    Router& operator=(Router&&) noexcept;

    // Registers a handler. A malformed pattern or a second route for the same method and path shape is a
    // programming error and throws std::logic_error at startup. A GET route also answers HEAD.
    void add(std::string_view method, std::string_view pattern, Handler handler, RouteOptions options = {});
    // Called for GET and HEAD requests whose path no route matches: the web UI's static files.
    void set_fallback(Handler handler);

    // Every registered (method, pattern), in the order added, so a test can compare them with the OpenAPI document.
    std::vector<RouteInfo> routes() const;

    // Literal segments win over parameters; when a literal branch leads nowhere the parameter branch is tried.
    // A path some route matches, but not with this method, gives method_not_allowed with the methods it allows.
    RouteMatch match(std::string_view method, std::string_view raw_path) const;
    // Runs the matched handler with path_params and route filled in, or builds the 404 or 405 problem.
    Response handle(RouteMatch match, Request& request) const;
    // match() and handle() in one, for tests and for callers without a server.
    Response dispatch(Request& request) const;

private:
    std::unique_ptr<detail::RouteNode> m_root;
    std::vector<std::unique_ptr<detail::RouteEntry>> m_routes;
    Handler m_fallback;
};

} // namespace c9::http
