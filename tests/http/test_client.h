// A small blocking HTTP/1.1 client for the server tests: raw POSIX sockets with poll() timeouts, so a test that
// goes wrong fails instead of hanging, and Beast's parser to read responses.
#pragma once

#include "http/headers.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace c9::http::test {

using namespace std::chrono_literals;

struct ClientResponse {
    int status = 0;
    Headers headers;
    std::string body;
    bool keep_alive = false;
};

// "GET /path HTTP/1.1" with Host, the given header lines and, when there is a body, Content-Length.
std::string request_text(std::string_view method, std::string_view target, std::vector<std::string> header_lines = {},
    std::string_view body = {});

class TestClient {
public:
    explicit TestClient(uint16_t port);
    ~TestClient();
    TestClient(const TestClient&) = delete;
    TestClient& operator=(const TestClient&) = delete;

    bool connected() const { return m_fd >= 0; }
    // False when the connection broke (the server closed it or reset it).
    bool send(std::string_view bytes);
    // Reads one response; nullopt when the connection closes or nothing complete arrives within the timeout.
    std::optional<ClientResponse> read_response(std::chrono::milliseconds timeout = 10s, bool head = false);
    // Reads until `marker` has arrived (an event stream has no length to read by); returns everything read up to and
    // including it, and keeps the rest. Nullopt when the connection closes or the marker does not come in time.
    std::optional<std::string> read_until(std::string_view marker, std::chrono::milliseconds timeout = 10s);
    // True when the server closes the connection (end of file or reset) within the timeout, ignoring any data.
    bool wait_closed(std::chrono::milliseconds timeout);

private:
    // Reads what is available; false on end of file, error or timeout.
    bool read_more(std::chrono::steady_clock::time_point deadline);

    int m_fd = -1;
    std::string m_pending;
};

// Connects, sends one request and reads its response.
std::optional<ClientResponse> fetch(uint16_t port, std::string_view method, std::string_view target,
    std::vector<std::string> header_lines = {}, std::string_view body = {});

} // namespace c9::http::test
