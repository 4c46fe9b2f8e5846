#include "app/caller.h"

#include <cstdlib>

namespace c9 {

Timestamp current_time()
{
    if (const char* pinned = std::getenv("CLAUSE9_NOW"))
        if (auto at = parse_timestamp(pinned))
            return *at;
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

} // namespace c9
