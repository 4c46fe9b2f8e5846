// Graceful shutdown: stop accepting, finish what was read, close the rest, return.
#include "test_client.h"
#include "test_server.h"

#include <condition_variable>
#include <csignal>
#include <future>
#include <gtest/gtest.h>
#include <mutex>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

namespace c9::http::test {
namespace {

// A handler that starts, reports it, and returns only when released (or after 10 s, so a broken test ends).
class Gate {
public:
    Response wait(std::string body)
    {
        std::unique_lock lock(m_mutex);
        m_started = true;
        m_changed.notify_all();
        bool released = m_changed.wait_for(lock, 10s, [&] { return m_released; });
        return released ? Response::text(std::move(body)) : Response::text("timed out", 504);
    }
    bool wait_started()
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, 10s, [&] { return m_started; });
    }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_started = false;
    bool m_released = false;
};

Router gated_router(Gate& gate)
{
    Router router;
    router.add("GET", "/slow", [&gate](Request&) { return gate.wait("done"); });
    router.add("GET", "/ping", [](Request&) { return Response::text("pong"); });
    return router;
}

TEST(Shutdown, InFlightRequestCompletesAndNewConnectionsAreRefused)
{
    Gate gate;
    RunningServer server(gated_router(gate));
    uint16_t port = server.port();
    TestClient in_flight(port);
    ASSERT_TRUE(in_flight.send(request_text("GET", "/slow")));
    ASSERT_TRUE(gate.wait_started());

    server.server().stop();
    // Let the shutdown begin while the handler still runs, then let the handler finish.
    std::this_thread::sleep_for(100ms);
    gate.release();
    auto response = in_flight.read_response();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "done");
    EXPECT_FALSE(response->keep_alive);
    EXPECT_TRUE(in_flight.wait_closed(10s));

    server.stop_and_join();
    TestClient late(port);
    if (late.connected()) {
        late.send(request_text("GET", "/ping"));
        EXPECT_FALSE(late.read_response(2s));
    }
}

TEST(Shutdown, IdleConnectionsCloseAtOnce)
{
    Gate gate;
    RunningServer server(gated_router(gate));
    TestClient idle(server.port());
    ASSERT_TRUE(idle.send(request_text("GET", "/ping")));
    ASSERT_TRUE(idle.read_response());
    TestClient silent(server.port());

    auto stopped = std::async(std::launch::async, [&] { server.stop_and_join(); });
    // The idle timeout (60 s) and header timeout (10 s) are far away; only the shutdown can close these now.
    EXPECT_TRUE(idle.wait_closed(5s));
    EXPECT_TRUE(silent.wait_closed(5s));
    EXPECT_EQ(stopped.wait_for(5s), std::future_status::ready);
}

TEST(Shutdown, DrainTimeoutBoundsTheWait)
{
    Gate gate;
    ServerConfig config = test_config();
    config.drain_timeout = 200ms;
    RunningServer server(gated_router(gate), config);
    TestClient stuck(server.port());
    ASSERT_TRUE(stuck.send(request_text("GET", "/slow")));
    ASSERT_TRUE(gate.wait_started());

    auto stopped = std::async(std::launch::async, [&] { server.stop_and_join(); });
    bool returned = stopped.wait_for(8s) == std::future_status::ready;
    // The client of the stuck handler got its connection closed rather than an answer.
    EXPECT_FALSE(stuck.read_response(2s));
    gate.release();
    EXPECT_TRUE(returned);
}

TEST(Shutdown, DrainTimeoutClosesAnUnfinishedUpload)
{
    auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
    auto previous = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("shutdown-test", sink));
    Gate gate;
    ServerConfig config = test_config();
    config.drain_timeout = 200ms;
    RunningServer server(gated_router(gate), config);
    // The header is in, so the request counts as in flight; its body never completes.
    TestClient upload(server.port());
    ASSERT_TRUE(upload.send("POST /ping HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\npartial"));
    ASSERT_TRUE(fetch(server.port(), "GET", "/ping"));

    auto stopped = std::async(std::launch::async, [&] { server.stop_and_join(); });
    EXPECT_TRUE(upload.wait_closed(8s));
    EXPECT_EQ(stopped.wait_for(8s), std::future_status::ready);
    spdlog::set_default_logger(previous);
    // Closing the connection ended its coroutine; nothing had to be abandoned.
    for (const auto& line : sink->last_formatted())
        EXPECT_EQ(line.find("not waiting for them"), std::string::npos) << line;
}

TEST(Shutdown, SigtermStopsAServerThatHandlesSignals)
{
    Gate gate;
    ServerConfig config = test_config();
    config.handle_signals = true;
    RunningServer server(gated_router(gate), config);
    // A served request proves run() is in its loop, and it installs the signal handler before that.
    ASSERT_TRUE(fetch(server.port(), "GET", "/ping"));
    std::raise(SIGTERM);
    TestClient after(server.port());
    bool refused = !after.connected() || (after.send(request_text("GET", "/ping")), !after.read_response(2s));
    for (int attempt = 0; attempt < 50 && !refused; ++attempt) {
        std::this_thread::sleep_for(100ms);
        TestClient retry(server.port());
        refused = !retry.connected() || (retry.send(request_text("GET", "/ping")), !retry.read_response(2s));
    }
    EXPECT_TRUE(refused);
}

TEST(Shutdown, StopBeforeRunReturnsAtOnce)
{
    Server server(test_config(), Router());
    ASSERT_FALSE(server.listen());
    EXPECT_NE(server.port(), 0);
    server.stop();
    EXPECT_FALSE(server.run());
}

} // namespace
} // namespace c9::http::test
