// The browser UI (web/, docs/ui.md), served from the binary itself: `clause9 serve` calls install_web_ui once.
#pragma once

#include "http/router.h"

#include <string_view>

namespace c9::web {

struct Asset;

// Makes the router's fallback (GET and HEAD requests no route matches) serve the UI's embedded files:
//   - a file of the build by its path, "/" being /index.html;
//   - any other path outside /api/ and /assets/ gets index.html, so the UI's own paths (/risks/12) can be
//     bookmarked and reloaded (a single-page application routes them in the browser);
//   - If-None-Match with the file's ETag gets 304 Not Modified;
//   - the gzip variant goes to clients that accept it (the server picks it; see http/response.h).
void install_web_ui(http::Router& router);

// The asset a path is answered with, or null for a 404. Exposed for the tests.
const Asset* find_web_asset(std::string_view path);

// The response of the fallback handler for a request; what install_web_ui installs.
http::Response serve_web_asset(const http::Request& request);

} // namespace c9::web
