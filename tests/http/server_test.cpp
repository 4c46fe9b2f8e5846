// The server end to end: a real listener on an ephemeral port, requests over TCP.
#include "test_client.h"
#include "test_server.h"

#include <atomic>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

namespace c9::http::test {
namespace {

Router echo_router()
{
    Router router;
    router.add("GET", "/api/v1/risks/{id}", [](Request& request) {
        std::string tags;
        for (auto tag : request.query_all("tag"))
            tags += std::string(tag) + ";";
        return Response::json(R"({"id":")" + std::string(request.path_param("id")) + R"(","tags":")" + tags + "\"}");
    });
    router.add("POST", "/api/v1/risks", [](Request& request) { return Response::text(request.body(), 201); });
    router.add("GET", "/api/v1/meetings/{id}/agenda",
        [](Request& request) { return Response::text("agenda " + std::string(request.path_param("id"))); });
    router.add("GET", "/throws", [](Request&) -> Response { throw std::runtime_error("bug"); });
    return router;
}

TEST(Server, RoutesWithPathParametersAndQuery)
{
    RunningServer server(echo_router());
    auto response = fetch(server.port(), "GET", "/api/v1/risks/R-7?tag=a&tag=b%20c&other=1");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->headers.get("Content-Type"), "application/json");
    EXPECT_EQ(response->body, R"({"id":"R-7","tags":"a;b c;"})");

    response = fetch(server.port(), "GET", "/api/v1/meetings/12/agenda");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, "agenda 12");

    response = fetch(server.port(), "POST", "/api/v1/risks", {"Content-Type: text/plain"}, "new risk");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 201);
    EXPECT_EQ(response->body, "new risk");
}

TEST(Server, NotFoundAndMethodNotAllowedAreProblems)
{
    RunningServer server(echo_router());
    auto missing = fetch(server.port(), "GET", "/api/v1/nothing");
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    EXPECT_EQ(missing->headers.get("Content-Type"), "application/problem+json");
    EXPECT_NE(missing->body.find(R"("status":404)"), std::string::npos);

    auto wrong_method = fetch(server.port(), "DELETE", "/api/v1/risks/1");
    ASSERT_TRUE(wrong_method);
    EXPECT_EQ(wrong_method->status, 405);
    EXPECT_EQ(wrong_method->headers.get("Allow"), "GET, HEAD");
    EXPECT_EQ(wrong_method->headers.get("Content-Type"), "application/problem+json");
}

TEST(Server, MalformedRequestsGet400)
{
    RunningServer server(echo_router());
    auto bad_escape = fetch(server.port(), "GET", "/api/v1/risks/%zz");
    ASSERT_TRUE(bad_escape);
    EXPECT_EQ(bad_escape->status, 400);

    TestClient client(server.port());
    ASSERT_TRUE(client.send("THIS IS NOT HTTP\r\n\r\n"));
    auto garbage = client.read_response();
    ASSERT_TRUE(garbage);
    EXPECT_EQ(garbage->status, 400);
    EXPECT_TRUE(client.wait_closed(10s));
}

TEST(Server, SecurityHeadersOnEveryResponse)
{
    RunningServer server(echo_router());
    for (const char* target : {"/api/v1/risks/1", "/api/v1/nothing", "/throws"}) {
        auto response = fetch(server.port(), "GET", target);
        ASSERT_TRUE(response) << target;
        EXPECT_EQ(response->headers.get("Content-Security-Policy"),
            "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
            << target;
        EXPECT_EQ(response->headers.get("X-Content-Type-Options"), "nosniff") << target;
        EXPECT_EQ(response->headers.get("Referrer-Policy"), "same-origin") << target;
        EXPECT_EQ(response->headers.get("X-Frame-Options"), "DENY") << target;
        EXPECT_EQ(response->headers.get("Cache-Control"), "no-store") << target;
        EXPECT_FALSE(response->headers.contains("Strict-Transport-Security")) << target;
    }

    ServerConfig tls = test_config();
    tls.behind_tls = true;
    RunningServer tls_server(echo_router(), tls);
    auto response = fetch(tls_server.port(), "GET", "/api/v1/risks/1");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->headers.get("Strict-Transport-Security"), "max-age=31536000");
}

TEST(Server, HandlerExceptionGives500AndServerGoesOn)
{
    RunningServer server(echo_router());
    auto response = fetch(server.port(), "GET", "/throws");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 500);
    EXPECT_EQ(response->headers.get("Content-Type"), "application/problem+json");
    auto after = fetch(server.port(), "GET", "/api/v1/risks/2");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, 200);
}

