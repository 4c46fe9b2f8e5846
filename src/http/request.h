// An HTTP request as handlers see it: decoded path and query, headers, body, and what the router found.
// It holds no Beast types so the API layer and its tests can build one without a server.
#pragma once

#include "http/headers.h"
#include "http/route.h"
#include "http/url.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace c9::http {

using PathParams = std::map<std::string, std::string, std::less<>>;

class Request {
public:
    // Builds a request from a method and an origin-form target ("/path?query"). Returns nullopt when the target does
    // not start with '/' or holds a malformed percent escape; the server answers those with 400.
    static std::optional<Request> from_target(std::string method, std::string_view target);

    const std::string& method() const { return m_method; }
    // The path with percent escapes decoded and without the query.
    const std::string& path() const { return m_path; }
    // The path as received, still encoded; the router splits this one so "%2F" stays inside its segment.
    const std::string& raw_path() const { return m_raw_path; }
    // The request target as received: the raw path and the raw query ("/api/v1/risks?status=open").
    const std::string& target() const { return m_target; }

    const QueryParams& query_params() const { return m_query; }
    // The first value of a query parameter; "?a" gives an empty value, a missing key gives nullopt.
    std::optional<std::string_view> query(std::string_view name) const;
    // Every value of a repeated parameter ("?tag=a&tag=b"), in order.
    std::vector<std::string_view> query_all(std::string_view name) const;

    Headers& headers() { return m_headers; }
    const Headers& headers() const { return m_headers; }
    std::optional<std::string_view> header(std::string_view name) const { return m_headers.get(name); }
    // The value of a cookie from the Cookie header(s) (RFC 6265 5.4), without surrounding quotes.
    std::optional<std::string_view> cookie(std::string_view name) const;

    const std::string& body() const { return m_body; }
    void set_body(std::string body) { m_body = std::move(body); }

    // The peer's IP address; behind a reverse proxy this is the proxy.
    const std::string& client_address() const { return m_client_address; }
    void set_client_address(std::string address) { m_client_address = std::move(address); }

    // Filled by the router: {"id": "42"} for pattern "/api/v1/risks/{id}" and path "/api/v1/risks/42".
    PathParams& path_params() { return m_path_params; }
    const PathParams& path_params() const { return m_path_params; }
    // The decoded value of a path parameter, or an empty view when the route has no such parameter.
    std::string_view path_param(std::string_view name) const;

    // The route that matched, so a guard in the layer above can read its tag; null for the fallback handler.
    const RouteInfo* route() const { return m_route; }
    void set_route(const RouteInfo* route) { m_route = route; }

private:
    std::string m_method;
    std::string m_path;
    std::string m_raw_path;
    std::string m_target;
    QueryParams m_query;
    Headers m_headers;
    std::string m_body;
    std::string m_client_address;
    PathParams m_path_params;
    const RouteInfo* m_route = nullptr;
};

} // namespace c9::http
