// Signing in and out with a browser session (DESIGN.md section 8). POST /api/v1/session checks the password and
// sets two cookies: the session id (HttpOnly, so no script can read it) and the CSRF token (readable, so the web
// UI can echo it in X-CSRF-Token). Failed logins are throttled per account and per client address.
#include "export/account_json.h"
#include "api/auth.h"
#include "api/body.h"
#include "api/routes.h"

#include <fmt/format.h>

namespace c9 {

namespace {

Json session_json(const Principal& principal, std::optional<Timestamp> expires_at = {})
{
    return Json {{"user", account_json(principal.account)}, {"role", to_string(principal.account.role)},
        {"person", principal.account.person ? Json(*principal.account.person) : Json()},
        {"via", principal.via == Principal::Via::session ? "session" : "token"},
        {"csrf_token", principal.via == Principal::Via::session ? Json(principal.csrf_token) : Json()},
        {"expires_at", expires_at ? Json(format_timestamp(*expires_at)) : Json()}};
}

Result<http::Response> sign_in(Call& call)
{
    // Login CSRF: a page of another site must not sign a browser into an account of the attacker's choosing.
    if (auto origin = call.request.header("Origin")) {
        if (!origin_matches_host(*origin, call.request.header("Host").value_or("")))
            return problem_response(403, "cross-site login refused: the Origin is not this server");
    }
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"email", "password"});
    auto email = reader.text("email", BodyReader::Need::required, 254);
    auto password = reader.text("password", BodyReader::Need::required, max_password_bytes);
    C9_TRY(reader.result());

    const auto& config = call.api.config;
    auto result = C9_TRY(login(call.api.store, {*email, *password, call.request.client_address()}, config.sessions,
        config.throttle, call.now));
    if (result.status == LoginResult::Status::throttled) {
        // RFC 6585 4: Too Many Requests, with when to come back.
        auto response = problem_response(429, "Too many failed logins; wait before trying again.");
        response.headers().set("Retry-After", std::to_string(result.retry_after.count()));
        return response;
    }
    if (result.status == LoginResult::Status::rejected)
        return Error(ErrorCode::unauthorized, "The email or the password is wrong, or the account is disabled.");

    if (auto previous = call.request.cookie(session_cookie_name(config)))
        C9_TRY(discard_session(call.api.store, *previous));
    Principal principal {.account = *result.account, .via = Principal::Via::session, .csrf_token = result.csrf_token};
    auto response = json_response(session_json(principal, result.expires_at));
    response.headers().add("Set-Cookie",
        cookie_header(
            config, session_cookie_name(config), result.session_id, config.sessions.max, Script::may_not_read));
    response.headers().add("Set-Cookie",
        cookie_header(config, csrf_cookie_name(config), result.csrf_token, config.sessions.max, Script::may_read));
    return response;
}

Result<http::Response> whoami(Call& call) { return json_response(session_json(*call.principal)); }

Result<http::Response> sign_out(Call& call)
{
    const auto& config = call.api.config;
    if (call.principal->via == Principal::Via::session)
        C9_TRY(logout(call.api.store, *call.principal, call.request.client_address(), call.now));
    http::Response response(204);
    response.headers().add("Set-Cookie",
        cookie_header(config, session_cookie_name(config), "", std::chrono::seconds {0}, Script::may_not_read));
    response.headers().add(
        "Set-Cookie", cookie_header(config, csrf_cookie_name(config), "", std::chrono::seconds {0}, Script::may_read));
    return response;
}

} // namespace

void add_session_routes(Routes& routes)
{
    routes.add("POST", "/api/v1/session", Permission::open, sign_in);
    routes.add("GET", "/api/v1/session", Permission::signed_in, whoami);
    routes.add("DELETE", "/api/v1/session", Permission::signed_in, sign_out);
}

} // namespace c9
