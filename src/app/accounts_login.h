// Signing in: password logins that open a browser session, API tokens, and the throttle on failed logins
// (DESIGN.md section 8). Every login, logout and failed login is an entry of the audit trail (control 8.15).
#pragma once

#include "app/accounts.h"
#include "store/accounts_tokens.h"

#include <chrono>
#include <optional>
#include <string>

namespace c9 {

struct SessionPolicy {
    std::chrono::seconds idle {30 * 60}; // a session unused this long ends
    std::chrono::seconds max {12 * 60 * 60}; // and every session ends this long after its login
};

struct ThrottlePolicy {
    int max_failures = 5; // failed logins per account, and per client address,
    std::chrono::seconds window {15 * 60}; // within this window; the next attempt is refused until one ages out
};

// Who is calling, once authenticated.
struct Principal {
    enum class Via { session, token };
    Account account;
    Via via = Via::session;
    std::string session_hash; // via session: the stored hash of the session id
    std::string csrf_token; // via session: what X-CSRF-Token must carry on writes
    Id token_id = 0; // via token

    Caller caller(Timestamp now) const
    {
        return Caller {account.actor(), account.person, now, Standing::account, account.meta.id, account.role};
    }
};

struct LoginAttempt {
    std::string email;
    std::string password;
    std::string client; // the peer address, for the per-address throttle and the audit entry
};

struct LoginResult {
    enum class Status { ok, rejected, throttled };
    Status status = Status::rejected;
    // ok: the new session. The id is the cookie value; it is stored only hashed and never shown again.
    std::string session_id;
    std::string csrf_token;
    Timestamp expires_at {};
    std::optional<Account> account;
    // throttled: when to try again.
    std::chrono::seconds retry_after {0};
};

// Checks the password and opens a new session with a fresh random id (never one the client proposed, so a
// session cannot be fixed in advance). A wrong email and a wrong password are indistinguishable to the caller.
Result<LoginResult> login(Store& store, const LoginAttempt& attempt, const SessionPolicy& sessions,
    const ThrottlePolicy& throttle, Timestamp now);

// The credentials a request carries: an API token (Authorization: Bearer) or the session cookie.
struct Credentials {
    enum class Kind { none, token, session };
    Kind kind = Kind::none;
    std::string secret;
};

// Who the credentials name, read inside a transaction, and what is left to write once it ends: a session or token
// first used in a minute is marked used, an expired session is deleted. A request that reads can identify its
// caller in the transaction it reads in (app/registers.h list_rendered_for) and pay one transaction, not two.
struct Identified {
    enum class Followup { none, touch_session, touch_token, delete_session };
    std::optional<Principal> principal; // none when the credentials name no one who may sign in
    Followup followup = Followup::none;
    std::string session_hash; // the session to touch or delete
    Id token_id = 0;          // the token to touch
};
// A session counts when it exists, is neither idle nor expired and its account is active; a token when it exists,
// is not revoked and its account is active.
Result<Identified> identify_in(Tx& tx, const Credentials& credentials, const SessionPolicy& sessions, Timestamp now);
Result<void> follow_up(Store& store, const Identified& identified, Timestamp now);

// identify_in in a read transaction of its own, then follow_up.
Result<std::optional<Principal>> authenticate(
    Store& store, const Credentials& credentials, const SessionPolicy& sessions, Timestamp now);

Result<void> logout(Store& store, const Principal& principal, std::string_view client, Timestamp now);

// Ends the session a login replaces (the cookie the browser still sent), so that at most one session per browser
// stays valid; an unknown or malformed id is ignored.
Result<void> discard_session(Store& store, std::string_view session_id);

struct NewToken {
    TokenRecord record;
    std::string token; // shown once
};

// Tokens belong to an account: the one `account` names (id or email), else the caller's own. Only a caller who
// manages accounts creates, lists and revokes the tokens of another account; for anyone else those do not exist.
Result<NewToken> create_token(Store& store, std::string_view account, std::string name, const Caller& caller);
// The tokens of the account `account` names, or of every account (empty).
Result<std::vector<TokenRecord>> list_tokens(Store& store, std::string_view account, const Caller& caller);
Result<TokenRecord> revoke_token(Store& store, Id id, const Caller& caller);

// Writes a "denied" entry to the audit trail: a signed-in caller asked for something its role does not allow.
Result<void> audit_denied(Store& store, const Caller& caller, std::string_view what);

} // namespace c9
