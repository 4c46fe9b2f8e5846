// Accounts, sessions, CSRF, API tokens and login throttling (DESIGN.md section 8, docs/security.md).
#include "api_fixture.h"

namespace c9::api_test {
namespace {

using Auth = ApiTest;

std::string set_cookie(const Reply& reply, std::string_view name)
{
    for (auto header : reply.headers.get_all("Set-Cookie"))
        if (header.starts_with(std::string(name) + "="))
            return std::string(header);
    return {};
}

TEST_F(Auth, LoginSetsASessionCookieAndLogoutEndsIt)
{
    auto login_reply = login("Member@Example.org", fixture_password);
    ASSERT_EQ(login_reply.status, 200) << login_reply.describe();
    auto session_cookie = set_cookie(login_reply, "clause9_session");
    EXPECT_NE(session_cookie.find("; HttpOnly"), std::string::npos) << session_cookie;
    EXPECT_NE(session_cookie.find("; SameSite=Lax"), std::string::npos);
    EXPECT_NE(session_cookie.find("; Path=/"), std::string::npos);
    EXPECT_EQ(session_cookie.find("Secure"), std::string::npos);
    auto csrf_cookie = set_cookie(login_reply, "csrf_token");
    EXPECT_EQ(csrf_cookie.find("HttpOnly"), std::string::npos) << "scripts must read the CSRF token";
    auto session = cookie_value(login_reply, "clause9_session");
    auto csrf = cookie_value(login_reply, "csrf_token");
    ASSERT_GE(session.size(), 40u);
    EXPECT_EQ(login_reply.json()["csrf_token"], csrf);

    std::vector<std::string> cookies {"Cookie: clause9_session=" + session + "; csrf_token=" + csrf};
    auto who = raw("GET", "/api/v1/session", cookies);
    ASSERT_EQ(who.status, 200) << who.describe();
    EXPECT_EQ(who.json()["user"]["email"], "member@example.org");
    EXPECT_EQ(who.json()["role"], "member");
    EXPECT_EQ(who.json()["person"], seed.member_person);
    EXPECT_EQ(who.json()["via"], "session");
    EXPECT_EQ(who.json()["csrf_token"], csrf);

    auto writes = cookies;
    writes.push_back("Origin: http://localhost");
    writes.push_back("X-CSRF-Token: " + csrf);
    auto logout = raw("DELETE", "/api/v1/session", writes);
    ASSERT_EQ(logout.status, 204) << logout.describe();
    EXPECT_NE(set_cookie(logout, "clause9_session").find("Max-Age=0"), std::string::npos);
    // The old cookie, sent again, no longer works.
    EXPECT_EQ(raw("GET", "/api/v1/session", cookies).status, 401);
    EXPECT_EQ(raw("GET", "/api/v1/risks", cookies).status, 401);
}

TEST_F(Auth, EveryLoginGetsAFreshSessionId)
{
    auto first = login("member@example.org", fixture_password);
    auto second = login(
        "member@example.org", fixture_password, {"Cookie: clause9_session=" + cookie_value(first, "clause9_session")});
    ASSERT_EQ(first.status, 200);
    ASSERT_EQ(second.status, 200);
    EXPECT_NE(cookie_value(first, "clause9_session"), cookie_value(second, "clause9_session"));
    EXPECT_NE(cookie_value(first, "csrf_token"), cookie_value(second, "csrf_token"));
    // The session the new login replaced no longer works; the new one does.
    EXPECT_EQ(
        raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + cookie_value(first, "clause9_session")}).status,
        401);
    EXPECT_EQ(
        raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + cookie_value(second, "clause9_session")}).status,
        200);
}

