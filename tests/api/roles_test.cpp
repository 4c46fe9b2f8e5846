// The permission table, route by route: every registered route is called by every role and anonymously, and
// the status must be what the table says (DESIGN.md section 8); every write that changes a register's rows must
// also advance the data version the list cache relies on. Rows in the fixture belong to the member's
// person and the member attends the meeting, so an "own" grant must let the member through the guard.
#include "api/api.h"
#include "api_fixture.h"
#include "app/permissions.h"

namespace c9::api_test {
namespace {

class Roles : public ApiTest {
protected:
    // "/api/v1/risks/{id}/history" -> "/api/v1/risks/1/history", with the fixture's ids.
    std::string concrete(const std::string& pattern)
    {
        std::string path = pattern;
        if (auto at = path.find("{id}"); at != std::string::npos) {
            auto collection_end = at - 1;
            auto collection_start = path.rfind('/', collection_end - 1) + 1;
            auto collection = path.substr(collection_start, collection_end - collection_start);
            EXPECT_TRUE(seed.ids.contains(collection)) << pattern;
            path.replace(at, 4, seed.ids[collection]);
        }
        if (auto at = path.find("{item}"); at != std::string::npos)
            path.replace(at, 6, std::to_string(seed.agenda_item));
        return path;
    }
};

TEST_F(Roles, EveryRouteAnswersEveryRoleAsThePermissionTableSays)
{
    test::TestDatabase scratch;
    http::Router router;
    add_api_routes(router, scratch.store(), ApiConfig {});
    auto routes = router.routes();
    ASSERT_GT(routes.size(), 90u);

    // Writes that would take the fixture apart go last: signing out ends nothing for a token, but revoking and
    // approving change what later calls see.
    for (As as : {As::anonymous, As::auditor, As::member, As::chair, As::admin}) {
        for (const auto& route : routes) {
            auto permission = parse_enum<Permission>(route.options.tag);
            ASSERT_TRUE(permission) << route.method << " " << route.pattern << " has no permission tag";
            auto path = concrete(route.pattern);
            std::optional<Json> body;
            std::vector<std::string> headers;
            if (route.method == "POST" || route.method == "PUT" || route.method == "PATCH")
                body = Json::object();
            if (route.method == "PATCH")
                headers.push_back("If-Match: \"1\"");
            bool write = route.method != "GET";
            auto before = write ? register_snapshot(store()) : RegisterSnapshot {};
            // An event stream stays open: its HEAD answers the same way, without waiting for the events.
            bool stream = route.pattern.ends_with("/live");
            auto reply = request(stream ? "HEAD" : route.method, path, as, body, headers);
            std::string what = to_string(as) + " " + route.method + " " + path + " (" + route.options.tag + ") -> "
                + reply.describe();
            ASSERT_NE(reply.status, 0) << what;
            EXPECT_LT(reply.status, 500) << what;
            // The page cache's premise (api/page_cache.h): whatever changes a register's rows advances the version.
            if (write) {
                auto after = register_snapshot(store());
                if (after.lists != before.lists) {
                    EXPECT_GT(after.version, before.version) << what << " changed a list, not the data version";
                }
            }
            if (*permission == Permission::open) {
                EXPECT_NE(reply.status, 401) << what;
                EXPECT_NE(reply.status, 403) << what;
                continue;
            }
            if (as == As::anonymous) {
                EXPECT_EQ(reply.status, 401) << what;
                continue;
            }
            auto role = *parse_enum<Role>(to_string(as));
            if (grant(role, *permission) == Grant::denied)
                EXPECT_EQ(reply.status, 403) << what;
            else
                EXPECT_TRUE(reply.status != 401 && reply.status != 403) << what;
        }
    }
}

// The table itself, stated once more by hand for the decisions that matter most.
struct Case {
    As as;
    std::string method;
    std::string path;
    Json body;
    int status;
};

TEST_F(Roles, KeyDecisionsOfTheTable)
{
    auto risk = "/api/v1/risks/" + seed.ids["risks"];
    auto other_risk = "/api/v1/risks/" + std::to_string(seed.other_risk);
    auto meeting = "/api/v1/meetings/" + std::to_string(seed.meeting);
    std::vector<Case> cases {
        {As::auditor, "GET", "/api/v1/audit", nullptr, 200},
        {As::admin, "GET", "/api/v1/audit", nullptr, 200},
        {As::chair, "GET", "/api/v1/audit", nullptr, 403},
        {As::member, "GET", "/api/v1/audit", nullptr, 403},
        {As::auditor, "GET", risk, nullptr, 200},
        {As::auditor, "POST", "/api/v1/risks", Json {{"title", "x"}, {"owner", 1}, {"likelihood", 1}, {"impact", 1}},
            403},
        {As::auditor, "POST", risk + "/close", Json::object(), 403},
        {As::member, "POST", risk + "/close", Json::object(), 200},
        {As::member, "POST", other_risk + "/close", Json::object(), 403},
        {As::chair, "POST", other_risk + "/close", Json::object(), 200},
        // A member creates rows only as their owner.
        {As::member, "POST", "/api/v1/actions",
            Json {{"title", "mine"}, {"owner", "mia@example.org"}, {"due", "2031-01-01"}}, 201},
        {As::member, "POST", "/api/v1/actions",
            Json {{"title", "theirs"}, {"owner", "otto@example.org"}, {"due", "2031-01-01"}}, 403},
        {As::member, "POST", "/api/v1/people", Json {{"name", "New"}, {"email", "new@example.org"}}, 403},
        {As::chair, "POST", "/api/v1/people", Json {{"name", "New"}, {"email", "new@example.org"}}, 201},
        {As::member, "POST", meeting + "/start", Json::object(), 403},
        {As::member, "GET", "/api/v1/users", nullptr, 403},
        {As::chair, "GET", "/api/v1/users", nullptr, 403},
        {As::auditor, "GET", "/api/v1/users", nullptr, 200},
        {As::auditor, "POST", "/api/v1/users", Json {{"email", "x@example.org"}}, 403},
        {As::chair, "POST", "/api/v1/users", Json {{"email", "x@example.org"}}, 403},
        {As::auditor, "POST", "/api/v1/tokens", Json {{"name", "my script"}}, 201},
        {As::member, "POST", "/api/v1/tokens", Json {{"name", "for admin"}, {"user", 1}}, 403},
        {As::chair, "POST", meeting + "/start", Json::object(), 200},
    };
    for (const auto& test : cases) {
        std::optional<Json> body;
        if (!test.body.is_null())
            body = test.body;
        auto reply = request(test.method, test.path, test.as, body);
        EXPECT_EQ(reply.status, test.status)
            << to_string(test.as) << " " << test.method << " " << test.path << " -> " << reply.describe();
    }
}

TEST_F(Roles, AMemberRecordsOnlyInMeetingsTheyAttend)
{
    auto meeting = "/api/v1/meetings/" + std::to_string(seed.meeting);
    ASSERT_EQ(post(meeting + "/start", Json::object(), As::chair).status, 200);
    Json action {{"title", "Follow up"}, {"owner", "mia@example.org"}};
    EXPECT_EQ(post(meeting + "/actions", action, As::member).status, 201);
    // Excused: no longer attending.
    ASSERT_EQ(
        post(meeting + "/attendance", {{"person", seed.member_person}, {"presence", "excused"}}, As::chair).status,
        200);
    EXPECT_EQ(post(meeting + "/actions", action, As::member).status, 403);
    EXPECT_EQ(post(meeting + "/actions", action, As::chair).status, 201);
}

TEST_F(Roles, DeniedRequestsAreInTheAuditTrail)
{
    ASSERT_EQ(get("/api/v1/audit", As::member).status, 403);
    auto audit = get("/api/v1/audit?limit=5", As::auditor).json();
    ASSERT_FALSE(audit["items"].empty());
    const auto& newest = audit["items"][0];
    EXPECT_EQ(newest["action"], "denied");
    EXPECT_EQ(newest["actor"], "user:" + std::to_string(seed.users[As::member]) + " (member@example.org)");
    EXPECT_NE(newest["summary"].get<std::string>().find("GET /api/v1/audit"), std::string::npos);
}

} // namespace
} // namespace c9::api_test
