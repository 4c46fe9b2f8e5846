// Several `clause9 serve` instances on one database, as behind a load balancer: sessions live in the database so
// any instance honours them, concurrent edits of one row give one success and one version conflict, and the audit
// trail stays one chain. Runs on SQLite (two processes on one file) and, as the postgresql: variant, on PostgreSQL.
#include "api_fixture.h"
#include "app/audit_verify.h"
#include "core/lesson.h"
#include "store/typed.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

namespace c9::api_test {
namespace {

class Instances : public ApiTest {
protected:
    void SetUp() override
    {
        ApiTest::SetUp();
        second.start(db_path(), work_dir(), {});
    }
    void TearDown() override
    {
        EXPECT_EQ(second.stop(), 0) << second.log();
        EXPECT_EQ(second.log().find("status=500"), std::string::npos) << second.log();
        ApiTest::TearDown();
    }

    Reply on(const ServerProcess& instance, std::string_view method, std::string_view target,
        std::vector<std::string> headers, std::string_view body = {})
    {
        auto response = http::test::fetch(instance.port(), method, target, std::move(headers), body);
        Reply reply;
        if (response) {
            reply.status = response->status;
            reply.headers = response->headers;
            reply.body = response->body;
        }
        return reply;
    }

    std::vector<std::string> as_admin(std::vector<std::string> headers = {})
    {
        headers.push_back("Authorization: Bearer " + seed.tokens.at(As::admin));
        headers.push_back("Content-Type: application/json");
        return headers;
    }

    ServerProcess second;
};

TEST_F(Instances, ASessionFromOneInstanceWorksOnTheOtherUntilLoggedOutOnEither)
{
    auto login_reply = login("member@example.org", fixture_password);
    ASSERT_EQ(login_reply.status, 200) << login_reply.describe();
    auto session = cookie_value(login_reply, "clause9_session");
    auto csrf = cookie_value(login_reply, "csrf_token");
    std::vector<std::string> cookies {"Cookie: clause9_session=" + session + "; csrf_token=" + csrf};

    auto who = on(second, "GET", "/api/v1/session", cookies);
    ASSERT_EQ(who.status, 200) << who.describe();
    EXPECT_EQ(who.json()["user"]["email"], "member@example.org");
    EXPECT_EQ(on(second, "GET", "/api/v1/risks", cookies).status, 200);

    auto writes = cookies;
    writes.push_back("Origin: http://localhost");
    writes.push_back("X-CSRF-Token: " + csrf);
    ASSERT_EQ(on(second, "DELETE", "/api/v1/session", writes).status, 204);
    EXPECT_EQ(raw("GET", "/api/v1/session", cookies).status, 401) << "logged out on the second, still in on the first";
    EXPECT_EQ(on(second, "GET", "/api/v1/session", cookies).status, 401);
}

TEST_F(Instances, ConcurrentEditsOfOneRowGiveOneSuccessAndOneConflict)
{
    auto risk = "/api/v1/risks/" + seed.ids.at("risks");
    for (int round = 0; round < 10; ++round) {
        auto current = get(risk);
        ASSERT_EQ(current.status, 200) << current.describe();
        auto version = current.json()["version"].get<std::int64_t>();
        std::string if_match = "If-Match: \"" + std::to_string(version) + "\"";
        Reply replies[2];
        std::atomic<int> ready {0};
        auto edit = [&](int which) {
            const ServerProcess& instance = which == 0 ? server : second;
            auto body = Json {{"title", "edited through instance " + std::to_string(which) + " in round "
                                            + std::to_string(round)}}
                            .dump();
            ++ready;
            while (ready < 2) { } // start both requests together
            replies[which] = on(instance, "PATCH", risk, as_admin({if_match}), body);
        };
        std::thread first_edit(edit, 0), second_edit(edit, 1);
        first_edit.join();
        second_edit.join();

        std::multiset<int> statuses {replies[0].status, replies[1].status};
        ASSERT_EQ(statuses, (std::multiset<int> {200, 412}))
            << replies[0].describe() << "\n" << replies[1].describe();
        int winner = replies[0].status == 200 ? 0 : 1;
        auto after = get(risk).json();
        EXPECT_EQ(after["version"], version + 1);
        EXPECT_EQ(after["title"], replies[winner].json()["title"]) << "the row holds the edit that was acknowledged";
    }
}

TEST_F(Instances, WritesThroughBothInstancesKeepOneAuditChain)
{
    auto before = verify_audit_chain(store());
    ASSERT_TRUE(before && !before->broken);
    constexpr int clients = 4, per_client = 15;
    std::atomic<int> created {0};
    std::vector<std::thread> threads;
    for (int client = 0; client < clients; ++client)
        threads.emplace_back([&, client] {
            for (int index = 0; index < per_client; ++index) {
                const ServerProcess& instance = (client + index) % 2 == 0 ? server : second;
                auto body = Json {{"title", "lesson " + std::to_string(client) + "/" + std::to_string(index)}}.dump();
                auto reply = on(instance, "POST", "/api/v1/lessons", as_admin(), body);
                if (reply.status == 201)
                    ++created;
                else
                    ADD_FAILURE() << reply.describe();
            }
        });
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(created.load(), clients * per_client);

    auto lessons = store().read([](Tx& tx) { return all_rows(tx, lesson_spec()); });
    ASSERT_TRUE(lessons);
    auto ours = std::count_if(lessons->begin(), lessons->end(),
        [](const Lesson& lesson) { return lesson.title.starts_with("lesson "); });
    EXPECT_EQ(ours, clients * per_client);
    auto after = verify_audit_chain(store());
    ASSERT_TRUE(after) << after.error().message();
    EXPECT_FALSE(after->broken) << after->broken->problem;
    EXPECT_GE(after->entries, before->entries + clients * per_client) << "every create is in the one chain";
}

} // namespace
} // namespace c9::api_test
