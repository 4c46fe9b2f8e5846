#include "api/routes.h"

#include "api/auth.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace c9 {

namespace {

bool has_body_method(std::string_view method) { return method == "POST" || method == "PUT" || method == "PATCH"; }

} // namespace

http::Response unauthorized_response()
{
    auto response = problem_response(401, "Sign in (POST /api/v1/session) or send Authorization: Bearer <token>.");
    // RFC 9110 11.6.1: a 401 names the scheme that would work. Browsers show no dialog for Bearer.
    response.headers().set("WWW-Authenticate", "Bearer realm=\"clause9\"");
    return response;
}

namespace {

// A 403, written to the audit trail with who asked for what (control 8.15: access decisions are logged).
http::Response deny(const Call& call, std::string reason)
{
    auto caller = call.caller();
    auto what = fmt::format("{} {} refused: {}", call.request.method(), call.request.raw_path(), reason);
    if (auto audited = audit_denied(call.api.store, caller, what); !audited)
        spdlog::error("api: could not audit a denied request: {}", audited.error().message());
    return problem_response(403, std::move(reason));
}

http::Response guarded(ApiContext& context, Permission permission, const ApiHandler& handler, const RouteSpec& spec,
    http::Request& request)
{
    Call call {.request = request, .api = context};
    call.now = current_time();
    if (permission != Permission::open && !spec.authenticates_itself) {
        auto principal = authenticate(request, context.store, context.config, call.now);
        if (!principal)
            return problem_response(principal.error());
        if (!*principal)
            return unauthorized_response();
        call.principal = std::move(**principal);
        if (auto problem = csrf_problem(request, *call.principal, context.config))
            return deny(call, "cross-site request refused: " + *problem);
        if (grant(call.principal->account.role, permission) == Grant::denied)
            return deny(call,
                fmt::format("the {} role does not have the {} permission", to_string(call.principal->account.role),
                    to_string(permission)));
    }

    if (has_body_method(request.method()) && !request.body().empty()) {
        if (!is_json_media_type(request.header("Content-Type").value_or("")))
            return problem_response(415, "The body must be JSON, sent with Content-Type: application/json.");
        std::string message;
        if (parse_json_body(request.body(), call.body, message) != BodyProblem::none)
            return problem_response(400, std::move(message), {{"body", "is not valid JSON"}});
    }

    if (spec.if_match != IfMatch::none) {
        auto header = request.header("If-Match");
        if (!header && spec.if_match == IfMatch::required)
            return problem_response(428,
                "Send If-Match with the version you read (the ETag of GET), so a change made meanwhile is not "
                "overwritten.",
                {{"If-Match", "is required"}});
        if (header) {
            call.if_match = parse_version_tag(*header);
            if (!call.if_match)
                return problem_response(
                    400, "If-Match must be the ETag of GET, such as \"3\".", {{"If-Match", "is not a version"}});
        }
    }

    auto result = handler(call);
    if (!result) {
        if (result.error().code() == ErrorCode::forbidden && call.principal)
            return deny(call, result.error().message());
        return problem_response(result.error());
    }
    // A write went through: live meeting views look for what it changed at once (api/live.h).
    if (request.method() != "GET" && request.method() != "HEAD")
        context.live.changed();
    return std::move(*result);
}

} // namespace

Caller Call::caller() const
{
    if (principal)
        return principal->caller(now);
    return Caller {"anonymous", std::nullopt, now, Standing::anonymous, std::nullopt, std::nullopt};
}

Result<Json> Call::object_body() const
{
    if (body.is_null())
        return Json::object();
    if (!body.is_object())
        return Error::invalid("body", "must be a JSON object");
    return body;
}

void Routes::add(
    std::string_view method, std::string_view pattern, Permission permission, ApiHandler handler, RouteSpec spec)
{
    if (spec.quick && permission != Permission::open)
        throw std::logic_error("api: a quick answer would skip authentication on " + std::string(pattern));
    if (spec.authenticates_itself && (method != "GET" || permission != Permission::read))
        throw std::logic_error("api: only a read route may authenticate in its own transaction: " + std::string(pattern));
    auto context = m_context;
    m_router.add(method, pattern,
        [context, permission, handler = std::move(handler), spec](http::Request& request) -> http::Response {
            // No input may produce a 500 by accident: whatever a handler or a library throws is answered here
            // and logged, as a bug to fix.
            try {
                return guarded(*context, permission, handler, spec, request);
            } catch (const std::exception& error) {
                spdlog::error("api: {} {} threw: {}", request.method(), request.raw_path(), error.what());
            } catch (...) {
                spdlog::error("api: {} {} threw a non-standard exception", request.method(), request.raw_path());
            }
            return problem_response(500, "The server failed to handle this request; the error is in its log.");
        },
        {.body_limit = spec.body_limit, .tag = std::string(to_string(permission)), .quick = std::move(spec.quick)});
}

http::Response created_response(const Json& body, std::string location, std::optional<std::int64_t> version)
{
    auto response = json_response(body, 201);
    response.headers().set("Location", std::move(location));
    if (version)
        response.headers().set("ETag", version_tag(*version));
    return response;
}

http::Response row_response(const Json& body, std::int64_t version, int status)
{
    auto response = json_response(body, status);
    response.headers().set("ETag", version_tag(version));
    return response;
}

void add_api_routes(http::Router& router, Store& store, const ApiConfig& config)
{
    Routes routes(router, std::make_shared<ApiContext>(store, config));
    add_health_routes(routes);
    add_session_routes(routes);
    add_register_routes(routes);
    add_heatmap_routes(routes);
    add_soa_routes(routes);
    add_action_owner_routes(routes);
    add_kpi_routes(routes);
    add_meeting_routes(routes);
    add_agenda_routes(routes);
    add_minutes_routes(routes);
    add_user_routes(routes);
    add_token_routes(routes);
    add_audit_routes(routes);
    add_settings_routes(routes);
}

} // namespace c9
