// Browser sessions. The cookie carries a random id; only its SHA-256 is stored, so reading the table does not let
// anyone take a session over. A session ends when it is idle too long, at its absolute expiry, or at logout.
#pragma once

#include "store/accounts.h"

#include <optional>
#include <string>

namespace c9 {

struct SessionRecord {
    std::string id_hash; // hex SHA-256 of the cookie value
    Id user = 0;
    std::string csrf_token; // the double-submit token handed to this session's scripts
    Timestamp created_at {};
    Timestamp last_seen {};
    Timestamp expires_at {}; // absolute end, whatever the activity
    std::string client; // address the login came from
};

Result<void> insert_session(Tx& tx, const SessionRecord& session);
// A session and its account in one query: every request with a session cookie asks.
struct SessionAccount {
    SessionRecord session;
    UserRecord user;
};
Result<std::optional<SessionAccount>> session_account(Tx& tx, const std::string& id_hash);
Result<void> touch_session(Tx& tx, const std::string& id_hash, Timestamp at);
Result<void> delete_session(Tx& tx, const std::string& id_hash);
// Ends every session of an account (disabled, or its password or role changed).
Result<void> delete_user_sessions(Tx& tx, Id user);
// Drops sessions idle since before idle_cutoff or past their absolute expiry.
Result<void> delete_expired_sessions(Tx& tx, Timestamp idle_cutoff, Timestamp now);

} // namespace c9
