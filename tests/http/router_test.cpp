#include "http/router.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace c9::http {
namespace {

// Each handler answers with its own name and the path parameters it got, so a test sees which route ran.
Handler named(std::string name)
{
    return [name](Request& request) {
        std::string body = name;
        for (const auto& [key, value] : request.path_params())
            body += " " + key + "=" + value;
        return Response::text(body);
    };
}

Router api_router()
{
    Router router;
    router.add("GET", "/api/v1/risks", named("list risks"));
    router.add("POST", "/api/v1/risks", named("create risk"), {.body_limit = 4096, .tag = "risks.write"});
    router.add("GET", "/api/v1/risks/{id}", named("show risk"));
    router.add("PATCH", "/api/v1/risks/{id}", named("update risk"));
    router.add("GET", "/api/v1/risks/summary", named("risk summary"));
    router.add("GET", "/api/v1/meetings/{id}/agenda", named("agenda"));
    router.add("GET", "/api/v1/meetings/{meeting}/items/{item}", named("item"));
    router.add("GET", "/api/v1/meetings/current/minutes", named("current minutes"));
    router.add("GET", "/", named("root"));
    return router;
}

Response dispatch(const Router& router, std::string method, std::string target)
{
    auto request = Request::from_target(std::move(method), target);
    EXPECT_TRUE(request) << target;
    return router.dispatch(*request);
}

TEST(Router, TableOfCases)
{
    Router router = api_router();
    struct Case {
        const char* method;
        const char* target;
        int status;
        std::string body; // for 200: which handler ran and its parameters
    };
    std::vector<Case> cases {
        {"GET", "/api/v1/risks", 200, "list risks"},
        {"POST", "/api/v1/risks", 200, "create risk"},
        {"GET", "/api/v1/risks/42", 200, "show risk id=42"},
        {"PATCH", "/api/v1/risks/42", 200, "update risk id=42"},
        {"GET", "/api/v1/risks/R%2F7", 200, "show risk id=R/7"},
        {"GET", "/api/v1/risks/summary", 200, "risk summary"},
        {"GET", "/api/v1/risks/42?x=1", 200, "show risk id=42"},
        {"GET", "/api/v1/meetings/7/agenda", 200, "agenda id=7"},
        {"GET", "/api/v1/meetings/7/items/3", 200, "item item=3 meeting=7"},
        // "current" is a literal one level down, but the {id} branch must still be found for .../agenda.
        {"GET", "/api/v1/meetings/current/agenda", 200, "agenda id=current"},
        {"GET", "/api/v1/meetings/current/minutes", 200, "current minutes"},
        {"HEAD", "/api/v1/risks/9", 200, "show risk id=9"},
        {"GET", "/", 200, "root"},
        {"GET", "/api/v1/risks/", 404, ""},
        {"GET", "/api/v1/risks/42/extra", 404, ""},
        {"GET", "/api/v1/nothing", 404, ""},
        {"GET", "/api/v1/meetings/7/minutes", 404, ""},
        {"DELETE", "/api/v1/risks/42", 405, ""},
        {"PUT", "/api/v1/risks", 405, ""},
        {"POST", "/api/v1/risks/summary", 405, ""},
    };
    for (const auto& c : cases) {
        Response response = dispatch(router, c.method, c.target);
        EXPECT_EQ(response.status(), c.status) << c.method << " " << c.target;
        if (c.status == 200)
            EXPECT_EQ(response.body(), c.body) << c.method << " " << c.target;
        else
            EXPECT_EQ(response.content_type(), "application/problem+json") << c.method << " " << c.target;
    }
}

TEST(Router, MethodNotAllowedListsAllowedMethods)
{
    Router router = api_router();
    EXPECT_EQ(dispatch(router, "DELETE", "/api/v1/risks/42").headers().get("Allow"), "GET, HEAD, PATCH");
    EXPECT_EQ(dispatch(router, "PUT", "/api/v1/risks").headers().get("Allow"), "GET, HEAD, POST");
    // "summary" matches both the literal route and {id}: both count.
    EXPECT_EQ(dispatch(router, "POST", "/api/v1/risks/summary").headers().get("Allow"), "GET, HEAD, PATCH");
}

TEST(Router, MatchReportsRouteOptions)
{
    Router router = api_router();
    RouteMatch match = router.match("POST", "/api/v1/risks");
    ASSERT_EQ(match.kind, RouteMatch::Kind::route);
    ASSERT_TRUE(match.route);
    EXPECT_EQ(match.route->pattern, "/api/v1/risks");
    EXPECT_EQ(match.route->options.body_limit, 4096u);
    EXPECT_EQ(match.route->options.tag, "risks.write");

    auto request = Request::from_target("POST", "/api/v1/risks");
    router.dispatch(*request);
    ASSERT_TRUE(request->route());
    EXPECT_EQ(request->route()->options.tag, "risks.write");
}

TEST(Router, FallbackServesUnmatchedGetAndHeadOnly)
{
    Router router = api_router();
    router.set_fallback([](Request& request) { return Response::text("static " + request.path()); });
    EXPECT_EQ(dispatch(router, "GET", "/assets/app.js").body(), "static /assets/app.js");
    EXPECT_EQ(dispatch(router, "HEAD", "/index.html").body(), "static /index.html");
    EXPECT_EQ(dispatch(router, "POST", "/assets/app.js").status(), 404);
    // A path a route knows keeps its 405 instead of falling through to the static files.
    EXPECT_EQ(dispatch(router, "DELETE", "/api/v1/risks/1").status(), 405);
    EXPECT_EQ(dispatch(router, "GET", "/api/v1/risks").body(), "list risks");
}

TEST(Router, ExplicitHeadRouteWinsOverGet)
{
    Router router;
    router.add("GET", "/file", named("get"));
    router.add("HEAD", "/file", named("head"));
    EXPECT_EQ(dispatch(router, "HEAD", "/file").body(), "head");
    EXPECT_EQ(dispatch(router, "GET", "/file").body(), "get");
}

TEST(Router, RoutesListsEveryRegistration)
{
    Router router = api_router();
    auto routes = router.routes();
    ASSERT_EQ(routes.size(), 9u);
    EXPECT_EQ(routes[0].method, "GET");
    EXPECT_EQ(routes[0].pattern, "/api/v1/risks");
    EXPECT_EQ(routes[1].method, "POST");
    EXPECT_EQ(routes[5].pattern, "/api/v1/meetings/{id}/agenda");
}

TEST(Router, RejectsBadPatternsAndDuplicates)
{
    Router router;
    router.add("GET", "/api/v1/risks/{id}", named("a"));
    EXPECT_THROW(router.add("GET", "/api/v1/risks/{risk_id}", named("b")), std::logic_error);
    EXPECT_THROW(router.add("GET", "api/v1/x", named("c")), std::logic_error);
    EXPECT_THROW(router.add("GET", "/api/{}/x", named("d")), std::logic_error);
    EXPECT_THROW(router.add("GET", "/api/v{n}/x", named("e")), std::logic_error);
    EXPECT_THROW(router.add("GET", "/api/{a-b}", named("f")), std::logic_error);
    EXPECT_NO_THROW(router.add("PATCH", "/api/v1/risks/{risk_id}", named("g")));
    EXPECT_EQ(dispatch(router, "PATCH", "/api/v1/risks/5").body(), "g risk_id=5");
    EXPECT_EQ(dispatch(router, "GET", "/api/v1/risks/5").body(), "a id=5");
}

} // namespace
} // namespace c9::http
