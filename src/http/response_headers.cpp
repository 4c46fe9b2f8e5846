#include "http/response_headers.h"

#include <charconv>
#include <string>

namespace c9::http {

namespace {

// "q=0", "q=0.0", "q=0.000" refuse a coding; anything else accepts it (RFC 9110 12.4.2).
bool zero_quality(std::string_view parameters)
{
    while (!parameters.empty()) {
        size_t semicolon = parameters.find(';');
        std::string_view parameter = trim_ows(parameters.substr(0, semicolon));
        parameters = semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
        if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') || parameter[1] != '=')
            continue;
        std::string_view value = parameter.substr(2);
        return value.find_first_not_of("0.") == std::string_view::npos;
    }
    return false;
}

} // namespace

bool accepts_gzip(std::string_view accept_encoding)
{
    bool star = false;
    while (!accept_encoding.empty()) {
        size_t comma = accept_encoding.find(',');
        std::string_view item = trim_ows(accept_encoding.substr(0, comma));
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
        size_t semicolon = item.find(';');
        std::string_view coding = trim_ows(item.substr(0, semicolon));
        std::string_view parameters
            = semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
        // An explicit entry for gzip decides, whatever "*" says.
        if (iequals(coding, "gzip") || iequals(coding, "x-gzip"))
            return !zero_quality(parameters);
        if (coding == "*")
            star = !zero_quality(parameters);
    }
    return star;
}

namespace {

// DESIGN.md 8: security headers on every response. The CSP allows only this origin for scripts, styles, frames,
// form targets and <base>, and no site may frame the UI (clickjacking); X-Frame-Options says the same to browsers
// without CSP level 2.
constexpr std::string_view security_fields
    = "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'\r\n"
      "X-Content-Type-Options: nosniff\r\n"
      "Referrer-Policy: same-origin\r\n"
      "X-Frame-Options: DENY\r\n";

// A CR, LF or NUL in a field a handler built from input would let that input write its own response headers
// (response splitting).
bool safe_text(std::string_view text)
{
    for (char c : text)
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    return true;
}

void append_number(std::string& out, size_t number)
{
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end);
}

} // namespace

ResponseHead write_response_head(std::string& out, Response& response, const ResponseContext& context)
{
    bool gzip_variant = !response.gzip_body().empty();
    if (gzip_variant && context.accepts_gzip)
        response.use_gzip_body();
    int status = response.status();
    // RFC 9110 6.4.1: 1xx, 204 and 304 responses never have content.
    bool has_content = status >= 200 && status != 204 && status != 304;

    ResponseHead head;
    out.clear();
    out.append(context.version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ");
    append_number(out, static_cast<size_t>(status));
    out += ' ';
    out.append(status_phrase(status));
    out.append("\r\n");
    bool cache_control = false;
    for (const auto& [name, value] : response.headers()) {
        if (name.empty() || !safe_text(name) || !safe_text(value)) {
            ++head.dropped_fields;
            continue;
        }
        if (iequals(name, "Content-Length") || iequals(name, "Connection"))
            continue; // set below from the body and the connection's fate
        cache_control = cache_control || iequals(name, "Cache-Control");
        out.append(name).append(": ").append(value).append("\r\n");
    }
    out.append(security_fields);
    // Responses carry register data; nothing may be kept by a shared or browser cache unless a handler (static
    // assets) says so.
    if (!cache_control)
        out.append("Cache-Control: no-store\r\n");
    // RFC 6797: HSTS is only meaningful, and only safe to promise, when clients reach us over TLS.
    if (context.behind_tls)
        out.append("Strict-Transport-Security: max-age=31536000\r\n");
    // RFC 9110 12.5.5: the body depends on Accept-Encoding, so caches must key on it either way.
    if (gzip_variant)
        out.append("Vary: Accept-Encoding\r\n");
    // For HEAD the length is that of the body a GET would get (RFC 9110 8.6). An event stream has no length: it
    // ends when the connection closes (RFC 9112 6.3, the last rule), so it never goes with keep-alive.
    bool streaming = response.event_stream() != nullptr;
    if (has_content && !streaming) {
        out.append("Content-Length: ");
        append_number(out, response.body().size());
        out.append("\r\n");
    }
    if (context.version >= 11 && !context.keep_alive)
        out.append("Connection: close\r\n");
    else if (context.version < 11 && context.keep_alive)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
    head.body = has_content && !context.head ? response.body() : std::string_view();
    return head;
}

} // namespace c9::http
