// The fallback handler that serves the embedded UI (src/web/web_ui.cpp): files by path, the single-page
// application's paths, caching, conditional requests and the gzip variant.
#include "web/assets.h"
#include "web/web_ui.h"

#include <gtest/gtest.h>

namespace c9::web {
namespace {

http::Response get(std::string_view target, std::vector<std::pair<std::string, std::string>> headers = {})
{
    auto request = http::Request::from_target("GET", target);
    EXPECT_TRUE(request);
    for (auto& [name, value] : headers)
        request->headers().set(name, value);
    return serve_web_asset(*request);
}

const Asset* hashed_script()
{
    for (const auto& asset : embedded_assets())
        if (asset.path.starts_with("/assets/") && asset.path.ends_with(".js"))
            return &asset;
    return nullptr;
}

TEST(WebUi, IndexAtTheRootAndForEveryPathOfTheUi)
{
    for (auto path : {"/", "/index.html", "/risks", "/risks/12", "/meetings/3/run?item=2", "/admin/users"}) {
        auto response = get(path);
        EXPECT_EQ(response.status(), 200) << path;
        EXPECT_EQ(response.content_type(), "text/html; charset=utf-8") << path;
        EXPECT_EQ(response.headers().get("Cache-Control").value_or(""), "no-cache") << path;
        EXPECT_NE(response.body().find("<div id=\"app\">"), std::string_view::npos) << path;
    }
}

TEST(WebUi, NoInlineScriptOrStyleInTheHtml)
{
    // The CSP is default-src 'self': an inline script or style would be blocked.
    auto body = std::string(get("/").body());
    EXPECT_EQ(body.find("<style"), std::string::npos);
    EXPECT_EQ(body.find("style="), std::string::npos);
    for (size_t at = body.find("<script"); at != std::string::npos; at = body.find("<script", at + 1))
        EXPECT_NE(body.substr(at, body.find('>', at) - at).find("src="), std::string::npos) << "inline script";
}

TEST(WebUi, HashedAssetsAreImmutableAndGzipped)
{
    const auto* script = hashed_script();
    ASSERT_NE(script, nullptr);
    auto response = get(script->path);
    EXPECT_EQ(response.status(), 200);
    EXPECT_EQ(response.content_type(), "text/javascript; charset=utf-8");
    EXPECT_EQ(response.headers().get("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
    EXPECT_EQ(response.headers().get("ETag").value_or(""), script->etag);
    EXPECT_FALSE(response.gzip_body().empty());
    EXPECT_LT(response.gzip_body().size(), response.body().size());
}

TEST(WebUi, MatchingIfNoneMatchGives304)
{
    auto etag = std::string(get("/").headers().get("ETag").value_or(""));
    ASSERT_FALSE(etag.empty());
    struct Case {
        std::string header;
        int status;
    };
    for (const auto& [header, status] : std::vector<Case> {{etag, 304}, {"W/" + etag, 304}, {"\"x\", " + etag, 304},
             {"*", 304}, {"\"other\"", 200}}) {
        auto response = get("/risks", {{"If-None-Match", header}});
        EXPECT_EQ(response.status(), status) << header;
        if (status == 304) {
            EXPECT_TRUE(response.body().empty());
            EXPECT_EQ(response.headers().get("ETag").value_or(""), etag);
        }
    }
}

TEST(WebUi, MissingAssetsAndApiPathsAre404)
{
    for (auto path : {"/assets/index-missing.js", "/api/v1/nothing", "/api"}) {
        auto response = get(path);
        EXPECT_EQ(response.status(), 404) << path;
        EXPECT_EQ(response.content_type(), "application/problem+json") << path;
    }
}

TEST(WebUi, InstalledAsTheRoutersFallback)
{
    http::Router router;
    router.add("GET", "/api/v1/ping", [](http::Request&) { return http::Response::text("pong"); });
    install_web_ui(router);
    auto request = http::Request::from_target("GET", "/meetings/4/agenda");
    EXPECT_EQ(router.dispatch(*request).content_type(), "text/html; charset=utf-8");
    auto api = http::Request::from_target("GET", "/api/v1/ping");
    EXPECT_EQ(router.dispatch(*api).body(), "pong");
}

} // namespace
} // namespace c9::web