TEST_F(Auth, WrongCredentialsAreRefusedAlike)
{
    auto wrong_password = login("member@example.org", "not the password at all");
    auto unknown_email = login("nobody@example.org", fixture_password);
    EXPECT_EQ(wrong_password.status, 401);
    EXPECT_EQ(unknown_email.status, 401);
    EXPECT_EQ(wrong_password.body, unknown_email.body);
    EXPECT_TRUE(cookie_value(wrong_password, "clause9_session").empty());
    EXPECT_EQ(login("member@example.org", "").status, 422);
    EXPECT_EQ(raw("POST", "/api/v1/session", {"Content-Type: application/json"}, R"({"email":"a"})").status, 422);
    // A session cookie that was never issued.
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=forged"}).status, 401);
    EXPECT_EQ(raw("GET", "/api/v1/risks", {"Authorization: Bearer c9_forged"}).status, 401);
    EXPECT_EQ(raw("GET", "/api/v1/risks", {"Authorization: Basic YWRtaW46YWRtaW4="}).status, 401);
    auto unauthorized = raw("GET", "/api/v1/risks", {});
    EXPECT_EQ(unauthorized.status, 401);
    EXPECT_EQ(unauthorized.header("WWW-Authenticate"), "Bearer realm=\"clause9\"");
}

TEST_F(Auth, LoginsAndFailuresAreInTheAuditTrail)
{
    ASSERT_EQ(login("member@example.org", "wrong password 123").status, 401);
    ASSERT_EQ(login("member@example.org", fixture_password).status, 200);
    auto items = get("/api/v1/audit?limit=2", As::auditor).json()["items"];
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0]["action"], "login");
    EXPECT_EQ(items[0]["actor"], "user:" + std::to_string(seed.users[As::member]) + " (member@example.org)");
    EXPECT_EQ(items[1]["action"], "login_failed");
    EXPECT_EQ(items[1]["actor"], "anonymous");
    EXPECT_NE(items[1]["summary"].get<std::string>().find("member@example.org"), std::string::npos);
}

struct CsrfCase {
    std::string name;
    std::vector<std::string> headers; // besides the cookies
    int status;
};

TEST_F(Auth, CookieWritesNeedTheSameOriginAndTheCsrfToken)
{
    auto signed_in = login("chair@example.org", fixture_password);
    auto session = cookie_value(signed_in, "clause9_session");
    auto csrf = cookie_value(signed_in, "csrf_token");
    std::string cookies = "Cookie: clause9_session=" + session + "; csrf_token=" + csrf;
    std::vector<CsrfCase> cases {
        {"no Origin", {"X-CSRF-Token: " + csrf}, 403},
        {"another site", {"Origin: https://evil.example", "X-CSRF-Token: " + csrf}, 403},
        {"a lookalike host", {"Origin: http://localhost.evil.example", "X-CSRF-Token: " + csrf}, 403},
        {"an opaque origin", {"Origin: null", "X-CSRF-Token: " + csrf}, 403},
        {"no token", {"Origin: http://localhost"}, 403},
        {"a wrong token", {"Origin: http://localhost", "X-CSRF-Token: " + std::string(csrf.size(), 'A')}, 403},
        {"Referer from another site", {"Referer: https://evil.example/page", "X-CSRF-Token: " + csrf}, 403},
        {"same Origin and token", {"Origin: http://localhost", "X-CSRF-Token: " + csrf}, 201},
        {"same Origin with a port", {"Origin: http://localhost:80", "X-CSRF-Token: " + csrf}, 201},
        {"Referer of this host", {"Referer: http://localhost/risks", "X-CSRF-Token: " + csrf}, 201},
    };
    int created = 0;
    for (const auto& test : cases) {
        auto headers = test.headers;
        headers.push_back(cookies);
        headers.push_back("Content-Type: application/json");
        auto body = Json {{"title", "CSRF " + test.name}, {"owner", "carl@example.org"}, {"due", "2031-01-01"}}.dump();
        auto reply = raw("POST", "/api/v1/actions", headers, body);
        EXPECT_EQ(reply.status, test.status) << test.name << ": " << reply.describe();
        created += reply.status == 201 ? 1 : 0;
    }
    EXPECT_EQ(get("/api/v1/actions").json()["total"], 1 + created);
    // Reads need neither; a bearer token needs neither.
    EXPECT_EQ(raw("GET", "/api/v1/actions", {cookies}).status, 200);
    EXPECT_EQ(
        post("/api/v1/actions", {{"title", "By token"}, {"owner", 1}, {"due", "2031-01-01"}}, As::chair).status, 201);
    // A cross-site login is refused too.
    EXPECT_EQ(login("chair@example.org", fixture_password, {"Origin: https://evil.example"}).status, 403);
}

