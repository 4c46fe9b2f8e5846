// Request size and time limits, and what connections cost.
#include "test_client.h"
#include "test_server.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

namespace c9::http::test {
namespace {

Router upload_router()
{
    Router router;
    auto size_of_body = [](Request& request) { return Response::text(std::to_string(request.body().size())); };
    router.add("POST", "/small", size_of_body);
    router.add("POST", "/import", size_of_body, {.body_limit = 4 * 1024 * 1024});
    router.add("GET", "/ping", [](Request&) { return Response::text("pong"); });
    return router;
}

TEST(Limits, BodyOverTheDefaultLimitGets413)
{
    RunningServer server(upload_router());
    std::string body(2 * 1024 * 1024, 'x');
    auto too_large = fetch(server.port(), "POST", "/small", {}, body);
    ASSERT_TRUE(too_large);
    EXPECT_EQ(too_large->status, 413);
    EXPECT_EQ(too_large->headers.get("Content-Type"), "application/problem+json");

    auto within = fetch(server.port(), "POST", "/small", {}, std::string(1000, 'x'));
    ASSERT_TRUE(within);
    EXPECT_EQ(within->body, "1000");
}

TEST(Limits, RouteWithLargerLimitAcceptsLargerBody)
{
    RunningServer server(upload_router());
    std::string body(3 * 1024 * 1024, 'x');
    auto accepted = fetch(server.port(), "POST", "/import", {}, body);
    ASSERT_TRUE(accepted);
    EXPECT_EQ(accepted->status, 200);
    EXPECT_EQ(accepted->body, std::to_string(body.size()));

    auto over = fetch(server.port(), "POST", "/import", {}, std::string(5 * 1024 * 1024, 'x'));
    ASSERT_TRUE(over);
    EXPECT_EQ(over->status, 413);
}

TEST(Limits, ChunkedBodyIsCountedAsItArrives)
{
    RunningServer server(upload_router());
    TestClient client(server.port());
    std::string chunk(512 * 1024, 'y');
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
    std::string request = "POST /small HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int chunk_idx = 0; chunk_idx < 3; ++chunk_idx)
        request += size_line + chunk + "\r\n";
    request += "0\r\n\r\n";
    client.send(request);
    auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413);
}

TEST(Limits, ExpectContinueGetsInterimResponse)
{
    RunningServer server(upload_router());
    TestClient client(server.port());
    ASSERT_TRUE(
        client.send("POST /small HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
    auto interim = client.read_response();
    ASSERT_TRUE(interim);
    EXPECT_EQ(interim->status, 100);
    ASSERT_TRUE(client.send("hello"));
    auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, "5");

    // Too large for the route: refused before the client sends the body.
    TestClient refused(server.port());
    ASSERT_TRUE(refused.send("POST /small HTTP/1.1\r\nHost: localhost\r\nContent-Length: 99999999\r\n"
                             "Expect: 100-continue\r\n\r\n"));
    auto rejection = refused.read_response();
    ASSERT_TRUE(rejection);
    EXPECT_EQ(rejection->status, 413);
}

TEST(Limits, HugeHeaderGets431)
{
    RunningServer server(upload_router());
    auto response = fetch(server.port(), "GET", "/ping", {"X-Padding: " + std::string(20 * 1024, 'p')});
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 431);

    auto many_fields = std::vector<std::string>();
    for (int field_idx = 0; field_idx < 800; ++field_idx)
        many_fields.push_back("X-Field-" + std::to_string(field_idx) + ": value");
    response = fetch(server.port(), "GET", "/ping", many_fields);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 431);

    auto normal = fetch(server.port(), "GET", "/ping", {"X-Padding: " + std::string(4 * 1024, 'p')});
    ASSERT_TRUE(normal);
    EXPECT_EQ(normal->status, 200);
}

