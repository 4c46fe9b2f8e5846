#include "http/server.h"

#include "http/asio.h"
#include "http/connection.h"
#include "http/server_state.h"

#include <csignal>
#include <optional>
#include <spdlog/spdlog.h>
#include <thread>
#include <vector>

namespace c9::http {

namespace {

using boost::system::error_code;

// Accept fails with EMFILE while the process is out of file descriptors; retrying at once would spin.
constexpr std::chrono::milliseconds accept_retry_delay {100};
// After the drain timeout the remaining connections are closed; a handler that still has not returned after this
// grace is abandoned so that run() returns (~Server still waits for it).
constexpr std::chrono::seconds abandon_grace {1};

auto with_error(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

} // namespace

// Member order is destruction order reversed: the IO objects go first, then the io_context (whose queued handlers
// hold the connections' coroutine frames), and only then the state those connections unregister from.
struct Server::Impl {
    Impl(ServerConfig server_config, Router server_router)
        : config(std::move(server_config)), router(std::move(server_router)),
          workers(std::max<size_t>(1, config.worker_threads)), state {config, router, workers},
          io(static_cast<int>(std::max<size_t>(1, config.io_threads))), control(asio::make_strand(io)),
          acceptor(control), accept_retry_timer(control), drain_timer(control)
    {
        state.connections.set_on_empty([this] {
            // The last connection is gone: when stopping, nothing is left to drain.
            if (state.stopping)
                asio::post(control, [this] { drain_timer.cancel(); });
        });
    }

    ~Impl()
    {
        // Handlers still running post their results to the io_context; wait for them before it goes away, and
        // let its queued handlers destroy their connections without calling back into a strand being destroyed.
        workers.join();
        state.connections.set_on_empty(nullptr);
    }

    asio::awaitable<void> accept_loop();
    void begin_shutdown();
    asio::awaitable<void> drain();

    ServerConfig config;
    Router router;
    asio::thread_pool workers;
    ServerState state;
    asio::io_context io;
    asio::strand<asio::io_context::executor_type> control; // the acceptor, the timers and the signals
    asio::ip::tcp::acceptor acceptor;
    asio::steady_timer accept_retry_timer;
    asio::steady_timer drain_timer;
    std::optional<asio::signal_set> signals;
    uint16_t port = 0;
};

asio::awaitable<void> Server::Impl::accept_loop()
{
    while (!state.stopping) {
        // With several IO threads each connection gets its own strand, so its steps never run concurrently; with
        // one thread that is given, and a strand would only add a lock and a reference count to every step.
        asio::ip::tcp::socket socket(config.io_threads > 1 ? asio::any_io_executor(asio::make_strand(io))
                                                           : asio::any_io_executor(io.get_executor()));
        error_code ec;
        co_await acceptor.async_accept(socket, with_error(ec));
        if (state.stopping || ec == asio::error::operation_aborted)
            break;
        if (ec) {
            spdlog::warn("http: accept failed: {}", ec.message());
            accept_retry_timer.expires_after(accept_retry_delay);
            co_await accept_retry_timer.async_wait(with_error(ec));
            continue;
        }
        if (state.connections.size() >= config.max_connections) {
            // Closing at once costs nothing, where queueing would hold memory for a client we cannot serve soon.
            spdlog::debug("http: {} connections open; refused one more", config.max_connections);
            socket.close(ec);
            continue;
        }
        auto executor = socket.get_executor();
        auto connection = std::make_shared<Connection>(state, std::move(socket));
        asio::co_spawn(executor, Connection::run(std::move(connection)), asio::detached);
    }
}

void Server::Impl::begin_shutdown()
{
    error_code ignored;
    acceptor.close(ignored);
    accept_retry_timer.cancel();
    if (signals)
        signals->cancel(ignored);
    auto open = state.connections.snapshot();
    spdlog::info("http: stopping; {} connection(s) open", open.size());
    for (const auto& connection : open)
        connection->drain();
    if (!open.empty())
        asio::co_spawn(control, drain(), asio::detached);
}

asio::awaitable<void> Server::Impl::drain()
{
    // Runs on the control strand, like the on_empty callback's cancel: checking for connections and starting the
    // wait cannot be split by it, so the wait ends either at the timeout or when the last connection goes.
    error_code ec;
    if (state.connections.size() == 0)
        co_return;
    drain_timer.expires_after(config.drain_timeout);
    co_await drain_timer.async_wait(with_error(ec));
    if (ec == asio::error::operation_aborted)
        co_return;
    {
        // Scoped: holding these pointers across the wait below would keep the connections alive.
        auto busy = state.connections.snapshot();
        spdlog::warn("http: {} connection(s) still busy after the drain timeout; closing them", busy.size());
        for (const auto& connection : busy)
            connection->force_close();
    }

    if (state.connections.size() == 0)
        co_return;
    drain_timer.expires_after(abandon_grace);
    co_await drain_timer.async_wait(with_error(ec));
    if (ec == asio::error::operation_aborted)
        co_return;
    spdlog::error(
        "http: {} handler(s) still running after the drain timeout; not waiting for them", state.connections.size());
    io.stop();
}

Server::Server(ServerConfig config, Router router)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(router)))
{
}

Server::~Server() = default;

std::error_code Server::listen()
{
    Impl& impl = *m_impl;
    error_code ec;
    auto address = asio::ip::make_address(impl.config.address, ec);
    if (ec)
        return ec;
    asio::ip::tcp::endpoint endpoint(address, impl.config.port);
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        impl.acceptor.bind(endpoint, ec);
    if (!ec)
        impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec)
        impl.port = impl.acceptor.local_endpoint(ec).port();
    if (ec) {
        error_code ignored;
        impl.acceptor.close(ignored);
        return ec;
    }
    // Signals are caught from here on, not only once run() starts: whoever sees the port (a log line, a test) may
    // send SIGTERM at once, and asio keeps a signal that arrives before the wait for it.
    if (impl.config.handle_signals && !impl.signals)
        impl.signals.emplace(impl.control, SIGINT, SIGTERM);
    return ec;
}

uint16_t Server::port() const { return m_impl->port; }

std::error_code Server::run()
{
    Impl& impl = *m_impl;
    if (impl.state.stopping)
        return {};
    if (!impl.acceptor.is_open()) {
        if (auto ec = listen())
            return ec;
    }
    if (impl.signals) {
        impl.signals->async_wait([this](error_code ec, int signal) {
            if (ec)
                return;
            spdlog::info("http: received signal {}", signal);
            stop();
        });
    }
    asio::co_spawn(impl.control, impl.accept_loop(), asio::detached);
    spdlog::info("http: listening on {}:{} ({} IO thread(s), {} worker(s))", impl.config.address, impl.port,
        impl.config.io_threads, impl.config.worker_threads);

    std::vector<std::thread> io_threads;
    for (size_t thread_idx = 1; thread_idx < impl.config.io_threads; ++thread_idx)
        io_threads.emplace_back([&impl] { impl.io.run(); });
    impl.io.run();
    for (auto& thread : io_threads)
        thread.join();
    spdlog::info("http: stopped");
    return {};
}

void Server::stop()
{
    if (m_impl->state.stopping.exchange(true))
        return;
    asio::post(m_impl->control, [impl = m_impl.get()] { impl->begin_shutdown(); });
}

} // namespace c9::http
