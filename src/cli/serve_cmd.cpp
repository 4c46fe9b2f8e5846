// `clause9 serve`: the options of the server, parsed and checked. The CLI knows nothing of HTTP: main.cpp, which
// wires the server (http + api + web), runs it with what is parsed here.
#include "cli/commands.h"

#include <charconv>
#include <fmt/format.h>
#include <thread>

namespace c9 {

namespace {

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
    return std::pair{host, static_cast<uint16_t>(port)};
}

struct ServeOptions {
    std::string listen = "127.0.0.1:8027";
    std::string session_idle = "30m";
    std::string session_max = "12h";
    std::string drain_timeout = "10s";
    size_t list_cache_mib = 16;
    ServeRequest request;
};

Result<ServeRequest> serve_request(const CliContext& context, const ServeOptions& options)
{
    auto request = options.request;
    request.db = context.db;
    std::tie(request.host, request.port) = C9_TRY(parse_listen(options.listen));
    request.sessions.idle = C9_TRY(parse_duration("session-idle", options.session_idle));
    request.sessions.max = C9_TRY(parse_duration("session-max", options.session_max));
    request.drain_timeout = C9_TRY(parse_duration("drain-timeout", options.drain_timeout));
    request.list_cache_bytes = options.list_cache_mib << 20;
    return request;
}

} // namespace

void add_serve_command(CLI::App& root, CliContext& context, ServeFunction serve)
{
    auto* command
        = root.add_subcommand("serve", "Serve the web UI and the REST API over HTTP (SIGTERM or Ctrl-C stops it gracefully)");
    auto options = std::make_shared<ServeOptions>();
    auto& request = options->request;
    command->add_option("--listen", options->listen, "address and port (default 127.0.0.1:8027; port 0 picks one)");
    command->add_flag("--secure-cookies", request.secure_cookies,
        "mark cookies Secure with the __Host- prefix (clients use HTTPS, through a TLS proxy)");
    command->add_flag("--behind-tls", request.behind_tls,
        "a TLS-terminating proxy is in front: secure cookies and Strict-Transport-Security");
    command->add_option("--session-idle", options->session_idle, "a session unused this long ends (default 30m)");
    command->add_option(
        "--session-max", options->session_max, "every session ends this long after login (default 12h)");
    command->add_option("--max-connections", request.max_connections, "open connections at most (default 4096)")
        ->check(CLI::Range(1, 1'000'000));
    command->add_option("--body-limit", request.body_limit, "largest request body in bytes (default 1 MiB)")
        ->check(CLI::Range(1024, 1024 * 1024 * 1024));
    command
        ->add_option("--list-cache", options->list_cache_mib,
            "MiB of rendered register lists kept until the data changes (default 16; 0 renders every list)")
        ->check(CLI::Range(0, 4096));
    command
        ->add_option("--workers", request.workers,
            "handler threads (default: the cores, at least 2, on SQLite; twice that, at least 4, on PostgreSQL)")
        ->check(CLI::Range(1, 256));
    request.io_threads = std::thread::hardware_concurrency() >= 4 ? 2 : 1;
    command->add_option("--io-threads", request.io_threads, "connection threads (default 1, or 2 on 4+ cores)")
        ->check(CLI::Range(1, 64));
    command->add_option(
        "--drain-timeout", options->drain_timeout, "at shutdown, how long requests in flight may take (default 10s)");
    command->add_flag("--quiet", request.quiet, "no access log line per request");
    on_run(command, context, [&context, options, serve]() -> Result<void> {
        auto parsed = C9_TRY(serve_request(context, *options));
        // The checks of an ordinary command first: the database exists and has this schema.
        C9_TRY(context.open());
        context.store.reset();
        return serve(parsed);
    });
}

} // namespace c9
