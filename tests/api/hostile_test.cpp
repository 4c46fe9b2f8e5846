// Hostile and malformed input: no request may produce a 500 (the fixture's TearDown also checks the server log),
// and each is refused with the status that says why.
#include "api_fixture.h"

namespace c9::api_test {
namespace {

using Hostile = ApiTest;

struct HostileCase {
    std::string method;
    std::string target;
    std::string body; // sent as application/json when not empty
    int status;
    std::vector<std::string> headers = {};
};

TEST_F(Hostile, MalformedInputIsRefusedWithoutAServerError)
{
    std::string deep(200, '[');
    deep += std::string(200, ']');
    std::string long_array = "{\"tags\": [" + std::string(200'000, '1').insert(0, "") + "]}";
    std::vector<HostileCase> cases {
        // Ids in paths.
        {"GET", "/api/v1/risks/RSK-x", "", 404},
        {"GET", "/api/v1/risks/risk-1", "", 404},
        {"GET", "/api/v1/risks/-1", "", 404},
        {"GET", "/api/v1/risks/0", "", 404},
        {"GET", "/api/v1/risks/1.5", "", 404},
        {"GET", "/api/v1/risks/99999999999999999999999", "", 404},
        {"GET", "/api/v1/risks/9223372036854775807", "", 404},
        {"GET", "/api/v1/risks/..%2F..%2Fetc%2Fpasswd", "", 404},
        {"GET", "/api/v1/risks/../people", "", 404},
        {"GET", "/api/v1/risks/%00", "", 400},
        {"GET", "/api/v1/risks/1%00", "", 400},
        {"GET", "/api/v1/controls/%C3%28", "", 404},
        {"GET", "/api/v1/controls/8.8;DROP%20TABLE%20controls", "", 404},
        {"GET", "/api/v1/controls/8.8 HTTP/1.1", "", 400},
        {"GET", "/api/v1/users/1e3", "", 404},
        {"GET", "/api/v1/meetings/1/agenda/items/x/notes", "", 405},
        {"DELETE", "/api/v1/risks/1", "", 405},
        // Bodies.
        {"POST", "/api/v1/risks", R"({"title": 5, "owner": 1, "likelihood": 1, "impact": 1})", 422},
        // A NUL inside a string is valid JSON but no text a person means; PostgreSQL could not store it.
        {"POST", "/api/v1/risks", R"({"title": "a\u0000b", "owner": 1, "likelihood": 1, "impact": 1})", 422},
        // A number beyond a double is malformed JSON to the parser: 400, like any other syntax error.
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1, "likelihood": 1e400, "impact": 1})", 400},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1, "likelihood": 1e300, "impact": 1})", 422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1, "likelihood": 2.0, "impact": 1})", 422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1, "likelihood": 18446744073709551615, "impact": 1})",
            422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1, "likelihood": -9223372036854775808, "impact": 1})",
            422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 18446744073709551615, "likelihood": 1, "impact": 1})",
            422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": [1], "likelihood": 1, "impact": 1})", 422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": {"id": 1}, "likelihood": 1, "impact": 1})", 422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": true, "likelihood": 1, "impact": 1})", 422},
        {"POST", "/api/v1/risks",
            R"({"title": "x", "owner": 1, "likelihood": 1, "impact": 1, "treatment_due": "2026-02-30"})", 422},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1, "likelihood": 1, "impact": 1, "__proto__": {}})", 422},
        {"POST", "/api/v1/risks", "{\"title\": \"\xff\xfe\", \"owner\": 1, \"likelihood\": 1, \"impact\": 1}", 400},
        {"POST", "/api/v1/risks", R"({"title": "x", "owner": 1,})", 400},
        {"POST", "/api/v1/risks", R"({'title': 'x'})", 400},
        {"POST", "/api/v1/risks", "{\"title\": \"x\"} trailing", 400},
        {"POST", "/api/v1/risks", deep, 400},
        {"POST", "/api/v1/risks", "null", 422},
        {"POST", "/api/v1/risks", "123", 422},
        {"POST", "/api/v1/risks", "\"text\"", 422},
        {"POST", "/api/v1/risks", long_array, 400},
        {"POST", "/api/v1/vulnerabilities", R"({"title": "x", "cvss": "NaN"})", 422},
        {"POST", "/api/v1/vulnerabilities", R"({"title": "x", "cvss": -0.0001})", 422},
        {"POST", "/api/v1/session", R"({"email": ["admin@example.org"], "password": "x"})", 422},
        {"POST", "/api/v1/session", R"({"email": "admin@example.org", "password": 123456789012})", 422},
        {"POST", "/api/v1/meetings/1/agenda/items", R"({"title": "x", "timebox_minutes": 99999999999})", 422},
        {"PUT", "/api/v1/meetings/1/agenda", R"({"items": [1, "x", null]})", 422},
        {"PUT", "/api/v1/meetings/1/agenda", R"({"items": {"id": 1}})", 422},
        {"POST", "/api/v1/kpis/1/measurements", R"({"period": "2026-01", "value": 1e308, "note": 5})", 422},
        {"POST", "/api/v1/activities/1/completions", R"({"by": -4})", 422},
        {"POST", "/api/v1/meetings/1/attendance", R"({"person": "robert'); DROP TABLE people;--"})", 422},
        // Query strings.
        {"GET", "/api/v1/risks?limit=1e3", "", 422},
        {"GET", "/api/v1/risks?limit=-1", "", 422},
        {"GET", "/api/v1/risks?sort=-", "", 422},
        {"GET", "/api/v1/risks?sort=id;DROP%20TABLE%20risks", "", 422},
        {"GET", "/api/v1/risks?status=%FF", "", 422},
        {"GET", "/api/v1/risks?q=" + std::string(300, 'a'), "", 422},
        {"GET", "/api/v1/risks?owner=%27%20OR%201%3D1", "", 422},
        {"GET", "/api/v1/risks?q=%27%20OR%201%3D1%20--", "", 200},
        {"GET", "/api/v1/risks?%00=1", "", 400},
        {"GET", "/api/v1/audit?before=abc", "", 422},
        {"GET", "/api/v1/meetings/1/minutes?format=../../etc/passwd", "", 422},
        // Headers.
        {"PATCH", "/api/v1/risks/1", R"({"impact": 2})", 400, {"If-Match: \"99999999999999999999\""}},
        {"PATCH", "/api/v1/risks/1", R"({"impact": 2})", 400, {"If-Match: \"-1\""}},
        {"PATCH", "/api/v1/risks/1", R"({"impact": 2})", 400, {"If-Match: *"}},
        {"POST", "/api/v1/risks", R"({"title": "x"})", 415, {"Content-Type: application/xml"}},
    };
    for (const auto& test : cases) {
        std::vector<std::string> headers {"Authorization: Bearer " + seed.tokens[As::admin]};
        bool has_type = false;
        for (const auto& header : test.headers) {
            headers.push_back(header);
            has_type = has_type || header.starts_with("Content-Type");
        }
        if (!test.body.empty() && !has_type)
            headers.push_back("Content-Type: application/json");
        auto reply = raw(test.method, test.target, headers, test.body);
        EXPECT_EQ(reply.status, test.status) << test.method << " " << test.target.substr(0, 80) << " "
                                             << test.body.substr(0, 80) << " -> " << reply.describe();
        if (reply.status >= 400) {
            EXPECT_EQ(reply.header("Content-Type"), "application/problem+json") << test.target.substr(0, 80);
            EXPECT_FALSE(reply.json().is_discarded());
        }
    }
    EXPECT_EQ(get("/api/v1/risks").json()["total"], 2) << "no hostile request created a row";
}

