// The HTTP/1.1 server: accepts connections on a few IO threads and runs every handler on a worker pool.
// Usage: build a Router, hand it over with a ServerConfig, listen(), then run() on a thread of your choice until
// stop() (or SIGINT/SIGTERM with handle_signals). docs/http.md describes the limits and the shutdown.
#pragma once

#include "http/router.h"
#include "http/server_config.h"

#include <cstdint>
#include <memory>
#include <system_error>

namespace c9::http {

class Server {
public:
    Server(ServerConfig config, Router router);
    // Waits for handlers still running on the workers. The thread that called run() must have returned from it.
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds the listening socket; port() is valid afterwards. Fails when the address is malformed or in use.
    std::error_code listen();
    // The bound port: the configured one, or the ephemeral one the system chose for port 0.
    uint16_t port() const;

    // Serves until stop() and the drain that follows, then returns. Calls listen() first unless that was done.
    // Returns the listen() error, or no error after a shutdown. Call it once.
    std::error_code run();

    // Graceful shutdown, callable from any thread and more than once: stop accepting, close idle connections, let
    // requests already read finish and send their responses (with Connection: close), and after
    // ServerConfig::drain_timeout close whatever is left. run() returns once every connection is gone.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace c9::http
