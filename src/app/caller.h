// Who is asking, and when: every use case takes a Caller so that history and audit rows name the actor, all rules
// see one consistent "now", and the access rules (app/access.h) know what the caller may do.
#pragma once

#include "app/permissions.h"
#include "core/time.h"
#include "core/value.h"
#include "store/store.h"

#include <optional>
#include <string>

namespace c9 {

struct Caller {
    std::string actor;        // "cli:alice", "user:3 (alice@example.org)"
    std::optional<Id> person; // the person behind the caller, when known
    Timestamp now{};
    // The account behind an API caller and its role. The CLI has neither: whoever runs it holds the database
    // itself, and the permission table (app/permissions.h) governs accounts only.
    std::optional<Id> account;
    std::optional<Role> role;

    Stamp stamp() const { return {now, actor}; }
    Date today() const { return to_date(now); }
};

// The system clock, unless CLAUSE9_NOW pins the time (used by tests and for reproducing a report).
Timestamp current_time();

} // namespace c9
