#include "http/response_headers.h"

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

std::string_view finalize_response(Response& response, const ResponseContext& context)
{
    // DESIGN.md 8: security headers on every response. The CSP allows only this origin for scripts, styles,
    // frames, form targets and <base>, and no site may frame the UI (clickjacking); X-Frame-Options says the same to
    // browsers without CSP level 2.
    Headers& headers = response.headers();
    headers.set(
        "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "same-origin");
    headers.set("X-Frame-Options", "DENY");
    // Responses carry register data; nothing may be kept by a shared or browser cache unless a handler (static
    // assets) says so.
    if (!headers.contains("Cache-Control"))
        headers.set("Cache-Control", "no-store");
    // RFC 6797: HSTS is only meaningful, and only safe to promise, when clients reach us over TLS.
    if (context.behind_tls)
        headers.set("Strict-Transport-Security", "max-age=31536000");

    if (!response.gzip_body().empty()) {
        // RFC 9110 12.5.5: the body depends on Accept-Encoding, so caches must key on it either way.
        headers.set("Vary", "Accept-Encoding");
        if (context.accepts_gzip)
            response.use_gzip_body();
    }

    int status = response.status();
    // RFC 9110 6.4.1: 1xx, 204 and 304 responses never have content.
    if (status < 200 || status == 204 || status == 304)
        return {};
    return context.head ? std::string_view() : response.body();
}

} // namespace c9::http
