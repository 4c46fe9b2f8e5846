// The last step before a response goes out: its head, written in one piece. Every response carries the security
// headers, Cache-Control when the handler set none, the body's length, and the precompressed body when the client
// takes gzip. Kept apart from the connection code so it can be tested as a plain function.
#pragma once

#include "http/response.h"

#include <string>
#include <string_view>

namespace c9::http {

struct ResponseContext {
    bool head = false;         // HEAD request: headers as for GET, no body
    bool accepts_gzip = false; // from Accept-Encoding
    bool behind_tls = false;   // ServerConfig::behind_tls
    unsigned version = 11;     // the request's HTTP version: 11 for HTTP/1.1
    bool keep_alive = true;    // whether the connection stays open after this response
};

// RFC 9110 12.5.3: true when Accept-Encoding lists gzip (or "*") with a non-zero quality.
bool accepts_gzip(std::string_view accept_encoding);

struct ResponseHead {
    std::string_view body;  // the bytes to send after the head (empty for HEAD, 204 and 304)
    int dropped_fields = 0; // header fields a handler built with a line break in them, left out
};

// Writes the status line and every header field into `out` (cleared first), switching to the precompressed body
// when the client takes gzip. The fields are written straight into the one buffer the connection sends, with no
// allocation per field: the security headers are one constant block.
ResponseHead write_response_head(std::string& out, Response& response, const ResponseContext& context);

} // namespace c9::http
