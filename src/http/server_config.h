// Everything about the server that an operator or a test may want to change. The defaults suit one instance
// serving a team on a small machine; docs/http.md explains each limit.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>

namespace c9::http {

// One IO thread serves on the order of 100k requests a second (DESIGN.md 5), so two are plenty; handlers never
// run on them.
inline size_t default_io_threads() { return std::thread::hardware_concurrency() >= 4 ? 2 : 1; }
// Workers mostly wait on the database or hash passwords, so there are more of them than cores.
inline size_t default_worker_threads() { return std::max<size_t>(4, std::thread::hardware_concurrency()); }

struct ServerConfig {
    std::string address = "127.0.0.1";
    uint16_t port = 8080; // 0 binds an ephemeral port; Server::port() tells which
    size_t io_threads = default_io_threads();
    size_t worker_threads = default_worker_threads();

    // Beyond this many open connections a new one is closed as soon as it is accepted.
    size_t max_connections = 4096;
    // Request line plus header fields; more gives 431.
    size_t max_header_bytes = 8 * 1024;
    // Request body for routes without their own RouteOptions::body_limit; more gives 413.
    size_t max_body_bytes = 1024 * 1024;

    // From the connection's first byte (or the next request's first byte) to the end of the header: a client that
    // trickles its header (slowloris) is disconnected when it runs out.
    std::chrono::milliseconds header_timeout {10'000};
    // How long a keep-alive connection may wait for its next request.
    std::chrono::milliseconds idle_timeout {60'000};
    // To receive the whole body once the header is in.
    std::chrono::milliseconds body_timeout {30'000};
    // To send the whole response to a client that reads slowly.
    std::chrono::milliseconds write_timeout {30'000};
    // After stop(), how long in-flight requests may take before their connections are closed.
    std::chrono::milliseconds drain_timeout {10'000};

    // Server-sent event streams (a live meeting view each) open at once; one more is answered 503. Each holds a
    // connection, so they also count against max_connections.
    size_t max_event_streams = 512;
    // An event stream idle this long gets a comment line, so proxies keep it open and a client that went away is
    // found out (the write fails).
    std::chrono::milliseconds event_heartbeat {15'000};
    // An event stream is closed after this long; the browser reconnects at once, and the request is authenticated
    // again, so a session that ended stops receiving events.
    std::chrono::milliseconds event_stream_lifetime {15 * 60'000};

    // Sends Strict-Transport-Security; set it only when a TLS-terminating proxy sits in front.
    bool behind_tls = false;
    // One log line per request; benchmarks switch it off.
    bool access_log = true;
    // SIGINT and SIGTERM call stop(); off in tests, which share the process with the test runner.
    bool handle_signals = false;
};

} // namespace c9::http
