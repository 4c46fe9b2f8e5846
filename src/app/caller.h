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

// What the access rules (app/access.h) make of a caller.
enum class Standing {
    local,     // the CLI, the demo, a test: whoever runs it holds the database itself
    account,   // an API caller signed in: its role decides, by the permission table (app/permissions.h)
    anonymous, // an API caller without credentials: may change nothing
};

struct Caller {
    std::string actor;        // "cli:alice", "user:3 (alice@example.org)"
    std::optional<Id> person; // the person behind the caller, when known
    Timestamp now{};
    Standing standing = Standing::anonymous;
    // With Standing::account: the account and its role.
    std::optional<Id> account;
    std::optional<Role> role;

    Stamp stamp() const { return {now, actor}; }
    Date today() const { return to_date(now); }
};

// The system clock, unless CLAUSE9_NOW pins the time (used by tests and for reproducing a report).
Timestamp current_time();

} // namespace c9