TEST(Server, KeepAliveReusesTheConnection)
{
    RunningServer server(echo_router());
    TestClient client(server.port());
    for (int request_idx = 0; request_idx < 3; ++request_idx) {
        std::string id = std::to_string(request_idx);
        ASSERT_TRUE(client.send(request_text("GET", "/api/v1/risks/" + id)));
        auto response = client.read_response();
        ASSERT_TRUE(response) << request_idx;
        EXPECT_TRUE(response->keep_alive);
        EXPECT_EQ(response->body, R"({"id":")" + id + R"(","tags":""})");
    }
    // Pipelined: two requests in one write, two responses in order.
    ASSERT_TRUE(client.send(request_text("GET", "/api/v1/risks/a") + request_text("GET", "/api/v1/risks/b")));
    auto first = client.read_response();
    auto second = client.read_response();
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->body.find(R"("id":"a")"), std::string::npos);
    EXPECT_NE(second->body.find(R"("id":"b")"), std::string::npos);

    // Connection: close is honoured.
    ASSERT_TRUE(client.send(request_text("GET", "/api/v1/risks/c", {"Connection: close"})));
    auto last = client.read_response();
    ASSERT_TRUE(last);
    EXPECT_FALSE(last->keep_alive);
    EXPECT_TRUE(client.wait_closed(10s));
}

TEST(Server, HeadIsGetWithoutBody)
{
    RunningServer server(echo_router());
    TestClient client(server.port());
    ASSERT_TRUE(client.send(request_text("HEAD", "/api/v1/risks/1")));
    auto head = client.read_response(10s, true);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->headers.get("Content-Length"), std::to_string(std::string(R"({"id":"1","tags":""})").size()));
    EXPECT_EQ(head->body, "");
    // Had the server sent the body anyway, these bytes would be read as the next response and fail to parse.
    ASSERT_TRUE(client.send(request_text("GET", "/api/v1/risks/1")));
    auto get = client.read_response();
    ASSERT_TRUE(get);
    EXPECT_EQ(get->body, R"({"id":"1","tags":""})");
}

TEST(Server, PrecompressedGzipBody)
{
    static constexpr std::string_view plain = "<!doctype html><title>Clause9</title>";
    static constexpr std::string_view compressed("\x1f\x8b\x08\x00 pretend gzip\x00\x01", 19);
    Router router;
    router.set_fallback([](Request&) {
        Response response;
        response.set_static_body(plain, "text/html; charset=utf-8");
        response.set_gzip_body(compressed);
        return response;
    });
    RunningServer server(std::move(router));

    auto gzip = fetch(server.port(), "GET", "/index.html", {"Accept-Encoding: gzip, deflate, br"});
    ASSERT_TRUE(gzip);
    EXPECT_EQ(gzip->headers.get("Content-Encoding"), "gzip");
    EXPECT_EQ(gzip->headers.get("Vary"), "Accept-Encoding");
    EXPECT_EQ(gzip->body, compressed);

    auto identity = fetch(server.port(), "GET", "/index.html");
    ASSERT_TRUE(identity);
    EXPECT_FALSE(identity->headers.contains("Content-Encoding"));
    EXPECT_EQ(identity->headers.get("Vary"), "Accept-Encoding");
    EXPECT_EQ(identity->body, plain);
}

TEST(Server, HandlersRunOffTheIoThreads)
{
    // The handler behind /block waits until /release has run. With handlers on the IO thread (one here), /release
    // could never be read and /block would give up after its timeout with 504.
    std::mutex mutex;
    std::condition_variable released_cv;
    bool released = false;
    std::thread::id handler_thread;
    Router router;
    router.add("GET", "/block", [&](Request&) {
        std::unique_lock lock(mutex);
        handler_thread = std::this_thread::get_id();
        bool in_time = released_cv.wait_for(lock, 10s, [&] { return released; });
        return Response::text(in_time ? "released" : "timed out", in_time ? 200 : 504);
    });
    router.add("GET", "/release", [&](Request&) {
        std::lock_guard lock(mutex);
        released = true;
        released_cv.notify_all();
        return Response::text("ok");
    });
    RunningServer server(std::move(router));

    TestClient blocked(server.port());
    ASSERT_TRUE(blocked.send(request_text("GET", "/block")));
    // Until the first handler holds the lock, /release could run first; wait for it to start.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        {
            std::lock_guard lock(mutex);
            if (handler_thread != std::thread::id())
                break;
        }
        std::this_thread::sleep_for(10ms);
    }
    auto release = fetch(server.port(), "GET", "/release");
    ASSERT_TRUE(release);
    EXPECT_EQ(release->status, 200);
    auto response = blocked.read_response(15s);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->body, "released");

    std::lock_guard lock(mutex);
    EXPECT_NE(handler_thread, std::thread::id());
    EXPECT_NE(handler_thread, server.run_thread_id());
}

