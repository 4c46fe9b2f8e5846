// Who is asking, and when: every use case takes a Caller so that history and audit rows name the actor and all
// rules see one consistent "now".
#pragma once

#include "core/time.h"
#include "core/value.h"
#include "store/store.h"

#include <optional>
#include <string>

namespace c9 {

struct Caller {
    std::string actor;              // "cli:alice", "user:3 (alice@example.org)"
    std::optional<Id> person;       // the person behind the caller, when known
    Timestamp now{};

    Stamp stamp() const { return {now, actor}; }
};

// The system clock, unless CLAUSE9_NOW pins the time (used by tests and for reproducing a report).
Timestamp current_time();

} // namespace c9
