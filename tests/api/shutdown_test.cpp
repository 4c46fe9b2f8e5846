// Graceful shutdown under load: SIGTERM while clients create action items. Every write the server acknowledged
// with 201 must be in the database afterwards, and the audit chain must still verify.
#include "api_fixture.h"
#include "app/audit_verify.h"
#include "core/action_item.h"
#include "store/typed.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace c9::api_test {
namespace {

using Shutdown = ApiTest;

TEST_F(Shutdown, SigtermUnderLoadLosesNoAcknowledgedWrite)
{
    constexpr int clients = 8;
    std::mutex mutex;
    std::vector<Id> acknowledged;
    std::atomic<int> count {0};
    auto port = server.port();
    auto token = seed.tokens[As::admin];
    std::vector<std::thread> threads;
    for (int client_idx = 0; client_idx < clients; ++client_idx)
        threads.emplace_back([&, client_idx] {
            for (int request_idx = 0;;) {
                // A new connection after each one the server closes, until it refuses them.
                http::test::TestClient client(port);
                if (!client.connected())
                    return;
                while (true) {
                    auto body
                        = Json {{"title", "load " + std::to_string(client_idx) + "/" + std::to_string(request_idx++)},
                            {"owner", 1}, {"due", "2031-01-01"}}
                              .dump();
                    if (!client.send(http::test::request_text("POST", "/api/v1/actions",
                            {"Authorization: Bearer " + token, "Content-Type: application/json"}, body)))
                        break;
                    auto response = client.read_response();
                    if (!response)
                        break;
                    if (response->status == 201) {
                        auto location = std::string(response->headers.get("Location").value_or(""));
                        std::lock_guard lock(mutex);
                        acknowledged.push_back(std::stoll(location.substr(location.rfind('/') + 1)));
                        ++count;
                    } else {
                        ADD_FAILURE() << "status " << response->status << ": " << response->body;
                    }
                    if (!response->keep_alive)
                        break;
                }
            }
        });
    // Stop only once writes are flowing (a condition, not a time).
    for (int wait_idx = 0; count < 50 && wait_idx < 6000; ++wait_idx)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_GE(count.load(), 50) << server.log();
    int status = server.stop(SIGTERM);
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(status, 0) << server.log();
    EXPECT_NE(server.log().find("http: stopping"), std::string::npos);

    auto stored = store().read([&](Tx& tx) { return all_rows(tx, action_spec()); });
    ASSERT_TRUE(stored);
    std::set<Id> ids;
    for (const auto& row : *stored)
        ids.insert(row.id);
    for (auto id : acknowledged)
        EXPECT_TRUE(ids.contains(id)) << "ACT-" << id << " was acknowledged with 201 but is not in the database";
    auto verification = verify_audit_chain(store());
    ASSERT_TRUE(verification);
    EXPECT_FALSE(verification->broken) << verification->broken->problem;
}

} // namespace
} // namespace c9::api_test
