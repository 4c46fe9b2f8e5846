#include "test_client.h"

// clang-format off
#include <utility> // before Beast: GCC 12 and Asio issue 944
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
// clang-format on

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace c9::http::test {

namespace wire = boost::beast::http;

std::string request_text(
    std::string_view method, std::string_view target, std::vector<std::string> header_lines, std::string_view body)
{
    std::string text = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: localhost\r\n";
    for (const auto& line : header_lines)
        text += line + "\r\n";
    if (!body.empty())
        text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    text += "\r\n";
    text += body;
    return text;
}

TestClient::TestClient(uint16_t port)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

TestClient::~TestClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool TestClient::send(std::string_view bytes)
{
    while (!bytes.empty()) {
        ssize_t sent = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        bytes.remove_prefix(static_cast<size_t>(sent));
    }
    return true;
}

bool TestClient::read_more(std::chrono::steady_clock::time_point deadline)
{
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        pollfd descriptor {m_fd, POLLIN, 0};
        int ready = ::poll(&descriptor, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        char chunk[16 * 1024];
        ssize_t received = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (received < 0 && errno == EINTR)
            continue;
        if (received <= 0)
            return false;
        m_pending.append(chunk, static_cast<size_t>(received));
        return true;
    }
}

std::optional<ClientResponse> TestClient::read_response(std::chrono::milliseconds timeout, bool head)
{
    if (m_fd < 0)
        return std::nullopt;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    wire::response_parser<wire::string_body> parser;
    parser.eager(true);
    parser.body_limit(64 * 1024 * 1024);
    // A response to HEAD carries Content-Length but no body.
    parser.skip(head);
    while (!parser.is_done()) {
        if (!m_pending.empty()) {
            boost::system::error_code ec;
            size_t used = parser.put(boost::asio::buffer(m_pending), ec);
            m_pending.erase(0, used);
            if (ec && ec != wire::error::need_more)
                return std::nullopt;
            if (parser.is_done())
                break;
            if (used > 0 && !m_pending.empty())
                continue;
        }
        if (!read_more(deadline))
            return std::nullopt;
    }
    ClientResponse response;
    auto& message = parser.get();
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message)
        response.headers.add(std::string(field.name_string()), std::string(field.value()));
    response.body = std::move(message.body());
    response.keep_alive = message.keep_alive();
    return response;
}

std::optional<std::string> TestClient::read_until(std::string_view marker, std::chrono::milliseconds timeout)
{
    if (m_fd < 0)
        return std::nullopt;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (auto at = m_pending.find(marker); at != std::string::npos) {
            auto text = m_pending.substr(0, at + marker.size());
            m_pending.erase(0, at + marker.size());
            return text;
        }
        if (!read_more(deadline))
            return std::nullopt;
    }
}

bool TestClient::wait_closed(std::chrono::milliseconds timeout)
{
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return false;
        pollfd descriptor {m_fd, POLLIN, 0};
        int ready = ::poll(&descriptor, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        char chunk[4096];
        ssize_t received = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (received == 0 || (received < 0 && errno != EINTR && errno != EAGAIN))
            return true;
    }
}

std::optional<ClientResponse> fetch(uint16_t port, std::string_view method, std::string_view target,
    std::vector<std::string> header_lines, std::string_view body)
{
    TestClient client(port);
    if (!client.send(request_text(method, target, std::move(header_lines), body)))
        return std::nullopt;
    return client.read_response(10s, method == "HEAD");
}

} // namespace c9::http::test
