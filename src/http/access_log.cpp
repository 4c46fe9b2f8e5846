#include "http/access_log.h"

#include <spdlog/spdlog.h>

namespace c9::http {

void log_access(const AccessEntry& entry)
{
    double milliseconds = std::chrono::duration<double, std::milli>(entry.duration).count();
    spdlog::info("http method={} path={} status={} bytes={} ms={:.2f} client={}",
        entry.method.empty() ? "-" : entry.method, entry.path.empty() ? "-" : entry.path, entry.status, entry.bytes,
        milliseconds, entry.client.empty() ? "-" : entry.client);
}

} // namespace c9::http
