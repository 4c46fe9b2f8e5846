// The REST API under /api/v1 (docs/api.md): JSON handlers for every register, the meeting cycle, accounts,
// tokens and the audit trail, on the HTTP layer's router. Handlers parse and check their input, call one app/
// function and map its result to JSON; authentication, CSRF, the permission table, body decoding and the
// mapping of failures to problem+json happen once, in api/routes.cpp.
#pragma once

#include "app/accounts_login.h"
#include "http/router.h"
#include "store/store.h"

#include <chrono>

namespace c9 {

struct ApiConfig {
    SessionPolicy sessions;
    ThrottlePolicy throttle;
    // Cookies get the Secure attribute and the __Host- name prefix; set it when clients reach the server over TLS.
    bool secure_cookies = false;
    // Memory for rendered register lists (api/page_cache.h); 0 renders every list anew.
    size_t list_cache_bytes = 16 << 20;
};

// Registers every API route on a router. The store must outlive the router.
void add_api_routes(http::Router& router, Store& store, const ApiConfig& config);

// The OpenAPI 3.1 description served at /api/v1/openapi.json (src/api/openapi.json, embedded).
std::string_view openapi_document();

} // namespace c9
