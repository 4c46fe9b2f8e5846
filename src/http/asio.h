// The Asio and Beast headers the server uses, behind the one include that has to come first. Only the server's
// own .cpp files include this; the public headers (Request, Response, Router, Server) stay free of Boost.
#pragma once

// The order matters here, so clang-format must not sort these.
// clang-format off
#include <utility> // GCC 12: Asio uses std::exchange without including <utility> (Asio issue 944)

#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
// clang-format on

namespace c9::http {

namespace asio = boost::asio;
namespace beast = boost::beast;

} // namespace c9::http
