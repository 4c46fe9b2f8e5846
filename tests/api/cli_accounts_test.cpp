// The account commands of the CLI, and what they make working against the server: `clause9 user` with
// --password-stdin, `clause9 token` printing a token once, `clause9 audit list`.
#include "api_fixture.h"

namespace c9::api_test {
namespace {

class CliAccounts : public ApiTest {
protected:
    test::Run run(std::vector<std::string> args, const std::string& input = {})
    {
        args.insert(args.begin(), {"--db", db_path()});
        return test::run_clause9(args, work_dir(), "", input);
    }
};

TEST_F(CliAccounts, UsersAndTokensMadeOnTheCommandLineWorkOverHttp)
{
    auto added = run({"user", "add", "--email", "Olga@Example.org", "--name", "Olga", "--role", "chair", "--person",
                         "PER-" + std::to_string(seed.chair_person), "--password-stdin"},
        "a password for olga\n");
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_NE(added.out.find("created account"), std::string::npos);
    EXPECT_EQ(login("olga@example.org", "a password for olga").status, 200);

    auto listed = run({"--json", "user", "list"});
    ASSERT_EQ(listed.status, 0) << listed.err;
    auto users = Json::parse(listed.out);
    EXPECT_EQ(users.size(), 5u);
    EXPECT_EQ(listed.out.find("argon2"), std::string::npos);

    auto token = run({"token", "create", "--user", "olga@example.org", "--name", "nightly export"});
    ASSERT_EQ(token.status, 0) << token.err;
    auto text = token.out.substr(0, token.out.find('\n'));
    ASSERT_TRUE(text.starts_with("c9_")) << token.out;
    auto who = raw("GET", "/api/v1/session", {"Authorization: Bearer " + text});
    ASSERT_EQ(who.status, 200);
    EXPECT_EQ(who.json()["user"]["email"], "olga@example.org");
    EXPECT_EQ(run({"token", "list"}).out.find(text), std::string::npos) << "a token is shown only once";

    auto id = std::to_string(who.json()["user"]["id"].get<int>());
    EXPECT_EQ(run({"user", "update", "olga@example.org", "--role", "auditor"}).status, 0);
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Authorization: Bearer " + text}).json()["role"], "auditor");
    EXPECT_EQ(run({"user", "disable", id}).status, 0);
    EXPECT_EQ(raw("GET", "/api/v1/session", {"Authorization: Bearer " + text}).status, 401);
    EXPECT_EQ(login("olga@example.org", "a password for olga").status, 401);
    EXPECT_EQ(run({"user", "update", id, "--enable"}).status, 0);
    EXPECT_EQ(login("olga@example.org", "a password for olga").status, 200);

    auto audit = run({"--json", "audit", "list", "--limit", "3"});
    ASSERT_EQ(audit.status, 0) << audit.err;
    EXPECT_EQ(Json::parse(audit.out)[0]["action"], "login");
}

struct BadCommand {
    std::vector<std::string> args;
    std::string input;
    int status;
    std::string message;
};

TEST_F(CliAccounts, BadInputPrintsOneLineAndChangesNothing)
{
    std::vector<BadCommand> cases {
        {{"user", "add", "--email", "x@example.org", "--name", "X", "--role", "member", "--password-stdin"}, "short\n",
            2, "password"},
        {{"user", "add", "--email", "x@example.org", "--name", "X", "--role", "owner", "--password-stdin"},
            "long enough password\n", 2, "role"},
        {{"user", "add", "--email", "admin@example.org", "--name", "X", "--role", "member", "--password-stdin"},
            "long enough password\n", 2, "email"},
        {{"user", "add", "--email", "x@example.org", "--name", "X", "--role", "member", "--person",
             "nobody@example.org", "--password-stdin"},
            "long enough password\n", 2, "person"},
        {{"user", "add", "--email", "x@example.org", "--name", "X", "--role", "member"}, "", 2, "--password-stdin"},
        {{"user", "update", "nobody@example.org", "--name", "Y"}, "", 3, "no account"},
        {{"user", "disable", "admin@example.org"}, "", 4, "last active admin"},
        {{"token", "create", "--user", "nobody@example.org", "--name", "x"}, "", 3, "no account"},
        {{"token", "revoke", "999"}, "", 3, "does not exist"},
        {{"serve", "--listen", "127.0.0.1:99999"}, "", 2, "port"},
        {{"serve", "--session-idle", "soon"}, "", 2, "duration"},
    };
    for (const auto& test : cases) {
        auto result = run(test.args, test.input);
        EXPECT_EQ(result.status, test.status) << test.args[1] << " " << result.err;
        EXPECT_NE(result.err.find(test.message), std::string::npos) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    }
    EXPECT_EQ(get("/api/v1/users", As::auditor).json()["total"], 4);
}

} // namespace
} // namespace c9::api_test
