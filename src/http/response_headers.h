// The last step before a response goes out: the headers every response carries and the choice of body encoding.
// Kept apart from the connection code so it can be tested as a plain function.
#pragma once

#include "http/response.h"

#include <string_view>

namespace c9::http {

struct ResponseContext {
    bool head = false; // HEAD request: headers as for GET, no body
    bool accepts_gzip = false; // from Accept-Encoding
    bool behind_tls = false; // ServerConfig::behind_tls
};

// RFC 9110 12.5.3: true when Accept-Encoding lists gzip (or "*") with a non-zero quality.
bool accepts_gzip(std::string_view accept_encoding);

// Adds the security headers, Cache-Control when the handler set none, and switches to the precompressed body when
// the client takes gzip. Returns the body bytes to send (empty for HEAD, 204 and 304).
std::string_view finalize_response(Response& response, const ResponseContext& context);

} // namespace c9::http
