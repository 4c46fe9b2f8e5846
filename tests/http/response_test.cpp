#include "http/response.h"
#include "http/response_headers.h"

#include <gtest/gtest.h>

namespace c9::http {
namespace {

TEST(Response, ProblemJson)
{
    Response response = Response::problem(Problem {
        .status = 422,
        .detail = "2 fields are invalid",
        .errors = {{"title", "is required"}, {"score", "must be \"1\" to 5\n"}},
    });
    EXPECT_EQ(response.status(), 422);
    EXPECT_EQ(response.content_type(), "application/problem+json");
    EXPECT_EQ(response.body(),
        R"({"type":"about:blank","title":"Unprocessable Entity","status":422,)"
        R"("detail":"2 fields are invalid","errors":[{"field":"title","message":"is required"},)"
        R"({"field":"score","message":"must be \"1\" to 5\n"}]})");
}

TEST(Response, ProblemWithoutDetailOrErrors)
{
    Response response = Response::problem(404);
    EXPECT_EQ(response.body(), R"({"type":"about:blank","title":"Not Found","status":404})");

    Response custom = Response::problem(Problem {.status = 409, .title = "Stale version", .type = "/problems/stale"});
    EXPECT_EQ(custom.body(), R"({"type":"/problems/stale","title":"Stale version","status":409})");
}

TEST(Response, JsonAndText)
{
    EXPECT_EQ(Response::json(R"({"a":1})", 201).status(), 201);
    EXPECT_EQ(Response::json("[]").content_type(), "application/json");
    EXPECT_EQ(Response::text("ok").content_type(), "text/plain; charset=utf-8");
    EXPECT_EQ(Response::text("ok").body(), "ok");
}

TEST(Response, StaticBodyIsNotCopied)
{
    static constexpr std::string_view asset = "console.log(1)";
    Response response;
    response.set_static_body(asset, "text/javascript");
    EXPECT_EQ(response.body().data(), asset.data());
    response.set_body("owned", "text/plain");
    EXPECT_EQ(response.body(), "owned");
}

TEST(AcceptsGzip, TableOfCases)
{
    struct Case {
        const char* header;
        bool expected;
    };
    std::vector<Case> cases {
        {"gzip", true},
        {"gzip, deflate, br", true},
        {"br;q=1.0, GZIP;q=0.5", true},
        {"deflate, gzip;q=0", false},
        {"gzip;q=0.000", false},
        {"gzip; q=0.001", true},
        {"*", true},
        {"*;q=0", false},
        {"*, gzip;q=0", false},
        {"identity", false},
        {"", false},
        {"x-gzip", true},
    };
    for (const auto& c : cases)
        EXPECT_EQ(accepts_gzip(c.header), c.expected) << c.header;
}

TEST(FinalizeResponse, SecurityHeadersOnEveryResponse)
{
    Response response = Response::text("hello");
    std::string_view body = finalize_response(response, {});
    EXPECT_EQ(body, "hello");
    const Headers& headers = response.headers();
    EXPECT_EQ(headers.get("Content-Security-Policy"),
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    EXPECT_EQ(headers.get("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(headers.get("Referrer-Policy"), "same-origin");
    EXPECT_EQ(headers.get("X-Frame-Options"), "DENY");
    EXPECT_EQ(headers.get("Cache-Control"), "no-store");
    EXPECT_FALSE(headers.contains("Strict-Transport-Security"));
}

TEST(FinalizeResponse, HandlerCacheControlAndTlsFlag)
{
    Response response = Response::text("asset");
    response.headers().set("Cache-Control", "public, max-age=31536000, immutable");
    finalize_response(response, {.behind_tls = true});
    EXPECT_EQ(response.headers().get("Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(response.headers().get("Strict-Transport-Security"), "max-age=31536000");
}

TEST(FinalizeResponse, GzipVariantAndHead)
{
    static constexpr std::string_view plain = "plain body";
    static constexpr std::string_view compressed = "\x1f\x8b pretend";

    Response gzip_response;
    gzip_response.set_static_body(plain, "text/html");
    gzip_response.set_gzip_body(compressed);
    EXPECT_EQ(finalize_response(gzip_response, {.accepts_gzip = true}), compressed);
    EXPECT_EQ(gzip_response.headers().get("Content-Encoding"), "gzip");
    EXPECT_EQ(gzip_response.headers().get("Vary"), "Accept-Encoding");

    Response identity_response;
    identity_response.set_static_body(plain, "text/html");
    identity_response.set_gzip_body(compressed);
    EXPECT_EQ(finalize_response(identity_response, {.accepts_gzip = false}), plain);
    EXPECT_FALSE(identity_response.headers().contains("Content-Encoding"));
    EXPECT_EQ(identity_response.headers().get("Vary"), "Accept-Encoding");

    Response head_response = Response::text("not sent");
    EXPECT_EQ(finalize_response(head_response, {.head = true}), "");
    EXPECT_EQ(head_response.body(), "not sent");

    Response no_content(204);
    EXPECT_EQ(finalize_response(no_content, {}), "");
}

} // namespace
} // namespace c9::http
