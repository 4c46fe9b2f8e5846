// Failed logins, counted per scope ("account:<email>", "client:<address>") so that guessing passwords is slowed
// down both for one account and from one address. Kept in the database so every instance sees the same counts.
#pragma once

#include "store/store.h"

#include <string>
#include <vector>

namespace c9 {

Result<void> record_login_failure(Tx& tx, const std::string& scope, Timestamp at);
// The failures of a scope at or after `since`, oldest first.
Result<std::vector<Timestamp>> login_failures_since(Tx& tx, const std::string& scope, Timestamp since);
Result<void> clear_login_failures(Tx& tx, const std::string& scope);
// Forgets failures older than `before`, which no window counts any more.
Result<void> prune_login_failures(Tx& tx, Timestamp before);

} // namespace c9