TEST_F(Auth, IdleAndExpiredSessionsEnd)
{
    auto idle = cookie_value(login("member@example.org", fixture_password), "clause9_session");
    auto expired = cookie_value(login("chair@example.org", fixture_password), "clause9_session");
    auto fresh = cookie_value(login("auditor@example.org", fixture_password), "clause9_session");
    // Sessions are stored by the hash of their id; age them in the database as time would.
    exec_sql(db_path(),
        "UPDATE sessions SET last_seen = '2000-01-01T00:00:00Z' WHERE user_id = "
            + std::to_string(seed.users[As::member]));
    exec_sql(db_path(),
        "UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z' WHERE user_id = "
            + std::to_string(seed.users[As::chair]));
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + idle}).status, 401);
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + expired}).status, 401);
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + fresh}).status, 200);
}

TEST_F(Auth, FailedLoginsAreThrottledPerAccount)
{
    for (int attempt = 0; attempt < 5; ++attempt)
        ASSERT_EQ(login("member@example.org", "guess number " + std::to_string(attempt)).status, 401);
    // Even the right password waits now: the throttle must not tell a guesser when a guess was right.
    auto throttled = login("member@example.org", fixture_password);
    ASSERT_EQ(throttled.status, 429) << throttled.describe();
    auto retry_after = std::stoi(throttled.header("Retry-After"));
    EXPECT_GT(retry_after, 0);
    EXPECT_LE(retry_after, 15 * 60);
    EXPECT_EQ(throttled.header("Content-Type"), "application/problem+json");
    // Once the failures age out of the window, the account may sign in again.
    exec_sql(db_path(), "UPDATE login_failures SET at = '2000-01-01T00:00:00Z'");
    EXPECT_EQ(login("member@example.org", fixture_password).status, 200);
}

TEST_F(Auth, FailedLoginsAreThrottledPerClientAddress)
{
    for (int attempt = 0; attempt < 5; ++attempt)
        ASSERT_EQ(login("user" + std::to_string(attempt) + "@example.org", "guess 123456789").status, 401);
    EXPECT_EQ(login("chair@example.org", fixture_password).status, 429);
}

TEST_F(Auth, ApiTokensAreShownOnceAndCanBeRevoked)
{
    auto created = post("/api/v1/tokens", {{"name", "nightly export"}}, As::chair);
    ASSERT_EQ(created.status, 201) << created.describe();
    auto token = created.json()["token"].get<std::string>();
    auto id = created.json()["id"].get<int>();
    EXPECT_TRUE(token.starts_with("c9_"));
    EXPECT_EQ(created.header("Location"), "/api/v1/tokens/" + std::to_string(id));
    auto bearer = "Authorization: Bearer " + token;
    auto who = raw("GET", "/api/v1/session", {bearer});
    ASSERT_EQ(who.status, 200);
    EXPECT_EQ(who.json()["via"], "token");
    EXPECT_TRUE(who.json()["csrf_token"].is_null());
    auto listed = get("/api/v1/tokens", As::chair);
    EXPECT_EQ(listed.body.find(token), std::string::npos);
    EXPECT_EQ(listed.json()["items"].size(), 2u); // the fixture's and this one
    // Another member cannot see or revoke it; an admin sees every token.
    EXPECT_EQ(del("/api/v1/tokens/" + std::to_string(id), As::member).status, 404);
    EXPECT_GE(get("/api/v1/tokens", As::admin).json()["items"].size(), 6u);
    EXPECT_EQ(del("/api/v1/tokens/" + std::to_string(id), As::chair).status, 204);
    EXPECT_EQ(raw("GET", "/api/v1/session", {bearer}).status, 401);
    EXPECT_EQ(post("/api/v1/tokens", {{"name", ""}}, As::chair).json()["errors"][0]["field"], "name");
    EXPECT_EQ(del("/api/v1/tokens/abc", As::chair).status, 404);
}

