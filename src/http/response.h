// An HTTP response as handlers build it. The server adds the security headers and chooses the encoding; a handler
// only sets what is specific to its answer.
#pragma once

#include "http/event_stream.h"
#include "http/headers.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace c9::http {

// One entry of a problem's "errors" array: which input field is wrong and why.
struct ProblemField {
    std::string field;
    std::string message;
};

// RFC 9457 problem details. With type "about:blank" the title is the status phrase, so an empty title gets it.
struct Problem {
    int status = 500;
    std::string title;
    std::string detail;
    std::string type = "about:blank";
    std::vector<ProblemField> errors;
};

// Appends text as a JSON string (RFC 8259 section 7) with the escapes nlohmann::json writes: quote, backslash,
// \b \f \n \r \t, other control characters as \u00XX; UTF-8 passes through (the caller checks it is valid).
void append_json_string(std::string& out, std::string_view text);

// The reason phrase of a status code ("Not Found"), or "<unknown-status>" for a code without one.
std::string_view status_phrase(int status);

class Response {
public:
    Response() = default;
    explicit Response(int status) : m_status(status) { }

    // A body that is already serialized JSON.
    static Response json(std::string body, int status = 200);
    static Response text(std::string body, int status = 200);
    // application/problem+json with type, title, status, detail (when given) and errors (when any).
    static Response problem(const Problem& problem);
    static Response problem(int status, std::string detail = {});

    int status() const { return m_status; }
    void set_status(int status) { m_status = status; }

    Headers& headers() { return m_headers; }
    const Headers& headers() const { return m_headers; }
    std::string_view content_type() const { return m_headers.get("Content-Type").value_or(""); }

    std::string_view body() const { return m_static_body.data() ? m_static_body : std::string_view(m_body); }
    void set_body(std::string body, std::string_view content_type);
    // For data that lives as long as the program, such as assets embedded in the binary: nothing is copied.
    void set_static_body(std::string_view body, std::string_view content_type);
    // A body shared with a cache (api/page_cache.h): the response holds a reference and nothing is copied.
    void set_shared_body(std::shared_ptr<const std::string> body, std::string_view content_type);

    // The same body gzip-compressed ahead of time, also static. The server sends it, with Content-Encoding: gzip,
    // to clients that accept gzip; the server itself never compresses.
    std::string_view gzip_body() const { return m_gzip_body; }
    void set_gzip_body(std::string_view gzip_body) { m_gzip_body = gzip_body; }

    // Used by the server to send the compressed variant in place of the identity body.
    void use_gzip_body();

    // A stream of server-sent events in place of a body (http/event_stream.h): the head goes out with
    // Content-Type: text/event-stream and no length, then the events as they are queued, until the stream ends.
    static Response events(std::shared_ptr<EventStream> stream);
    const std::shared_ptr<EventStream>& event_stream() const { return m_events; }

private:
    int m_status = 200;
    Headers m_headers;
    std::string m_body;
    std::string_view m_static_body; // static or shared: the body, in place of m_body
    std::shared_ptr<const std::string> m_shared_body;
    std::string_view m_gzip_body;
    std::shared_ptr<EventStream> m_events;
};

} // namespace c9::http
