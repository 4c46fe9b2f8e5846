// A server on an ephemeral port, run on its own thread for the length of a test.
#pragma once

#include "http/server.h"

#include <memory>
#include <thread>

namespace c9::http::test {

// Port 0, no access log (it would drown the test output), small pools; tests change what they exercise.
ServerConfig test_config();

class RunningServer {
public:
    explicit RunningServer(Router router, ServerConfig config = test_config());
    // Stops the server if the test did not, and waits for run() to return.
    ~RunningServer();
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    uint16_t port() const { return m_server->port(); }
    Server& server() { return *m_server; }
    // The thread that called run(): with one IO thread, the thread the IO loop runs on.
    std::thread::id run_thread_id() const { return m_thread.get_id(); }
    // Calls stop() and waits for run() to return.
    void stop_and_join();

private:
    std::unique_ptr<Server> m_server;
    std::thread m_thread;
};

} // namespace c9::http::test