TEST_F(Auth, AdminsManageAccounts)
{
    Json account {{"email", "Nina@Example.org"}, {"name", "Nina"}, {"role", "member"}, {"person", "mia@example.org"},
        {"password", "a long enough password"}};
    auto created = post("/api/v1/users", account);
    ASSERT_EQ(created.status, 201) << created.describe();
    auto user = created.json();
    EXPECT_EQ(user["email"], "nina@example.org");
    EXPECT_EQ(user["person"], seed.member_person);
    EXPECT_FALSE(user.contains("password"));
    EXPECT_FALSE(user.contains("password_hash"));
    EXPECT_EQ(created.body.find("argon2"), std::string::npos);
    auto location = created.header("Location");
    ASSERT_EQ(login("nina@example.org", "a long enough password").status, 200);

    struct Bad {
        Json body;
        std::string field;
    };
    for (const auto& bad : std::vector<Bad> {
             {{{"email", "x@example.org"}, {"name", "X"}, {"role", "member"}, {"password", "short"}}, "password"},
             {{{"email", "x@example.org"}, {"name", "X"}, {"role", "owner"}, {"password", "long enough password"}},
                 "role"},
             {{{"email", "nina@example.org"}, {"name", "X"}, {"role", "member"}, {"password", "long enough password"}},
                 "email"},
             {{{"email", "x@example.org"}, {"name", "X"}, {"role", "member"}, {"password", "long enough password"},
                  {"person", 999}},
                 "person"},
             {{{"email", "x@example.org"}, {"name", "X"}, {"role", "member"}}, "password"},
             {{{"email", "x@example.org"}, {"name", "X"}, {"role", "member"}, {"password", "long enough password"},
                  {"admin", true}},
                 "admin"},
         }) {
        auto reply = post("/api/v1/users", bad.body);
        EXPECT_EQ(reply.status, 422) << bad.body.dump();
        EXPECT_EQ(reply.json()["errors"][0]["field"], bad.field) << reply.body;
    }

    auto promoted = patch(location, {{"role", "chair"}}, 1);
    ASSERT_EQ(promoted.status, 200) << promoted.describe();
    EXPECT_EQ(promoted.json()["role"], "chair");
    EXPECT_EQ(patch(location, {{"role", "auditor"}}, 1).status, 412);
    // Disabling ends the account's sessions at once.
    auto session = cookie_value(login("nina@example.org", "a long enough password"), "clause9_session");
    ASSERT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + session}).status, 200);
    ASSERT_EQ(patch(location, {{"active", false}}, 2).status, 200);
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + session}).status, 401);
    EXPECT_EQ(login("nina@example.org", "a long enough password").status, 401);
    // The last admin stays.
    auto admin = "/api/v1/users/" + std::to_string(seed.users[As::admin]);
    EXPECT_EQ(patch(admin, {{"role", "member"}}, 1).status, 409);
    EXPECT_EQ(get("/api/v1/users/999").status, 404);
    EXPECT_EQ(get("/api/v1/users", As::auditor).json()["total"], 5);
}

class SecureCookies : public ApiTest {
protected:
    std::vector<std::string> server_args() const override { return {"--secure-cookies"}; }
};

TEST_F(SecureCookies, CookiesAreSecureWithTheHostPrefix)
{
    auto reply = login("member@example.org", fixture_password);
    ASSERT_EQ(reply.status, 200);
    auto session = set_cookie(reply, "__Host-clause9_session");
    auto csrf = set_cookie(reply, "__Host-csrf_token");
    EXPECT_NE(session.find("; Secure"), std::string::npos) << session;
    EXPECT_NE(session.find("; HttpOnly"), std::string::npos) << session;
    EXPECT_NE(csrf.find("; Secure"), std::string::npos) << csrf;
    EXPECT_EQ(session.find("Domain"), std::string::npos);
    auto id = cookie_value(reply, "__Host-clause9_session");
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: __Host-clause9_session=" + id}).status, 200);
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Cookie: clause9_session=" + id}).status, 401);
}

} // namespace
} // namespace c9::api_test
