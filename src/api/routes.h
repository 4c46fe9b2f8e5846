// How an API route is declared and what its handler gets. Routes::add wraps every handler in the same guard:
//   1. authenticate (Authorization: Bearer <token>, or the session cookie), unless the route is open: else 401
//   2. for cookie sessions, refuse writes without a same-host Origin and the X-CSRF-Token: else 403
//   3. look the route's permission up in the permission table for the caller's role: else 403
//   4. read the JSON body (415 for another media type, 400 when it is not JSON) and If-Match (428 when missing)
//   5. run the handler, and turn a failure it returns, or an exception it throws, into problem+json
// Every 403 is written to the audit trail.
#pragma once

#include "api/api.h"
#include "api/json_io.h"
#include "api/live.h"
#include "api/page_cache.h"
#include "app/accounts_login.h"
#include "app/permissions.h"
#include "http/router.h"

#include <functional>
#include <memory>
#include <optional>

namespace c9 {

struct ApiContext {
    ApiContext(Store& store, ApiConfig config)
        : store(store), config(std::move(config)), pages(this->config.list_cache_bytes), live(store)
    {
    }

    Store& store;
    ApiConfig config;
    PageCache pages; // rendered register lists, by data version
    LiveMeetings live; // the event streams of live meeting views
};

// One request as a handler sees it, after the guard.
struct Call {
    http::Request& request;
    ApiContext& api;
    std::optional<Principal> principal; // empty only on open routes
    Json body; // the parsed body; null when the request had none
    std::optional<std::int64_t> if_match;
    Timestamp now {};

    // Who calls, with the account's role: the app applies the "own" grant of the permission table with it.
    Caller caller() const;
    std::string_view param(std::string_view name) const { return request.path_param(name); }
    // The body as an object: null (no body) reads as {}; anything else but an object is refused.
    Result<Json> object_body() const;
};

using ApiHandler = std::function<Result<http::Response>(Call&)>;

enum class IfMatch { none, optional, required };

struct RouteSpec {
    IfMatch if_match = IfMatch::none;
    // A read route whose handler identifies the caller itself, in the transaction it reads in (the register lists,
    // api/register_routes.h): the guard then leaves authentication to it. The handler answers
    // unauthorized_response() when the credentials name no one.
    bool authenticates_itself = false;
    std::optional<size_t> body_limit;
    // Only for open routes: it runs before (and instead of) the guard. See http::RouteOptions::quick.
    http::QuickHandler quick;
};

class Routes {
public:
    Routes(http::Router& router, std::shared_ptr<ApiContext> context) : m_router(router), m_context(std::move(context))
    {
    }

    // The route's tag is the permission's name, so the table test can read it back from Router::routes().
    void add(std::string_view method, std::string_view pattern, Permission permission, ApiHandler handler,
        RouteSpec spec = {});

    ApiContext& context() { return *m_context; }

private:
    http::Router& m_router;
    std::shared_ptr<ApiContext> m_context;
};

// 401 with the scheme that would work (RFC 9110 11.6.1).
http::Response unauthorized_response();

// Where a created resource lives, with its version as the ETag.
http::Response created_response(const Json& body, std::string location, std::optional<std::int64_t> version = {});
http::Response row_response(const Json& body, std::int64_t version, int status = 200);

// The route families, one file each.
void add_session_routes(Routes& routes);
void add_health_routes(Routes& routes);
void add_register_routes(Routes& routes);
void add_kpi_routes(Routes& routes);
void add_meeting_routes(Routes& routes);
void add_agenda_routes(Routes& routes);
void add_minutes_routes(Routes& routes);
void add_user_routes(Routes& routes);
void add_token_routes(Routes& routes);
void add_audit_routes(Routes& routes);
void add_settings_routes(Routes& routes);
void add_heatmap_routes(Routes& routes);
void add_soa_routes(Routes& routes);
void add_action_owner_routes(Routes& routes);

} // namespace c9
