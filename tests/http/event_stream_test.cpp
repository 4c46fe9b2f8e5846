// Server-sent events (http/event_stream.h): the wire format, and a streaming response served by the real server:
// events arrive as they are queued, idle streams get heartbeats, the stream ends when the producer closes it, when
// the server stops and when the client falls behind, and the number of streams is capped.
#include "http/event_stream.h"
#include "test_client.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <mutex>
#include <thread>

namespace c9::http::test {
namespace {

TEST(EventStreamFormat, DataLinesEventAndId)
{
    EXPECT_EQ(EventStream::format("meeting", "{\"a\":1}", "7"), "event: meeting\nid: 7\ndata: {\"a\":1}\n\n");
    EXPECT_EQ(EventStream::format("", "plain"), "data: plain\n\n");
    // Every line of the data is a data field; CR LF, CR and LF all end a line.
    EXPECT_EQ(EventStream::format("", "one\ntwo\r\nthree\rfour"), "data: one\ndata: two\ndata: three\ndata: four\n\n");
    EXPECT_EQ(EventStream::format("", "ends\n"), "data: ends\ndata: \n\n");
    // A line break in the event name or the id would end the field and let the rest pose as another field.
    EXPECT_EQ(EventStream::format("a\ndata: forged", "x", "1\r\nevent: b"),
        "event: adata: forged\nid: 1event: b\ndata: x\n\n");
}

TEST(EventStreamQueue, AClientThatFallsBehindIsDropped)
{
    EventStream stream(64);
    EXPECT_TRUE(stream.send("", std::string(30, 'x')));
    EXPECT_FALSE(stream.send("", std::string(60, 'y'))); // over the limit: the stream ends
    EXPECT_TRUE(stream.closed());
    std::string text;
    EXPECT_EQ(stream.take(text), EventStream::Next::ended);
    EXPECT_FALSE(stream.send("", "late"));
}

// A route that hands each request a new stream and keeps it for the test to feed.
struct Streams {
    std::mutex mutex;
    std::vector<std::shared_ptr<EventStream>> opened;

