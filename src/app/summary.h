// A short account of what the database holds: rows per register, open and overdue action items.
#pragma once

#include "store/store.h"

#include <string>
#include <vector>

namespace c9 {

struct RegisterCount {
    std::string name;
    std::string title;
    std::int64_t rows = 0;
    std::int64_t open = -1; // -1: the register has no notion of open
};

struct Summary {
    std::vector<RegisterCount> registers;
    std::int64_t open_actions = 0;
    std::int64_t overdue_actions = 0;
    std::int64_t completions = 0;
    std::int64_t measurements = 0;
    std::int64_t audit_entries = 0;
};

Result<Summary> summarize(Tx& tx, Date today);

} // namespace c9
