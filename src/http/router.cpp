#include "http/router.h"

#include "http/url.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace c9::http {

namespace detail {

struct RouteEntry {
    RouteInfo info;
    Handler handler;
    std::vector<std::string> parameter_names; // in the order the {name} segments appear
};

// One level of the route tree; a path walks down one node per segment.
struct RouteNode {
    std::map<std::string, std::unique_ptr<RouteNode>, std::less<>> literals;
    std::unique_ptr<RouteNode> parameter;
    std::vector<const RouteEntry*> routes; // one per method
};

} // namespace detail

namespace {

using detail::RouteEntry;
using detail::RouteNode;

struct Candidate {
    const std::vector<const RouteEntry*>* routes;
    std::vector<const std::string*> values;
};

bool is_parameter(std::string_view segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool valid_parameter_name(std::string_view name)
{
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::vector<std::string_view> pattern_segments(std::string_view pattern)
{
    if (!pattern.starts_with('/'))
        throw std::logic_error("route pattern must start with '/': " + std::string(pattern));
    std::vector<std::string_view> segments;
    if (pattern.size() == 1)
        return segments;
    std::string_view rest = pattern.substr(1);
    while (true) {
        size_t slash = rest.find('/');
        segments.push_back(rest.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        rest.remove_prefix(slash + 1);
    }
    return segments;
}

void collect(const RouteNode& node, const std::vector<std::string>& segments, size_t segment_idx,
    std::vector<const std::string*>& values, std::vector<Candidate>& out)
{
    if (segment_idx == segments.size()) {
        if (!node.routes.empty())
            out.push_back({&node.routes, values});
        return;
    }
    const std::string& segment = segments[segment_idx];
    if (auto literal = node.literals.find(segment); literal != node.literals.end())
        collect(*literal->second, segments, segment_idx + 1, values, out);
    // An empty segment ("/risks/" or "//") is never a parameter value.
    if (node.parameter && !segment.empty()) {
        values.push_back(&segment);
        collect(*node.parameter, segments, segment_idx + 1, values, out);
        values.pop_back();
    }
}

} // namespace

Router::Router() : m_root(std::make_unique<RouteNode>()) { }
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::add(std::string_view method, std::string_view pattern, Handler handler, RouteOptions options)
{
    auto route = std::make_unique<RouteEntry>();
    route->info = RouteInfo {std::string(method), std::string(pattern), std::move(options)};
    route->handler = std::move(handler);

    RouteNode* node = m_root.get();
    for (std::string_view segment : pattern_segments(pattern)) {
        if (is_parameter(segment)) {
            std::string_view name = segment.substr(1, segment.size() - 2);
            if (!valid_parameter_name(name))
                throw std::logic_error("bad parameter name in route pattern: " + std::string(pattern));
            route->parameter_names.emplace_back(name);
            if (!node->parameter)
                node->parameter = std::make_unique<RouteNode>();
            node = node->parameter.get();
            continue;
        }
        if (segment.find_first_of("{}") != std::string_view::npos)
            throw std::logic_error("a route segment is either literal or one {parameter}: " + std::string(pattern));
        auto& child = node->literals[std::string(segment)];
        if (!child)
            child = std::make_unique<RouteNode>();
        node = child.get();
    }
    for (const RouteEntry* existing : node->routes) {
        if (existing->info.method == method)
            throw std::logic_error("route registered twice: " + std::string(method) + " " + std::string(pattern)
                + " (as " + existing->info.pattern + ")");
    }
    node->routes.push_back(route.get());
    m_routes.push_back(std::move(route));
}

void Router::set_fallback(Handler handler) { m_fallback = std::move(handler); }

std::vector<RouteInfo> Router::routes() const
{
    std::vector<RouteInfo> infos;
    for (const auto& route : m_routes)
        infos.push_back(route->info);
    return infos;
}

RouteMatch Router::match(std::string_view method, std::string_view raw_path) const
{
    RouteMatch result;
    auto segments = split_path(raw_path);
    if (!segments)
        return result;
    std::vector<Candidate> candidates;
    std::vector<const std::string*> values;
    collect(*m_root, *segments, 0, values, candidates);

    // RFC 9110 9.3.2: HEAD is GET without the content, so a GET route answers it unless HEAD has its own.
    auto find_route = [&](const Candidate& candidate, std::string_view wanted) -> const RouteEntry* {
        for (const RouteEntry* route : *candidate.routes) {
            if (route->info.method == wanted)
                return route;
        }
        return nullptr;
    };
    for (const Candidate& candidate : candidates) {
        const RouteEntry* route = find_route(candidate, method);
        if (!route && method == "HEAD")
            route = find_route(candidate, "GET");
        if (!route)
            continue;
        result.kind = RouteMatch::Kind::route;
        result.route = &route->info;
        result.handler = &route->handler;
        for (size_t value_idx = 0; value_idx < candidate.values.size(); ++value_idx)
            result.params.emplace(route->parameter_names[value_idx], *candidate.values[value_idx]);
        return result;
    }

    if (!candidates.empty()) {
        std::vector<std::string> allowed;
        for (const Candidate& candidate : candidates) {
            for (const RouteEntry* route : *candidate.routes) {
                allowed.push_back(route->info.method);
                if (route->info.method == "GET")
                    allowed.emplace_back("HEAD");
            }
        }
        std::sort(allowed.begin(), allowed.end());
        allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
        result.kind = RouteMatch::Kind::method_not_allowed;
        for (const auto& allowed_method : allowed)
            result.allow += (result.allow.empty() ? "" : ", ") + allowed_method;
        return result;
    }

    if (m_fallback && (method == "GET" || method == "HEAD")) {
        result.kind = RouteMatch::Kind::fallback;
        result.handler = &m_fallback;
    }
    return result;
}

Response Router::handle(RouteMatch match, Request& request) const
{
    switch (match.kind) {
    case RouteMatch::Kind::route:
        request.path_params() = std::move(match.params);
        request.set_route(match.route);
        return (*match.handler)(request);
    case RouteMatch::Kind::fallback:
        request.set_route(nullptr);
        return (*match.handler)(request);
    case RouteMatch::Kind::method_not_allowed: {
        // RFC 9110 15.5.6: a 405 response must list the methods the resource supports.
        Response response = Response::problem(405, "This resource does not support " + request.method() + ".");
        response.headers().set("Allow", std::move(match.allow));
        return response;
    }
    case RouteMatch::Kind::not_found:
        break;
    }
    return Response::problem(404, "No resource at this path.");
}

Response Router::dispatch(Request& request) const
{
    return handle(match(request.method(), request.raw_path()), request);
}

} // namespace c9::http
