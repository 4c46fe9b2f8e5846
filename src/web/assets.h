// The files of the built web UI, compiled into the binary by web/scripts/embed.mjs (cmake/web.cmake).
#pragma once

#include <span>
#include <string_view>

namespace c9::web {

// Vite puts a hash of the content into every file name under /assets/, so such a file never changes: browsers may
// keep it for a year. index.html keeps its name and must be revalidated (its ETag makes that a 304).
enum class Caching { immutable, revalidate };

struct Asset {
    std::string_view path;         // "/index.html", "/assets/index-3f2a1c.js"
    std::string_view content_type; // "text/javascript; charset=utf-8"
    std::string_view etag;         // quoted: "\"9f86d081884c7d659a2f\""
    Caching caching;
    std::string_view body;
    std::string_view gzip_body; // empty when compression does not pay (images already compressed)
};

std::span<const Asset> embedded_assets();

} // namespace c9::web
