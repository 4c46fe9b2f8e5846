#include "api/auth.h"

#include "core/text.h"

#include <fmt/format.h>
#include <sodium.h>

namespace c9 {

namespace {

// "https://Example.org:443/path" -> "example.org"; "http://127.0.0.1:8027" -> "127.0.0.1:8027". Empty when the
// text is not an absolute http(s) URL.
std::string authority_of_url(std::string_view url)
{
    std::string scheme;
    if (url.starts_with("http://"))
        scheme = "http";
    else if (url.starts_with("https://"))
        scheme = "https";
    else
        return {};
    std::string_view rest = url.substr(scheme.size() + 3);
    std::string authority = lower(rest.substr(0, rest.find_first_of("/?#")));
    if (authority.empty() || authority.find('@') != std::string::npos)
        return {};
    // RFC 6454 4: the default port is the same origin as no port.
    std::string_view default_port = scheme == "http" ? ":80" : ":443";
    if (authority.ends_with(default_port))
        authority.resize(authority.size() - default_port.size());
    return authority;
}

// The Host header with a default port removed, for either scheme: a proxy may or may not pass the port on.
bool same_authority(std::string_view origin_authority, std::string_view host)
{
    std::string normalized = lower(host);
    for (std::string_view default_port : {":80", ":443"})
        if (normalized.ends_with(default_port))
            normalized.resize(normalized.size() - default_port.size());
    return !origin_authority.empty() && origin_authority == normalized;
}

bool equal_secret(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace

Credentials credentials_of(const http::Request& request, const ApiConfig& config)
{
    if (auto authorization = request.header("Authorization")) {
        // RFC 6750 2.1: "Bearer" is case-insensitive, the token follows one space. A malformed header names no one
        // (and is not retried as a cookie).
        if (authorization->size() <= 7 || lower(authorization->substr(0, 7)) != "bearer ")
            return Credentials {Credentials::Kind::token, {}};
        return Credentials {Credentials::Kind::token, std::string(authorization->substr(7))};
    }
    if (auto session = request.cookie(session_cookie_name(config)))
        return Credentials {Credentials::Kind::session, std::string(*session)};
    return Credentials {};
}

Result<std::optional<Principal>> authenticate(
    const http::Request& request, Store& store, const ApiConfig& config, Timestamp now)
{
    return authenticate(store, credentials_of(request, config), config.sessions, now);
}

std::optional<std::string> csrf_problem(
    const http::Request& request, const Principal& principal, const ApiConfig& config)
{
    const auto& method = request.method();
    if (principal.via != Principal::Via::session || method == "GET" || method == "HEAD" || method == "OPTIONS")
        return std::nullopt;
    auto host = request.header("Host");
    if (!host)
        return "the request has no Host header";
    if (auto origin = request.header("Origin")) {
        if (!origin_matches_host(*origin, *host))
            return fmt::format("Origin {} is not this server", *origin);
    } else if (auto referer = request.header("Referer")) {
        if (!origin_matches_host(*referer, *host))
            return "the Referer is not a page of this server";
    } else {
        return "a write with a session cookie needs an Origin header";
    }
    auto header = request.header("X-CSRF-Token");
    auto cookie = request.cookie(csrf_cookie_name(config));
    if (!header)
        return "the X-CSRF-Token header is missing";
    if (!cookie || !equal_secret(*header, *cookie) || !equal_secret(*header, principal.csrf_token))
        return "the X-CSRF-Token header does not match the session's token";
    return std::nullopt;
}

bool origin_matches_host(std::string_view url, std::string_view host)
{
    return same_authority(authority_of_url(url), host);
}

std::string session_cookie_name(const ApiConfig& config)
{
    // The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain, so a sibling subdomain cannot plant
    // or shadow the cookie (RFC 6265bis 4.1.3.2).
    return config.secure_cookies ? "__Host-clause9_session" : "clause9_session";
}

std::string csrf_cookie_name(const ApiConfig& config)
{
    return config.secure_cookies ? "__Host-csrf_token" : "csrf_token";
}

std::string cookie_header(
    const ApiConfig& config, std::string_view name, std::string_view value, std::chrono::seconds max_age, Script script)
{
    return fmt::format("{}={}; Path=/; Max-Age={}; SameSite=Lax{}{}", name, value, max_age.count(),
        script == Script::may_not_read ? "; HttpOnly" : "", config.secure_cookies ? "; Secure" : "");
}

} // namespace c9
