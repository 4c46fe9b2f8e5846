// The composition root: the one place that knows every layer. It runs the CLI and, for `clause9 serve`, wires the
// server: the HTTP layer's router with the REST API and the web UI on it, over a pooled store.
//
// One process serves: an IO thread or two for the connections and a worker pool for the handlers; the database
// pool has a connection per worker, so no handler waits for another's connection. SIGTERM and SIGINT stop it
// gracefully: no new connections, requests already read are finished and answered, and only then does the store
// close, so nothing acknowledged is lost.
#include "api/api.h"
#include "app/setup.h"
#include "cli/commands.h"
#include "http/server.h"
#include "store/db_url.h"
#include "web/web_ui.h"

#include <exception>
#include <iostream>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <thread>

namespace c9 {

namespace {

// Every connection is a file descriptor, and the usual soft limit (1024) is below the default max_connections:
// raise it as far as the hard limit allows, so idle keep-alive clients do not lock others out.
void raise_descriptor_limit(size_t connections)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    rlim_t wanted = std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(connections) + 256);
    if (limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = wanted;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        spdlog::warn("clause9: cannot raise the open file limit to {}; fewer connections may be served", wanted);
}

// Handler threads. On SQLite a handler hardly waits: the database is a file on this machine and one writer at a time
// writes anyway, so more threads than cores only add the cost of waking them (measured with bench/http: four
// workers on two cores gave 31,000 cached lists a second, two 39,000). On PostgreSQL every statement waits for the
// network, so there are twice as many.
Result<size_t> default_workers(std::string_view db)
{
    size_t cores = std::max(1u, std::thread::hardware_concurrency());
    if (C9_TRY(parse_db_url(db)).engine == Engine::postgresql)
        return std::max<size_t>(4, 2 * cores);
    return std::max<size_t>(2, cores);
}

Result<void> serve(const ServeRequest& request)
{
    ApiConfig api;
    api.sessions = request.sessions;
    api.secure_cookies = request.secure_cookies || request.behind_tls;
    api.list_cache_bytes = request.list_cache_bytes;

    http::ServerConfig config;
    config.address = request.host;
    config.port = request.port;
    config.max_connections = request.max_connections;
    config.max_body_bytes = request.body_limit;
    config.worker_threads = request.workers > 0 ? request.workers : C9_TRY(default_workers(request.db));
    config.io_threads = std::max<size_t>(1, request.io_threads);
    config.drain_timeout = request.drain_timeout;
    config.behind_tls = request.behind_tls;
    config.access_log = !request.quiet;
    config.handle_signals = true;

    // One connection per worker, and one for a request that reads while the health check does.
    auto store = C9_TRY(open_store(request.db, OpenMode::existing, static_cast<int>(config.worker_threads) + 1));

    // Logs go to stderr, one line each; stdout carries only the line saying where the server listens.
    spdlog::set_default_logger(spdlog::stderr_logger_mt("clause9"));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

    raise_descriptor_limit(config.max_connections);
    http::Router router;
    add_api_routes(router, *store, api);
    web::install_web_ui(router);
    http::Server server(config, std::move(router));
    if (auto ec = server.listen())
        return Error(ErrorCode::unavailable,
            fmt::format("cannot listen on {}:{}: {}", request.host, request.port, ec.message()));
    std::cout << fmt::format("clause9: serving http://{}:{} from the {}",
        request.host.find(':') != std::string::npos ? "[" + request.host + "]" : request.host, server.port(),
        store->description())
              << std::endl;
    if (auto ec = server.run())
        return Error(ErrorCode::unavailable, fmt::format("the server stopped: {}", ec.message()));
    spdlog::info("clause9: stopped; closing the database");
    return {};
}

} // namespace

} // namespace c9

int main(int argc, char** argv)
{
    try {
        return c9::run_cli(argc, argv, c9::serve);
    } catch (const std::exception& exception) {
        // Expected failures are values; reaching here is a bug. Say so plainly and fail.
        std::cerr << "clause9: internal error: " << exception.what() << '\n';
        return 1;
    }
}