TEST_F(Hostile, OversizedBodiesAreRefusedBeforeTheyAreRead)
{
    std::string huge = "{\"title\": \"" + std::string(2 * 1024 * 1024, 'x') + "\"}";
    auto reply = raw("POST", "/api/v1/risks",
        {"Authorization: Bearer " + seed.tokens[As::admin], "Content-Type: application/json"}, huge);
    EXPECT_EQ(reply.status, 413);
}

TEST_F(Hostile, StoredTextThatIsNotUtf8StillGivesValidJson)
{
    // Another tool wrote bytes that are not UTF-8 straight into the database.
    if (m_database->engine() == Engine::postgresql)
        GTEST_SKIP() << "PostgreSQL refuses text that is not valid UTF-8, so no other tool can store it";
    exec_sql(db_path(), "UPDATE risks SET title = CAST(X'50686973ff696e67' AS TEXT) WHERE id = 1");
    auto reply = get("/api/v1/risks/1");
    ASSERT_EQ(reply.status, 200) << reply.describe();
    EXPECT_FALSE(reply.json().is_discarded());
    EXPECT_EQ(get("/api/v1/risks").status, 200);
    EXPECT_EQ(get("/api/v1/risks/1/history").status, 200);
}

} // namespace
} // namespace c9::api_test
