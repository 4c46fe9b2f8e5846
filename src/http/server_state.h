// What the listener and every connection share. Owned by Server; connections hold a reference, and the server outlives
// them (its destructor joins the IO threads and the worker pool first).
#pragma once

#include "http/asio.h"
#include "http/connection_registry.h"
#include "http/router.h"
#include "http/server_config.h"

#include <atomic>

namespace c9::http {

struct ServerState {
    const ServerConfig& config;
    const Router& router;
    // Handlers run here, never on the IO threads: they may block on the database or hash a password.
    asio::thread_pool& workers;
    ConnectionRegistry connections;
    // Set by stop(): connections finish the request in hand and then close instead of waiting for another.
    std::atomic<bool> stopping {false};
    // Responses streaming server-sent events now; ServerConfig::max_event_streams caps them.
    std::atomic<size_t> event_streams {0};
};

} // namespace c9::http
