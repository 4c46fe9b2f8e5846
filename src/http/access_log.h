// One structured line per request, in key=value form so log tools can pick fields without a parser.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace c9::http {

struct AccessEntry {
    std::string_view method;
    std::string_view path; // still percent-encoded, so it holds no spaces or newlines to forge log lines with
    int status = 0;
    size_t bytes = 0; // body bytes sent
    std::chrono::steady_clock::duration duration {};
    std::string_view client;
};

// The query string is left out on purpose: it may carry tokens or personal data.
void log_access(const AccessEntry& entry);

} // namespace c9::http
