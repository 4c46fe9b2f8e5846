#include "http/connection.h"

#include "http/access_log.h"
#include "http/response_headers.h"

#include <array>
#include <fmt/format.h>
#include <iterator>
#include <limits>
#include <spdlog/spdlog.h>

namespace c9::http {

namespace {

namespace wire = beast::http;

using boost::system::error_code;

// While waiting for a request only this much is buffered: an idle keep-alive connection costs about this plus its
// coroutine frame. The buffer grows for the header and shrinks back afterwards.
constexpr size_t idle_read_size = 512;
// A buffer no larger than this is kept between requests (a request with an API token and the usual headers fits).
constexpr size_t idle_buffer_size = 2048;
// The read buffer is capped a little above the header limit so the parser, not the buffer, reports a huge
// header (431); bodies stream through it into the request in pieces no larger than the buffer.
constexpr size_t buffer_slack = 8 * 1024;
// After answering a request we refuse before its body is read (413, 431, 400), the rest of it is read and
// discarded for a moment before closing: closing with unread data makes the kernel send a reset, and the client
// would lose the response. Apache's lingering close does the same.
constexpr std::chrono::seconds linger_time {2};
constexpr size_t linger_bytes = 8 * 1024 * 1024;

auto with_error(error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

// Runs a route's code. Handlers report expected failures as responses; an exception is a bug, and still must not
// take the server down (an exception leaving the connection's coroutine would) or leave the client without an answer:
// it is logged and what failed() gives stands in.
template <class F, class G> auto guarded(const Request& request, F&& body, G&& failed) -> decltype(body())
{
    try {
        return body();
    } catch (const std::exception& error) {
        spdlog::error("http: handler for {} {} threw: {}", request.method(), request.raw_path(), error.what());
    } catch (...) {
        spdlog::error("http: handler for {} {} threw a non-standard exception", request.method(), request.raw_path());
    }
    return failed();
}

std::string_view view(beast::string_view text) { return {text.data(), text.size()}; }

// Errors that only mean the client went away or ran out of time: nothing to answer.
bool client_gone(const error_code& ec)
{
    return ec.category() != wire::make_error_code(wire::error::bad_method).category()
        || ec == wire::error::end_of_stream || ec == wire::error::partial_message || ec == wire::error::short_read;
}

} // namespace

Connection::Connection(ServerState& state, asio::ip::tcp::socket socket)
    : m_state(state), m_stream(std::move(socket)), m_buffer(state.config.max_header_bytes + buffer_slack)
{
    error_code ec;
    // Responses are written whole; Nagle's algorithm would only hold back the tail of one until the client's
    // delayed ACK, about 40 ms per pipelined or keep-alive response.
    m_stream.socket().set_option(asio::ip::tcp::no_delay(true), ec);
    auto endpoint = m_stream.socket().remote_endpoint(ec);
    if (!ec)
        m_client_address = endpoint.address().to_string();
    m_state.connections.add(this);
}

Connection::~Connection()
{
    // A stream whose connection ends without finishing it (the IO loop stopped): its producer must not wake this.
    if (m_events) {
        m_events->set_waker(nullptr);
        m_events->close();
        --m_state.event_streams;
    }
    m_state.connections.remove(this);
}

asio::awaitable<void> Connection::run(std::shared_ptr<Connection> self)
{
    const ServerConfig& config = self->m_state.config;
    // A new connection gets header_timeout from its first moment: connecting and then saying nothing is the
    // cheapest slowloris.
    self->m_stream.expires_after(config.header_timeout);
    bool first = true;
    while (true) {
        if (!first && (self->m_closing || self->m_state.stopping))
            break;
        if (!co_await self->wait_for_request(first ? Wait::first_request : Wait::next_request))
            break;
        first = false;
        if (!co_await self->serve_request())
            break;
    }
    self->close();
}

void Connection::drain()
{
    asio::post(m_stream.get_executor(), [self = shared_from_this()] {
        self->m_closing = true;
        if (self->m_phase == Phase::waiting)
            self->m_stream.close();
        if (self->m_events)
            self->m_events->close();
    });
}

void Connection::force_close()
{
    asio::post(m_stream.get_executor(), [self = shared_from_this()] {
        self->m_closing = true;
        self->m_stream.close();
        if (self->m_events)
            self->m_events->close();
    });
}

asio::awaitable<bool> Connection::wait_for_request(Wait wait)
{
    const ServerConfig& config = m_state.config;
    m_phase = Phase::waiting;
    if (m_buffer.size() == 0) {
        // 1,000 idle keep-alive connections must cost little: give back the buffer the last request grew. One that
        // stayed small is kept, so a busy keep-alive connection does not free and allocate it for every request.
        if (m_buffer.capacity() > idle_buffer_size)
            m_buffer.shrink_to_fit();
        if (wait == Wait::next_request)
            m_stream.expires_after(config.idle_timeout);
        error_code ec;
        size_t received = co_await m_stream.async_read_some(m_buffer.prepare(idle_read_size), with_error(ec));
        if (ec)
            co_return false;
        m_buffer.commit(received);
    }
    // The header clock of a kept-alive connection starts at the first byte of its next request.
    if (wait == Wait::next_request)
        m_stream.expires_after(config.header_timeout);
    co_return true;
}

asio::awaitable<bool> Connection::serve_request()
{
    const ServerConfig& config = m_state.config;
    m_exchange = Exchange {.started = std::chrono::steady_clock::now()};

    wire::request_parser<wire::string_body> parser;
    parser.header_limit(static_cast<uint32_t>(config.max_header_bytes));
    // The body limit depends on the route, known only once the header is in, and Beast checks Content-Length
    // against its own default while finishing the header; so the parser gets no limit until then. (Not
    // boost::none: Beast 1.74 compares the length with the optional, and any number is greater than none.)
    parser.body_limit(std::numeric_limits<uint64_t>::max());
    error_code ec;
    co_await wire::async_read_header(m_stream, m_buffer, parser, with_error(ec));
    if (ec == wire::error::header_limit || ec == wire::error::buffer_overflow) {
        // RFC 6585 5: 431 Request Header Fields Too Large.
        co_await reject(431, fmt::format("The request header is larger than {} bytes.", config.max_header_bytes));
        co_return false;
    }
    if (ec) {
        if (!client_gone(ec))
            co_await reject(400, "The request is not valid HTTP/1.1.");
        co_return false;
    }

    m_phase = Phase::in_flight;
    auto& message = parser.get();
    m_exchange.method = std::string(view(message.method_string()));
    m_exchange.version = message.version();
    std::string_view target = view(message.target());
    m_exchange.path = std::string(target.substr(0, target.find('?')));
    auto request = Request::from_target(m_exchange.method, target);
    if (!request) {
        co_await reject(400, "The request target is not a valid path and query.");
        co_return false;
    }
    m_exchange.head = request->method() == "HEAD";

    RouteMatch match = m_state.router.match(request->method(), request->raw_path());
    size_t body_limit
        = match.route && match.route->options.body_limit ? *match.route->options.body_limit : config.max_body_bytes;
    if (auto length = parser.content_length(); length && *length > body_limit) {
        co_await reject(413, fmt::format("The request body is larger than {} bytes.", body_limit));
        co_return false;
    }
    parser.body_limit(body_limit);
    if (!parser.is_done()) {
        // RFC 9110 10.1.1: a client that sent Expect: 100-continue waits for this before sending the body.
        if (auto expect = message.find(wire::field::expect);
            expect != message.end() && iequals(view(expect->value()), "100-continue") && message.version() >= 11) {
            static constexpr std::string_view interim = "HTTP/1.1 100 Continue\r\n\r\n";
            m_stream.expires_after(config.write_timeout);
            co_await asio::async_write(m_stream, asio::buffer(interim.data(), interim.size()), with_error(ec));
            if (ec)
                co_return false;
        }
        m_stream.expires_after(config.body_timeout);
        co_await wire::async_read(m_stream, m_buffer, parser, with_error(ec));
        if (ec == wire::error::body_limit)
            co_await reject(413, fmt::format("The request body is larger than {} bytes.", body_limit));
        else if (ec && !client_gone(ec))
            co_await reject(400, "The request body is not valid HTTP/1.1.");
        if (ec)
            co_return false;
    }

    for (const auto& field : message)
        request->headers().add(std::string(view(field.name_string())), std::string(view(field.value())));
    request->set_body(std::move(message.body()));
    request->set_client_address(m_client_address);
    m_exchange.accepts_gzip = accepts_gzip(request->header("Accept-Encoding").value_or(""));

    // 404 and 405 are answered here, and what a route's quick handler answers; everything else a handler does runs
    // on the worker pool.
    Response response;
    std::optional<Response> quick;
    if (match.handler && match.route && match.route->options.quick)
        quick = guarded(
            *request, [&] { return match.route->options.quick(*request); },
            [] { return std::optional<Response>(); }); // the handler answers instead
    if (quick)
        response = std::move(*quick);
    else if (match.handler)
        response = co_await call_handler(std::move(match), *request);
    else
        response = m_state.router.handle(std::move(match), *request);
    if (response.event_stream()) {
        co_await stream_events(response);
        co_return false;
    }
    bool keep_alive = parser.keep_alive() && !m_closing && !m_state.stopping;
    bool written = co_await write_response(response, keep_alive ? KeepAlive::Yes : KeepAlive::No);
    co_return written&& keep_alive;
}

asio::awaitable<Response> Connection::call_handler(RouteMatch match, Request& request)
{
    // The coroutine is suspended, and keeps match and request alive, until the worker posts the response back to
    // the connection's strand.
    co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
        [this, &match, &request](auto handler) {
            asio::post(m_state.workers, [this, &match, &request, handler = std::move(handler)]() mutable {
                Response response = run_handler(std::move(match), request);
                auto executor = asio::get_associated_executor(handler);
                asio::post(executor, [handler = std::move(handler), response = std::move(response)]() mutable {
                    handler(std::move(response));
                });
            });
        },
        asio::use_awaitable);
}

Response Connection::run_handler(RouteMatch match, Request& request) const
{
    return guarded(
        request, [&] { return m_state.router.handle(std::move(match), request); },
        [] { return Response::problem(500, "The server failed to handle this request."); });
}

asio::awaitable<bool> Connection::write_response(Response& response, KeepAlive keep_alive)
{
    // The head is written here, into one buffer kept by the connection, rather than by Beast's serializer, which
    // walks the header fields piece by piece: a fifth of the CPU time of a small response.
    auto [body, dropped] = write_response_head(m_head, response,
        {.head = m_exchange.head,
            .accepts_gzip = m_exchange.accepts_gzip,
            .behind_tls = m_state.config.behind_tls,
            .version = m_exchange.version,
            .keep_alive = keep_alive == KeepAlive::Yes});
    if (dropped > 0)
        spdlog::error("http: dropped {} header field(s) with a line break from the response to {} {}", dropped,
            m_exchange.method, m_exchange.path);
    int status = response.status();
    m_stream.expires_after(m_state.config.write_timeout);
    error_code ec;
    std::array<asio::const_buffer, 2> buffers {asio::buffer(m_head), asio::buffer(body.data(), body.size())};
    co_await asio::async_write(m_stream, buffers, with_error(ec));
    if (m_state.config.access_log) {
        log_access({.method = m_exchange.method,
            .path = m_exchange.path,
            .status = status,
            .bytes = ec ? 0 : body.size(),
            .duration = std::chrono::steady_clock::now() - m_exchange.started,
            .client = m_client_address});
    }
    co_return !ec;
}

asio::awaitable<void> Connection::stream_events(Response& response)
{
    const ServerConfig& config = m_state.config;
    auto events = response.event_stream();
    if (response.status() != 200 || m_exchange.head || m_closing || m_state.stopping) {
        // Nothing to stream: a HEAD request gets the head alone, and a stopping server sends no new stream.
        events->close();
        Response head_only
            = m_closing || m_state.stopping ? Response::problem(503, "The server is stopping.") : response;
        if (m_closing || m_state.stopping)
            head_only.headers().set("Retry-After", "5");
        co_await write_response(head_only, KeepAlive::No);
        co_return;
    }
    if (m_state.event_streams.fetch_add(1) >= config.max_event_streams) {
        --m_state.event_streams;
        events->close();
        Response busy = Response::problem(503,
            fmt::format(
                "{} live views are open, the most this server keeps; try again shortly.", config.max_event_streams));
        busy.headers().set("Retry-After", "10");
        co_await write_response(busy, KeepAlive::No);
        co_return;
    }
    m_phase = Phase::streaming;
    m_events = events;
    // The stream's producer wakes the connection through this timer: a cancel posted to the connection's own
    // executor, so it runs only once the coroutine waits (it cannot be lost between take() and the wait).
    auto wake = std::make_shared<asio::steady_timer>(m_stream.get_executor());
    events->set_waker([executor = m_stream.get_executor(), weak = std::weak_ptr(wake)] {
        asio::post(executor, [weak] {
            if (auto timer = weak.lock())
                timer->cancel();
        });
    });
    auto ends = std::chrono::steady_clock::now() + config.event_stream_lifetime;
    bool open = co_await write_response(response, KeepAlive::No);
    std::string text;
    while (open && !m_closing) {
        auto next = events->take(text);
        if (next == EventStream::Next::ended)
            break;
        if (next == EventStream::Next::none) {
            auto now = std::chrono::steady_clock::now();
            if (now >= ends)
                break;
            wake->expires_after(std::min<std::chrono::steady_clock::duration>(config.event_heartbeat, ends - now));
            error_code ec;
            co_await wake->async_wait(with_error(ec));
            if (ec == asio::error::operation_aborted)
                continue; // woken: something was queued, or the stream closed
            text = ": still here\n\n";
        }
        m_stream.expires_after(config.write_timeout);
        error_code ec;
        co_await asio::async_write(m_stream, asio::buffer(text), with_error(ec));
        open = !ec;
        text.clear();
    }
    events->set_waker(nullptr);
    events->close();
    m_events.reset();
    --m_state.event_streams;
}

asio::awaitable<void> Connection::reject(int status, std::string detail)
{
    Response response = Response::problem(status, std::move(detail));
    if (co_await write_response(response, KeepAlive::No))
        co_await linger_close();
}

asio::awaitable<void> Connection::linger_close()
{
    m_phase = Phase::waiting;
    if (m_closing)
        co_return;
    error_code ec;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
    m_stream.expires_after(linger_time);
    size_t discarded = 0;
    while (!ec && discarded < linger_bytes) {
        m_buffer.clear();
        discarded += co_await m_stream.async_read_some(m_buffer.prepare(idle_read_size * 8), with_error(ec));
    }
}

void Connection::close()
{
    error_code ec;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    m_stream.close();
}

} // namespace c9::http