    Router router()
    {
        Router router;
        router.add("GET", "/events", [this](Request&) {
            auto stream = std::make_shared<EventStream>();
            stream->send_raw("retry: 1000\n\n");
            std::lock_guard lock(mutex);
            opened.push_back(stream);
            return Response::events(stream);
        });
        router.add("GET", "/plain", [](Request&) { return Response::text("plain"); });
        return router;
    }
    std::shared_ptr<EventStream> wait_for(size_t index)
    {
        for (int attempt = 0; attempt < 2000; ++attempt) {
            {
                std::lock_guard lock(mutex);
                if (opened.size() > index)
                    return opened[index];
            }
            std::this_thread::sleep_for(5ms);
        }
        return nullptr;
    }
};

std::string open_request() { return request_text("GET", "/events", {"Accept: text/event-stream"}); }

TEST(EventStreamServer, EventsArriveAsTheyAreQueuedAndTheStreamEndsWhenClosed)
{
    Streams streams;
    RunningServer server(streams.router());
    TestClient client(server.port());
    ASSERT_TRUE(client.send(open_request()));
    auto head = client.read_until("retry: 1000\n\n");
    ASSERT_TRUE(head) << "no head";
    EXPECT_NE(head->find("HTTP/1.1 200 OK\r\n"), std::string::npos) << *head;
    EXPECT_NE(head->find("Content-Type: text/event-stream"), std::string::npos) << *head;
    EXPECT_NE(head->find("Cache-Control: no-store"), std::string::npos) << *head;
    EXPECT_NE(head->find("Connection: close"), std::string::npos) << *head;
    // No length: the stream ends with the connection.
    EXPECT_EQ(head->find("Content-Length"), std::string::npos) << *head;

    auto stream = streams.wait_for(0);
    ASSERT_TRUE(stream);
    // Queued from another thread than the server's, as the live meeting feed does.
    std::thread producer([stream] {
        EXPECT_TRUE(stream->send("tick", "one", "1"));
        EXPECT_TRUE(stream->send("tick", "two", "2"));
    });
    producer.join();
    auto first = client.read_until("data: one\n\n");
    ASSERT_TRUE(first);
    EXPECT_NE(first->find("event: tick\nid: 1\n"), std::string::npos);
    EXPECT_TRUE(client.read_until("data: two\n\n"));

    // Later events, after the connection has gone idle waiting for them.
    std::this_thread::sleep_for(50ms);
    EXPECT_TRUE(stream->send("tick", "three"));
    EXPECT_TRUE(client.read_until("data: three\n\n"));

    stream->close();
    EXPECT_TRUE(client.wait_closed(5s));
    // A plain request still works on a new connection.
    auto plain = fetch(server.port(), "GET", "/plain");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->body, "plain");
}

TEST(EventStreamServer, AnIdleStreamGetsHeartbeatsAndEndsAfterItsLifetime)
{
    Streams streams;
    auto config = test_config();
    config.event_heartbeat = 30ms;
    config.event_stream_lifetime = 400ms;
    RunningServer server(streams.router(), config);
    TestClient client(server.port());
    ASSERT_TRUE(client.send(open_request()));
    ASSERT_TRUE(client.read_until("retry: 1000\n\n"));
    EXPECT_TRUE(client.read_until(": still here\n\n", 2s));
    // The lifetime is over: the server ends the stream and EventSource would reconnect (and authenticate again).
    EXPECT_TRUE(client.wait_closed(5s));
    auto stream = streams.wait_for(0);
    ASSERT_TRUE(stream);
    EXPECT_TRUE(stream->closed()); // the producer learns the viewer is gone
    EXPECT_FALSE(stream->send("tick", "after"));
}

TEST(EventStreamServer, StreamsBeyondTheCapAreRefusedWith503)
{
    Streams streams;
    auto config = test_config();
    config.max_event_streams = 1;
    RunningServer server(streams.router(), config);
    TestClient first(server.port());
    ASSERT_TRUE(first.send(open_request()));
    ASSERT_TRUE(first.read_until("retry: 1000\n\n"));

    auto refused = fetch(server.port(), "GET", "/events");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 503);
    EXPECT_FALSE(refused->headers.get("Retry-After").value_or("").empty());
    auto second = streams.wait_for(1);
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->closed()); // its producer is told at once

    // Once the first ends, a stream is served again.
    streams.wait_for(0)->close();
    EXPECT_TRUE(first.wait_closed(5s));
    std::optional<std::string> again;
    for (int attempt = 0; attempt < 100 && !again; ++attempt) {
        TestClient next(server.port());
        ASSERT_TRUE(next.send(open_request()));
        again = next.read_until("retry: 1000\n\n", 2s);
        if (!again)
            std::this_thread::sleep_for(20ms); // the first connection's slot is given back as it closes
    }
    EXPECT_TRUE(again);
}

TEST(EventStreamServer, StoppingTheServerEndsOpenStreamsWithoutWaitingForTheDrainTimeout)
{
    Streams streams;
    auto config = test_config();
    // An hour: were open streams left to the drain timeout, this test would outlive ctest's patience and fail.
    config.drain_timeout = std::chrono::hours(1);
    RunningServer server(streams.router(), config);
    TestClient client(server.port());
    ASSERT_TRUE(client.send(open_request()));
    ASSERT_TRUE(client.read_until("retry: 1000\n\n"));
    auto stream = streams.wait_for(0);
    ASSERT_TRUE(stream);
    EXPECT_TRUE(stream->send("tick", "before stop"));
    ASSERT_TRUE(client.read_until("data: before stop\n\n"));

    // A stream is not a request in flight to wait for: stop() ends it and returns.
    server.stop_and_join();
    EXPECT_TRUE(client.wait_closed(5s));
    EXPECT_TRUE(stream->closed());
}

TEST(EventStreamServer, AHeadRequestGetsTheHeadAlone)
{
    Streams streams;
    RunningServer server(streams.router());
    auto response = fetch(server.port(), "HEAD", "/events");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->headers.get("Content-Type").value_or(""), "text/event-stream; charset=utf-8");
    auto stream = streams.wait_for(0);
    ASSERT_TRUE(stream);
    EXPECT_TRUE(stream->closed());
}

} // namespace
} // namespace c9::http::test
