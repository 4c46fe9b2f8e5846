#include "test_server.h"

#include <gtest/gtest.h>
#include <stdexcept>

namespace c9::http::test {

ServerConfig test_config()
{
    ServerConfig config;
    config.port = 0;
    config.io_threads = 1;
    config.worker_threads = 4;
    config.access_log = false;
    return config;
}

RunningServer::RunningServer(Router router, ServerConfig config)
    : m_server(std::make_unique<Server>(std::move(config), std::move(router)))
{
    if (auto ec = m_server->listen())
        throw std::runtime_error("test server cannot listen: " + ec.message());
    m_thread = std::thread([this] { EXPECT_FALSE(m_server->run()); });
}

RunningServer::~RunningServer() { stop_and_join(); }

void RunningServer::stop_and_join()
{
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace c9::http::test
