// One client connection. It reads requests one after another (HTTP/1.1 keep-alive), hands each to the worker
// pool and writes the response. It runs as a coroutine on its own strand, so an idle connection costs a socket,
// a timer and a small buffer, never a thread.
#pragma once

#include "http/asio.h"
#include "http/response.h"
#include "http/router.h"
#include "http/server_state.h"

#include <chrono>
#include <memory>
#include <string>

namespace c9::http {

class Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(ServerState& state, asio::ip::tcp::socket socket);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // The coroutine serving the connection; it keeps this object alive until the connection ends.
    static asio::awaitable<void> run(std::shared_ptr<Connection> self);

    // stop(): a connection waiting for a request, or in the middle of reading a header, closes now; one whose
    // request is already read finishes it, sends the response with Connection: close, and then closes. An event
    // stream ends after the events already queued.
    void drain();
    // The drain timeout is over: close whatever the connection is doing.
    void force_close();

private:
    // What drain() may interrupt: nothing has been promised to the client before a whole header is read.
    enum class Phase { waiting, in_flight, streaming };

    // What the access log and the response need to know about the request in hand.
    struct Exchange {
        std::string method;
        std::string path;
        unsigned version = 11;
        bool head = false;
        bool accepts_gzip = false;
        std::chrono::steady_clock::time_point started;
    };

    enum class Wait { first_request, next_request };

    // Waits with a small buffer for the first byte of a request. For a new connection the header timeout already
    // runs; for a kept-alive one the idle timeout applies until the client speaks again.
    asio::awaitable<bool> wait_for_request(Wait wait);
    // Reads, handles and answers one request; false when the connection must close afterwards.
    asio::awaitable<bool> serve_request();
    asio::awaitable<Response> call_handler(RouteMatch match, Request& request);
    Response run_handler(RouteMatch match, Request& request) const;
    enum class KeepAlive { No, Yes };
    asio::awaitable<bool> write_response(Response& response, KeepAlive keep_alive);
    // Writes the head of an event stream and then its events as they come, until it ends; the connection closes
    // afterwards.
    asio::awaitable<void> stream_events(Response& response);
    // An error before the request was fully read: answer, then close, because the rest of the request is unread.
    asio::awaitable<void> reject(int status, std::string detail);
    asio::awaitable<void> linger_close();
    void close();

    ServerState& m_state;
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::string m_head; // the status line and header fields of the response being written
    std::string m_client_address;
    Exchange m_exchange;
    Phase m_phase = Phase::waiting;
    bool m_closing = false; // drain() or force_close() was called
    std::shared_ptr<EventStream> m_events; // while streaming
};

} // namespace c9::http
