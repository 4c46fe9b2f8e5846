// Credentials on a request: the bearer token or the session cookie, the CSRF defence of cookie sessions, and the
// cookies themselves.
#pragma once

#include "api/api.h"
#include "http/request.h"

#include <optional>
#include <string>

namespace c9 {

// The credentials of a request: an Authorization: Bearer token when the header is present (a bad token is not
// retried as a cookie), else the session cookie.
Credentials credentials_of(const http::Request& request, const ApiConfig& config);

// The account behind the request's credentials.
Result<std::optional<Principal>> authenticate(
    const http::Request& request, Store& store, const ApiConfig& config, Timestamp now);

// OWASP's two defences for cookie-authenticated writes, both required: the request comes from a page of this
// host (Origin, or Referer when a browser sends no Origin), and it carries in X-CSRF-Token the token of the
// session, which the csrf_token cookie gave the page's scripts (double submit). Safe methods and token
// authentication need neither. Returns why a request fails, or nothing.
std::optional<std::string> csrf_problem(
    const http::Request& request, const Principal& principal, const ApiConfig& config);

// Whether an Origin (or Referer) URL names this server, as the Host header does; default ports are ignored.
bool origin_matches_host(std::string_view url, std::string_view host);

std::string session_cookie_name(const ApiConfig& config);
std::string csrf_cookie_name(const ApiConfig& config);
// A Set-Cookie value: Path=/ and SameSite=Lax always, HttpOnly for the session, Secure with secure cookies.
enum class Script { may_read, may_not_read };
std::string cookie_header(const ApiConfig& config, std::string_view name, std::string_view value,
    std::chrono::seconds max_age, Script script);

} // namespace c9