TEST(Server, QuickAnswersComeFromTheIoThreadElseTheHandlerRuns)
{
    std::atomic<bool> cached {false};
    std::atomic<int> handled {0};
    std::mutex mutex;
    std::thread::id quick_thread;
    Router router;
    router.add("GET", "/probe",
        [&](Request&) {
            ++handled;
            return Response::text("from the handler");
        },
        {.quick = [&](const Request&) -> std::optional<Response> {
            std::lock_guard lock(mutex);
            quick_thread = std::this_thread::get_id();
            if (!cached)
                return std::nullopt;
            return Response::text("from the cache");
        }});
    RunningServer server(std::move(router));

    auto first = fetch(server.port(), "GET", "/probe");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->body, "from the handler");
    EXPECT_EQ(handled, 1);
    cached = true;
    auto second = fetch(server.port(), "GET", "/probe");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 200);
    EXPECT_EQ(second->body, "from the cache");
    EXPECT_EQ(second->headers.get("X-Content-Type-Options"), "nosniff"); // the same headers as any response
    EXPECT_EQ(handled, 1);
    std::lock_guard lock(mutex);
    EXPECT_EQ(quick_thread, server.run_thread_id());
}

TEST(Server, AQuickAnswerThatThrowsLeavesItToTheHandler)
{
    Router router;
    router.add("GET", "/probe", [](Request&) { return Response::text("from the handler"); },
        {.quick = [](const Request&) -> std::optional<Response> { throw std::runtime_error("bug"); }});
    RunningServer server(std::move(router));
    for (int attempt = 0; attempt < 2; ++attempt) { // and the server goes on
        auto response = fetch(server.port(), "GET", "/probe");
        ASSERT_TRUE(response) << attempt;
        EXPECT_EQ(response->status, 200);
        EXPECT_EQ(response->body, "from the handler");
    }
}

TEST(Server, ManyConcurrentClients)
{
    ServerConfig config = test_config();
    config.io_threads = 2;
    RunningServer server(echo_router(), config);
    constexpr int clients = 32;
    constexpr int requests_per_client = 25;
    std::atomic<int> ok {0};
    std::vector<std::thread> threads;
    for (int client_idx = 0; client_idx < clients; ++client_idx) {
        threads.emplace_back([&, client_idx] {
            TestClient client(server.port());
            for (int request_idx = 0; request_idx < requests_per_client; ++request_idx) {
                std::string id = std::to_string(client_idx) + "-" + std::to_string(request_idx);
                if (!client.send(request_text("GET", "/api/v1/risks/" + id)))
                    return;
                auto response = client.read_response();
                if (response && response->status == 200 && response->body.find('"' + id + '"') != std::string::npos)
                    ++ok;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(ok.load(), clients * requests_per_client);
}

TEST(Server, AccessLogLinePerRequestUnlessSwitchedOff)
{
    auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64);
    auto previous = spdlog::default_logger();
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("http-test", sink));
    {
        ServerConfig config = test_config();
        config.access_log = true;
        RunningServer server(echo_router(), config);
        ASSERT_TRUE(fetch(server.port(), "GET", "/api/v1/risks/5?token=secret"));
        ServerConfig quiet = test_config();
        RunningServer quiet_server(echo_router(), quiet);
        ASSERT_TRUE(fetch(quiet_server.port(), "GET", "/api/v1/meetings/1/agenda"));
    }
    spdlog::set_default_logger(previous);

    int access_lines = 0;
    for (const auto& line : sink->last_formatted()) {
        if (line.find("http method=") == std::string::npos)
            continue;
        ++access_lines;
        EXPECT_NE(line.find("method=GET path=/api/v1/risks/5 status=200 bytes=20 ms="), std::string::npos) << line;
        EXPECT_NE(line.find("client=127.0.0.1"), std::string::npos) << line;
        EXPECT_EQ(line.find("secret"), std::string::npos) << line;
    }
    EXPECT_EQ(access_lines, 1);
}

} // namespace
} // namespace c9::http::test
