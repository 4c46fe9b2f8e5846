#include "http/request.h"
#include "http/url.h"

#include <gtest/gtest.h>

namespace c9::http {
namespace {

TEST(PercentDecode, TableOfCases)
{
    struct Case {
        const char* input;
        PlusIsSpace plus;
        std::optional<std::string> expected;
    };
    std::vector<Case> cases {
        {"plain", PlusIsSpace::No, "plain"},
        {"a%20b", PlusIsSpace::No, "a b"},
        {"%C3%A9t%C3%A9", PlusIsSpace::No, "\xC3\xA9t\xC3\xA9"},
        {"a+b", PlusIsSpace::No, "a+b"},
        {"a+b", PlusIsSpace::Yes, "a b"},
        {"%2B", PlusIsSpace::Yes, "+"},
        {"%2f%2F", PlusIsSpace::No, "//"},
        {"%", PlusIsSpace::No, std::nullopt},
        {"%4", PlusIsSpace::No, std::nullopt},
        {"ab%4", PlusIsSpace::No, std::nullopt},
        {"%zz", PlusIsSpace::No, std::nullopt},
        {"nul%00byte", PlusIsSpace::No, std::nullopt},
        {"", PlusIsSpace::No, ""},
    };
    for (const auto& c : cases)
        EXPECT_EQ(percent_decode(c.input, c.plus), c.expected) << c.input;
}

TEST(SplitPath, TableOfCases)
{
    using Segments = std::vector<std::string>;
    struct Case {
        const char* input;
        std::optional<Segments> expected;
    };
    std::vector<Case> cases {
        {"/", Segments {}},
        {"/api/v1/risks", Segments {"api", "v1", "risks"}},
        {"/api/v1/risks/", Segments {"api", "v1", "risks", ""}},
        {"/a%2Fb/c", Segments {"a/b", "c"}},
        {"//", Segments {"", ""}},
        {"relative", std::nullopt},
        {"/bad%zz", std::nullopt},
    };
    for (const auto& c : cases)
        EXPECT_EQ(split_path(c.input), c.expected) << c.input;
}

TEST(ParseQuery, KeepsOrderRepeatedKeysAndDecodes)
{
    auto query = parse_query("status=open&tag=a&tag=b%20c&empty=&flag&&q=risk+register");
    ASSERT_TRUE(query);
    QueryParams expected {
        {"status", "open"}, {"tag", "a"}, {"tag", "b c"}, {"empty", ""}, {"flag", ""}, {"q", "risk register"}};
    EXPECT_EQ(*query, expected);
    EXPECT_FALSE(parse_query("a=%G1"));
    EXPECT_TRUE(parse_query("")->empty());
}

TEST(Request, FromTargetSplitsPathAndQuery)
{
    auto request = Request::from_target("GET", "/api/v1/risks%20x?sort=-score&tag=a&tag=b");
    ASSERT_TRUE(request);
    EXPECT_EQ(request->method(), "GET");
    EXPECT_EQ(request->path(), "/api/v1/risks x");
    EXPECT_EQ(request->raw_path(), "/api/v1/risks%20x");
    EXPECT_EQ(request->query("sort"), "-score");
    EXPECT_EQ(request->query("missing"), std::nullopt);
    EXPECT_EQ(request->query_all("tag"), (std::vector<std::string_view> {"a", "b"}));

    EXPECT_FALSE(Request::from_target("GET", "http://example.com/"));
    EXPECT_FALSE(Request::from_target("OPTIONS", "*"));
    EXPECT_FALSE(Request::from_target("GET", "/a%zz"));
    EXPECT_FALSE(Request::from_target("GET", "/a?b=%"));
}

TEST(Request, HeadersAreCaseInsensitive)
{
    auto request = Request::from_target("GET", "/");
    ASSERT_TRUE(request);
    request->headers().add("Content-Type", "application/json");
    EXPECT_EQ(request->header("content-type"), "application/json");
    EXPECT_EQ(request->header("CONTENT-TYPE"), "application/json");
    EXPECT_EQ(request->header("Accept"), std::nullopt);
}

TEST(Request, Cookies)
{
    auto request = Request::from_target("GET", "/");
    ASSERT_TRUE(request);
    request->headers().add("Cookie", "theme=dark; c9_session=abc123;  quoted=\"x y\" ; empty=");
    request->headers().add("cookie", "late=1");
    EXPECT_EQ(request->cookie("c9_session"), "abc123");
    EXPECT_EQ(request->cookie("theme"), "dark");
    EXPECT_EQ(request->cookie("quoted"), "x y");
    EXPECT_EQ(request->cookie("empty"), "");
    EXPECT_EQ(request->cookie("late"), "1");
    EXPECT_EQ(request->cookie("session"), std::nullopt);
    EXPECT_EQ(request->cookie("c9_sess"), std::nullopt);
}

} // namespace
} // namespace c9::http
