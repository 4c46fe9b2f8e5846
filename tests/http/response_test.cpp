#include "http/response.h"
#include "http/response_headers.h"

#include <gtest/gtest.h>
#include <map>

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

// The head as a client reads it: the status line, then the fields by name (a repeated name keeps its last value).
struct ParsedHead {
    std::string status_line;
    std::map<std::string, std::string> fields;
    int count(const std::string& name) const { return static_cast<int>(fields.count(name)); }
};

ParsedHead parse_head(const std::string& head)
{
    ParsedHead parsed;
    EXPECT_TRUE(head.ends_with("\r\n\r\n")) << head;
    size_t start = 0;
    for (size_t end = head.find("\r\n"); end != std::string::npos && end != start;
         start = end + 2, end = head.find("\r\n", start)) {
        auto line = head.substr(start, end - start);
        if (parsed.status_line.empty()) {
            parsed.status_line = line;
            continue;
        }
        auto colon = line.find(": ");
        EXPECT_NE(colon, std::string::npos) << line;
        EXPECT_FALSE(parsed.fields.contains(line.substr(0, colon))) << "sent twice: " << line;
        parsed.fields[line.substr(0, colon)] = line.substr(colon + 2);
    }
    return parsed;
}

TEST(ResponseHead, SecurityHeadersOnEveryResponse)
{
    Response response = Response::text("hello");
    std::string out;
    auto head = write_response_head(out, response, {});
    EXPECT_EQ(head.body, "hello");
    auto parsed = parse_head(out);
    EXPECT_EQ(parsed.status_line, "HTTP/1.1 200 OK");
    EXPECT_EQ(parsed.fields["Content-Security-Policy"],
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    EXPECT_EQ(parsed.fields["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(parsed.fields["Referrer-Policy"], "same-origin");
    EXPECT_EQ(parsed.fields["X-Frame-Options"], "DENY");
    EXPECT_EQ(parsed.fields["Cache-Control"], "no-store");
    EXPECT_EQ(parsed.fields["Content-Length"], "5");
    EXPECT_EQ(parsed.count("Strict-Transport-Security"), 0);
    EXPECT_EQ(parsed.count("Connection"), 0);
}

TEST(ResponseHead, HandlerCacheControlAndTlsFlag)
{
    Response response = Response::text("asset");
    response.headers().set("Cache-Control", "public, max-age=31536000, immutable");
    std::string out;
    write_response_head(out, response, {.behind_tls = true});
    auto parsed = parse_head(out);
    EXPECT_EQ(parsed.fields["Cache-Control"], "public, max-age=31536000, immutable");
    EXPECT_EQ(parsed.fields["Strict-Transport-Security"], "max-age=31536000");
}

TEST(ResponseHead, ConnectionFieldFollowsTheVersionAndTheConnectionsFate)
{
    Response response = Response::text("x");
    std::string out;
    write_response_head(out, response, {.keep_alive = false});
    EXPECT_EQ(parse_head(out).fields["Connection"], "close");
    write_response_head(out, response, {.version = 10, .keep_alive = true});
    auto old_client = parse_head(out);
    EXPECT_EQ(old_client.status_line, "HTTP/1.0 200 OK");
    EXPECT_EQ(old_client.fields["Connection"], "keep-alive");
    // A handler's own Content-Length or Connection never reaches the wire: the server decides both.
    response.headers().set("Content-Length", "999");
    response.headers().set("Connection", "upgrade");
    write_response_head(out, response, {});
    auto parsed = parse_head(out);
    EXPECT_EQ(parsed.fields["Content-Length"], "1");
    EXPECT_EQ(parsed.count("Connection"), 0);
}

TEST(ResponseHead, FieldsWithLineBreaksAreDropped)
{
    Response response = Response::text("x");
    response.headers().add("X-Injected", "a\r\nSet-Cookie: evil=1");
    response.headers().add("X-Fine", "value");
    std::string out;
    auto head = write_response_head(out, response, {});
    EXPECT_EQ(head.dropped_fields, 1);
    auto parsed = parse_head(out);
    EXPECT_EQ(parsed.count("X-Injected"), 0);
    EXPECT_EQ(parsed.count("Set-Cookie"), 0);
    EXPECT_EQ(parsed.fields["X-Fine"], "value");
}

TEST(ResponseHead, GzipVariantAndHead)
{
    static constexpr std::string_view plain = "plain body";
    static constexpr std::string_view compressed = "\x1f\x8b pretend";
    std::string out;

    Response gzip_response;
    gzip_response.set_static_body(plain, "text/html");
    gzip_response.set_gzip_body(compressed);
    EXPECT_EQ(write_response_head(out, gzip_response, {.accepts_gzip = true}).body, compressed);
    auto gzipped = parse_head(out);
    EXPECT_EQ(gzipped.fields["Content-Encoding"], "gzip");
    EXPECT_EQ(gzipped.fields["Vary"], "Accept-Encoding");
    EXPECT_EQ(gzipped.fields["Content-Length"], std::to_string(compressed.size()));

    Response identity_response;
    identity_response.set_static_body(plain, "text/html");
    identity_response.set_gzip_body(compressed);
    EXPECT_EQ(write_response_head(out, identity_response, {.accepts_gzip = false}).body, plain);
    auto identity = parse_head(out);
    EXPECT_EQ(identity.count("Content-Encoding"), 0);
    EXPECT_EQ(identity.fields["Vary"], "Accept-Encoding");

    // HEAD: the length a GET would get, no body.
    Response head_response = Response::text("not sent");
    EXPECT_EQ(write_response_head(out, head_response, {.head = true}).body, "");
    EXPECT_EQ(parse_head(out).fields["Content-Length"], "8");

    Response no_content(204);
    EXPECT_EQ(write_response_head(out, no_content, {}).body, "");
    EXPECT_EQ(parse_head(out).count("Content-Length"), 0);
}

} // namespace
} // namespace c9::http
