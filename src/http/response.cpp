#include "http/response.h"

#include <boost/beast/http/status.hpp>
#include <fmt/format.h>
#include <utility>

namespace c9::http {

void append_json_string(std::string& out, std::string_view text)
{
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

namespace {

std::string json_string(std::string_view text)
{
    std::string out;
    append_json_string(out, text);
    return out;
}

} // namespace

std::string_view status_phrase(int status)
{
    auto phrase = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
    return {phrase.data(), phrase.size()};
}

Response Response::json(std::string body, int status)
{
    Response response(status);
    response.set_body(std::move(body), "application/json");
    return response;
}

Response Response::text(std::string body, int status)
{
    Response response(status);
    response.set_body(std::move(body), "text/plain; charset=utf-8");
    return response;
}

Response Response::problem(const Problem& problem)
{
    std::string title = problem.title.empty() ? std::string(status_phrase(problem.status)) : problem.title;
    std::string body = fmt::format(
        R"({{"type":{},"title":{},"status":{})", json_string(problem.type), json_string(title), problem.status);
    if (!problem.detail.empty())
        body += fmt::format(R"(,"detail":{})", json_string(problem.detail));
    if (!problem.errors.empty()) {
        body += R"(,"errors":[)";
        for (size_t error_idx = 0; error_idx < problem.errors.size(); ++error_idx) {
            const auto& error = problem.errors[error_idx];
            body += fmt::format(R"({}{{"field":{},"message":{}}})", error_idx ? "," : "", json_string(error.field),
                json_string(error.message));
        }
        body += "]";
    }
    body += "}";
    Response response(problem.status);
    response.set_body(std::move(body), "application/problem+json");
    return response;
}

Response Response::problem(int status, std::string detail)
{
    return problem(Problem {.status = status, .detail = std::move(detail)});
}

void Response::set_body(std::string body, std::string_view content_type)
{
    m_body = std::move(body);
    m_static_body = {};
    m_shared_body.reset();
    m_headers.set("Content-Type", std::string(content_type));
}

void Response::set_static_body(std::string_view body, std::string_view content_type)
{
    m_body.clear();
    // A default-constructed view marks "no static body", so an empty static body still needs a non-null pointer.
    m_static_body = body.data() ? body : std::string_view("", 0);
    m_shared_body.reset();
    m_headers.set("Content-Type", std::string(content_type));
}

void Response::set_shared_body(std::shared_ptr<const std::string> body, std::string_view content_type)
{
    set_static_body(*body, content_type);
    m_shared_body = std::move(body);
}

Response Response::events(std::shared_ptr<EventStream> stream)
{
    Response response(200);
    response.m_headers.set("Content-Type", "text/event-stream; charset=utf-8");
    // A proxy that buffers responses would hold the events back (nginx reads this header).
    response.m_headers.set("X-Accel-Buffering", "no");
    response.m_events = std::move(stream);
    return response;
}

void Response::use_gzip_body()
{
    m_body.clear();
    m_static_body = m_gzip_body;
    m_headers.set("Content-Encoding", "gzip");
}

} // namespace c9::http