TEST(Limits, SlowHeaderIsDisconnected)
{
    ServerConfig config = test_config();
    config.header_timeout = 300ms;
    RunningServer server(upload_router(), config);
    TestClient client(server.port());
    ASSERT_TRUE(client.send("GET /ping HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
    // One byte every 100 ms: the header would take 10 s to finish, far beyond the 300 ms allowed.
    bool disconnected = false;
    for (int byte_idx = 0; byte_idx < 100 && !disconnected; ++byte_idx) {
        disconnected = client.wait_closed(100ms) || !client.send("z");
    }
    EXPECT_TRUE(disconnected);

    // Connecting and saying nothing is the cheapest form of the same attack.
    TestClient silent(server.port());
    EXPECT_TRUE(silent.wait_closed(10s));
}

TEST(Limits, IdleKeepAliveConnectionIsClosed)
{
    ServerConfig config = test_config();
    config.idle_timeout = 200ms;
    RunningServer server(upload_router(), config);
    TestClient client(server.port());
    ASSERT_TRUE(client.send(request_text("GET", "/ping")));
    auto response = client.read_response();
    ASSERT_TRUE(response);
    EXPECT_TRUE(response->keep_alive);
    EXPECT_TRUE(client.wait_closed(10s));
}

TEST(Limits, ConnectionsBeyondTheMaximumAreClosed)
{
    ServerConfig config = test_config();
    config.max_connections = 2;
    RunningServer server(upload_router(), config);
    auto first = std::make_unique<TestClient>(server.port());
    TestClient second(server.port());
    for (TestClient* client : {first.get(), &second}) {
        ASSERT_TRUE(client->send(request_text("GET", "/ping")));
        ASSERT_TRUE(client->read_response());
    }
    TestClient third(server.port());
    third.send(request_text("GET", "/ping"));
    EXPECT_FALSE(third.read_response(10s));

    // Once one leaves, there is room again (after the server notices the close).
    first.reset();
    bool served = false;
    for (int attempt = 0; attempt < 100 && !served; ++attempt) {
        served = fetch(server.port(), "GET", "/ping").has_value();
        if (!served)
            std::this_thread::sleep_for(50ms);
    }
    EXPECT_TRUE(served);
}

size_t resident_bytes()
{
    std::ifstream statm("/proc/self/statm");
    size_t total_pages = 0;
    size_t resident_pages = 0;
    statm >> total_pages >> resident_pages;
    return resident_pages * static_cast<size_t>(sysconf(_SC_PAGESIZE));
}

TEST(Limits, ThousandIdleConnectionsCostLittle)
{
    constexpr size_t connections = 1000;
    rlimit files {};
    getrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < 2 * connections + 100)
        GTEST_SKIP() << "needs " << 2 * connections + 100 << " file descriptors, the limit is " << files.rlim_cur;

    RunningServer server(upload_router());
    ASSERT_TRUE(fetch(server.port(), "GET", "/ping"));
    std::vector<std::unique_ptr<TestClient>> clients;
    clients.reserve(connections);
    size_t before = resident_bytes();
    for (size_t client_idx = 0; client_idx < connections; ++client_idx) {
        auto client = std::make_unique<TestClient>(server.port());
        ASSERT_TRUE(client->send(request_text("GET", "/ping")));
        auto response = client->read_response();
        ASSERT_TRUE(response) << client_idx;
        ASSERT_TRUE(response->keep_alive);
        clients.push_back(std::move(client));
    }
    size_t growth = resident_bytes() - std::min(before, resident_bytes());
    // The server still answers with all of them open, and each idle one costs a few KiB (socket objects, timer,
    // coroutine frames, a 512-byte buffer): far from a thread stack or a 64 KiB buffer per connection.
    auto response = fetch(server.port(), "GET", "/ping");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, "pong");
    std::printf("resident memory grew by %zu bytes for %zu idle connections\n", growth, connections);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__) // sanitizers add shadow memory per allocation
    EXPECT_LT(growth / connections, 16u * 1024);
#endif
}

} // namespace
} // namespace c9::http::test
