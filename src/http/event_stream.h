// A response that stays open and carries server-sent events (HTML Living Standard, "Server-sent events"): a handler
// returns a Response holding an EventStream, the connection writes the head and then every event queued on the
// stream until it is closed, the client goes away or the server stops. Events are queued from any thread; the
// connection is woken for each one, so nothing polls.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace c9::http {

class EventStream {
public:
    // A client that falls this far behind (a slow link, a suspended laptop) is dropped rather than buffered
    // without end; EventSource reconnects and starts from a fresh state.
    static constexpr size_t default_pending_limit = 4 << 20;

    explicit EventStream(size_t pending_limit = default_pending_limit) : m_pending_limit(pending_limit) { }
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

    // Queues an event: `event` is its type (empty: "message"), `id` what EventSource sends back as Last-Event-ID
    // when it reconnects. False once the stream has ended: the producer forgets it then.
    bool send(std::string_view event, std::string_view data, std::string_view id = {});
    // Queues text as it is: a comment (": ...\n\n") or the reconnection delay ("retry: 3000\n\n").
    bool send_raw(std::string text);
    // Ends the stream once what is queued is written.
    void close();
    bool closed() const;

    // The connection's side. The waker is called (on the producer's thread, under the stream's lock) after each
    // send and on close; it must only schedule the connection to call take() on its own thread. Once
    // set_waker(nullptr) returns, it is not called any more.
    void set_waker(std::function<void()> waker);
    enum class Next { text, none, ended };
    // Everything queued, in one piece (text), or none yet, or ended (closed and drained).
    Next take(std::string& out);

    // One event in the wire format: "event: x\nid: y\ndata: line\n...\n\n"; a line break in data starts another
    // data line, and a line break in event or id, which would end the field early, is dropped.
    static std::string format(std::string_view event, std::string_view data, std::string_view id = {});

private:
    bool queue(std::string text);

    mutable std::mutex m_mutex;
    std::string m_pending;
    size_t m_pending_limit;
    bool m_closed = false;
    std::function<void()> m_waker;
};

} // namespace c9::http
