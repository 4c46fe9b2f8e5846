// `clause9 serve`: the REST API and the web UI over HTTP. One process, an IO thread or two for the
// connections and a worker pool for the handlers; the database pool has a connection per worker, so no handler
// waits for another's connection. SIGTERM and SIGINT stop it gracefully: no new connections, requests already
// read are finished and answered, and only then does the store close, so nothing acknowledged is lost.
#include "api/api.h"
#include "cli/commands.h"
#include "http/server.h"
#include "web/web_ui.h"

#include <charconv>
#include <iostream>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

namespace c9 {

namespace {

struct ServeOptions {
    std::string listen = "127.0.0.1:8027";
    bool secure_cookies = false;
    bool behind_tls = false;
    std::string session_idle = "30m";
    std::string session_max = "12h";
    std::string drain_timeout = "10s";
    size_t max_connections = 4096;
    size_t body_limit = 1024 * 1024;
    size_t list_cache_mib = 16;
    size_t workers = http::default_worker_threads();
    size_t io_threads = http::default_io_threads();
    bool quiet = false;
};

// "90s", "30m", "12h", "1d", or plain seconds.
Result<std::chrono::seconds> parse_duration(std::string_view option, std::string_view text)
{
    std::int64_t amount = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
    std::string_view unit(end, static_cast<size_t>(text.data() + text.size() - end));
    std::int64_t factor = unit.empty() || unit == "s" ? 1
        : unit == "m"                                 ? 60
        : unit == "h"                                 ? 3600
        : unit == "d"                                 ? 86400
                                                      : 0;
    if (ec != std::errc() || amount <= 0 || factor == 0 || amount > 366 * 86400 / factor)
        return Error::invalid(
            std::string(option), fmt::format("must be a duration like 90s, 30m, 12h or 1d, not \"{}\"", text));
    return std::chrono::seconds(amount * factor);
}

// "127.0.0.1:8027", "[::1]:8027", ":8027" (all IPv4 addresses).
Result<std::pair<std::string, uint16_t>> parse_listen(std::string_view text)
{
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return Error::invalid("listen", "must be HOST:PORT, such as 127.0.0.1:8027");
    std::string host(text.substr(0, colon));
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host.empty())
        host = "0.0.0.0";
    std::string_view port_text = text.substr(colon + 1);
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
        return Error::invalid("listen", fmt::format("\"{}\" is not a port number", port_text));
    return std::pair {host, static_cast<uint16_t>(port)};
}

// Every connection is a file descriptor, and the usual soft limit (1024) is below the default max_connections:
// raise it as far as the hard limit allows, so idle keep-alive clients do not lock others out.
void raise_descriptor_limit(size_t connections)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    rlim_t wanted = std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(connections) + 256);
    if (limit.rlim_cur >= wanted)
        return;
    limit.rlim_cur = wanted;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        spdlog::warn("clause9: cannot raise the open file limit to {}; fewer connections may be served", wanted);
}

Result<void> serve(CliContext& context, const ServeOptions& options)
{
    auto [host, port] = C9_TRY(parse_listen(options.listen));
    ApiConfig api;
    api.sessions.idle = C9_TRY(parse_duration("session-idle", options.session_idle));
    api.sessions.max = C9_TRY(parse_duration("session-max", options.session_max));
    api.secure_cookies = options.secure_cookies || options.behind_tls;
    api.list_cache_bytes = options.list_cache_mib << 20;
    auto drain = C9_TRY(parse_duration("drain-timeout", options.drain_timeout));

    http::ServerConfig config;
    config.address = host;
    config.port = port;
    config.max_connections = options.max_connections;
    config.max_body_bytes = options.body_limit;
    config.worker_threads = std::max<size_t>(1, options.workers);
    config.io_threads = std::max<size_t>(1, options.io_threads);
    config.drain_timeout = drain;
    config.behind_tls = options.behind_tls;
    config.access_log = !options.quiet;
    config.handle_signals = true;

    // The checks of an ordinary command (the database exists and has this schema), then the pooled store the
    // server uses: one connection per worker, and one for a request that reads while the health check does.
    C9_TRY(context.open());
    context.store.reset();
    auto store = C9_TRY(Store::open(context.db, static_cast<int>(config.worker_threads) + 1));

    // Logs go to stderr, one line each; stdout carries only the line saying where the server listens.
    spdlog::set_default_logger(spdlog::stderr_logger_mt("clause9"));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);

    raise_descriptor_limit(config.max_connections);
    http::Router router;
    add_api_routes(router, *store, api);
    web::install_web_ui(router);
    http::Server server(config, std::move(router));
    if (auto ec = server.listen())
        return Error(ErrorCode::unavailable, fmt::format("cannot listen on {}: {}", options.listen, ec.message()));
    std::cout << fmt::format("clause9: serving http://{}:{} from the {}",
        host.find(':') != std::string::npos ? "[" + host + "]" : host, server.port(), store->description())
              << std::endl;
    if (auto ec = server.run())
        return Error(ErrorCode::unavailable, fmt::format("the server stopped: {}", ec.message()));
    spdlog::info("clause9: stopped; closing the database");
    return {};
}

} // namespace

void add_serve_command(CLI::App& root, CliContext& context)
{
    auto* command
        = root.add_subcommand("serve", "Serve the REST API over HTTP (SIGTERM or Ctrl-C stops it gracefully)");
    auto options = std::make_shared<ServeOptions>();
    command->add_option("--listen", options->listen, "address and port (default 127.0.0.1:8027; port 0 picks one)");
    command->add_flag("--secure-cookies", options->secure_cookies,
        "mark cookies Secure with the __Host- prefix (clients use HTTPS, through a TLS proxy)");
    command->add_flag("--behind-tls", options->behind_tls,
        "a TLS-terminating proxy is in front: secure cookies and Strict-Transport-Security");
    command->add_option("--session-idle", options->session_idle, "a session unused this long ends (default 30m)");
    command->add_option(
        "--session-max", options->session_max, "every session ends this long after login (default 12h)");
    command->add_option("--max-connections", options->max_connections, "open connections at most (default 4096)")
        ->check(CLI::Range(1, 1'000'000));
    command->add_option("--body-limit", options->body_limit, "largest request body in bytes (default 1 MiB)")
        ->check(CLI::Range(1024, 1024 * 1024 * 1024));
    command
        ->add_option("--list-cache", options->list_cache_mib,
            "MiB of rendered register lists kept until the data changes (default 16; 0 renders every list)")
        ->check(CLI::Range(0, 4096));
    command->add_option("--workers", options->workers, "handler threads (default: max(4, cores))")
        ->check(CLI::Range(1, 256));
    command->add_option("--io-threads", options->io_threads, "connection threads (default 1, or 2 on 4+ cores)")
        ->check(CLI::Range(1, 64));
    command->add_option(
        "--drain-timeout", options->drain_timeout, "at shutdown, how long requests in flight may take (default 10s)");
    command->add_flag("--quiet", options->quiet, "no access log line per request");
    on_run(command, context, [&context, options]() { return serve(context, *options); });
}

} // namespace c9
