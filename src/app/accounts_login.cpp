#include "app/accounts_login.h"

#include "app/access.h"
#include "core/audit.h"
#include "core/text.h"
#include "store/accounts_sessions.h"
#include "store/accounts_throttle.h"

#include <algorithm>
#include <fmt/format.h>

namespace c9 {

namespace {

// A session or token used within this long is not marked as used again: a write per request would serialise
// every reader on SQLite's one writer, and a minute is well inside any idle timeout.
constexpr std::chrono::seconds touch_interval {60};
constexpr std::string_view token_prefix = "c9_";
constexpr size_t max_credential_length = 128;

// Text a client chose, fit for one line of the audit trail: control characters replaced, length capped.
std::string printable(std::string_view text, size_t limit = 254)
{
    std::string out;
    for (char c : text.substr(0, limit))
        out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    return out;
}

std::string account_scope(const std::string& email) { return "account:" + printable(email); }
std::string client_scope(const std::string& client) { return "client:" + printable(client, 64); }

// How long until fewer than max_failures of these fall inside the window; zero when they already do.
std::chrono::seconds wait_for(const std::vector<Timestamp>& failures, const ThrottlePolicy& throttle, Timestamp now)
{
    auto count = static_cast<int>(failures.size());
    if (count < throttle.max_failures)
        return std::chrono::seconds {0};
    Timestamp frees_at = failures[static_cast<size_t>(count - throttle.max_failures)] + throttle.window;
    return std::max(std::chrono::seconds {1}, std::chrono::duration_cast<std::chrono::seconds>(frees_at - now));
}

} // namespace

Result<LoginResult> login(Store& store, const LoginAttempt& attempt, const SessionPolicy& sessions,
    const ThrottlePolicy& throttle, Timestamp now)
{
    std::string email = lower(trim(attempt.email));
    auto since = now - throttle.window;
    LoginResult result;
    auto user = C9_TRY(store.read([&](Tx& tx) -> Result<std::optional<UserRecord>> {
        auto by_account = C9_TRY(login_failures_since(tx, account_scope(email), since));
        auto by_client = C9_TRY(login_failures_since(tx, client_scope(attempt.client), since));
        result.retry_after = std::max(wait_for(by_account, throttle, now), wait_for(by_client, throttle, now));
        return user_by_email(tx, email);
    }));
    if (result.retry_after.count() > 0) {
        result.status = LoginResult::Status::throttled;
        return result;
    }

    bool accepted = false;
    if (attempt.password.size() > max_password_bytes)
        accepted = false;
    else if (user && user->active)
        accepted = verify_password(user->password_hash, attempt.password);
    else
        verify_password_dummy(attempt.password);

    if (!accepted) {
        C9_TRY(store.write([&](Tx& tx) -> Result<void> {
            C9_TRY(prune_login_failures(tx, since));
            C9_TRY(record_login_failure(tx, account_scope(email), now));
            C9_TRY(record_login_failure(tx, client_scope(attempt.client), now));
            C9_TRY(tx.audit({.at = now,
                .actor = "anonymous",
                .action = "login_failed",
                .entity = "session",
                .entity_id = std::nullopt,
                .summary
                = fmt::format("failed login as {} from {}", printable(email), printable(attempt.client, 64))}));
            return {};
        }));
        result.status = LoginResult::Status::rejected;
        return result;
    }

    auto account = account_from(*user);
    result.session_id = random_token();
    result.csrf_token = random_token();
    result.expires_at = now + sessions.max;
    C9_TRY(store.write([&](Tx& tx) -> Result<void> {
        C9_TRY(delete_expired_sessions(tx, now - sessions.idle, now));
        C9_TRY(insert_session(tx,
            {.id_hash = sha256_hex(result.session_id),
                .user = account.meta.id,
                .csrf_token = result.csrf_token,
                .created_at = now,
                .last_seen = now,
                .expires_at = result.expires_at,
                .client = printable(attempt.client, 64)}));
        C9_TRY(clear_login_failures(tx, account_scope(email)));
        C9_TRY(tx.audit({.at = now,
            .actor = account.actor(),
            .action = "login",
            .entity = "session",
            .entity_id = account.meta.id,
            .summary = fmt::format("signed in from {}", printable(attempt.client, 64))}));
        return {};
    }));
    result.account = std::move(account);
    result.status = LoginResult::Status::ok;
    return result;
}

Result<Identified> identify_in(Tx& tx, const Credentials& credentials, const SessionPolicy& sessions, Timestamp now)
{
    Identified identified;
    const auto& secret = credentials.secret;
    if (secret.empty() || secret.size() > max_credential_length)
        return identified;
    if (credentials.kind == Credentials::Kind::session) {
        identified.session_hash = sha256_hex(secret);
        auto found = C9_TRY(session_account(tx, identified.session_hash));
        if (!found)
            return identified;
        const auto& [session, user] = *found;
        bool expired = now >= session.expires_at || now - session.last_seen >= sessions.idle;
        if (expired || !user.active) {
            identified.followup = Identified::Followup::delete_session;
            return identified;
        }
        if (now - session.last_seen >= touch_interval)
            identified.followup = Identified::Followup::touch_session;
        Principal principal;
        principal.account = account_from(user);
        principal.via = Principal::Via::session;
        principal.session_hash = identified.session_hash;
        principal.csrf_token = session.csrf_token;
        identified.principal = std::move(principal);
        return identified;
    }
    if (credentials.kind == Credentials::Kind::token && secret.starts_with(token_prefix)) {
        auto found = C9_TRY(token_account(tx, sha256_hex(secret)));
        if (!found || found->token.revoked_at || !found->user.active)
            return identified;
        const auto& record = found->token;
        identified.token_id = record.id;
        if (!record.last_used_at || now - *record.last_used_at >= touch_interval)
            identified.followup = Identified::Followup::touch_token;
        Principal principal;
        principal.account = account_from(found->user);
        principal.via = Principal::Via::token;
        principal.token_id = record.id;
        identified.principal = std::move(principal);
    }
    return identified;
}

Result<void> follow_up(Store& store, const Identified& identified, Timestamp now)
{
    switch (identified.followup) {
    case Identified::Followup::none:
        return {};
    case Identified::Followup::touch_session:
        return store.write([&](Tx& tx) { return touch_session(tx, identified.session_hash, now); });
    case Identified::Followup::touch_token:
        return store.write([&](Tx& tx) { return touch_token(tx, identified.token_id, now); });
    case Identified::Followup::delete_session:
        return store.write([&](Tx& tx) { return delete_session(tx, identified.session_hash); });
    }
    return {};
}

Result<std::optional<Principal>> authenticate(
    Store& store, const Credentials& credentials, const SessionPolicy& sessions, Timestamp now)
{
    auto identified = C9_TRY(store.read([&](Tx& tx) { return identify_in(tx, credentials, sessions, now); }));
    C9_TRY(follow_up(store, identified, now));
    return identified.principal;
}

Result<void> logout(Store& store, const Principal& principal, std::string_view client, Timestamp now)
{
    return store.write([&](Tx& tx) -> Result<void> {
        C9_TRY(delete_session(tx, principal.session_hash));
        C9_TRY(tx.audit({.at = now,
            .actor = principal.account.actor(),
            .action = "logout",
            .entity = "session",
            .entity_id = principal.account.meta.id,
            .summary = fmt::format("signed out from {}", printable(client, 64))}));
        return {};
    });
}

Result<void> discard_session(Store& store, std::string_view session_id)
{
    if (session_id.empty() || session_id.size() > max_credential_length)
        return {};
    return store.write([&](Tx& tx) { return delete_session(tx, sha256_hex(session_id)); });
}

namespace {

// The account a token command is about: the one named, else the caller's own. A caller who does not manage
// accounts reaches only its own.
Result<Id> token_owner(Tx& tx, std::string_view account, const Caller& caller)
{
    if (account.empty()) {
        if (!caller.account)
            return Error::invalid("user", "name the account the token is for (id or email)");
        return *caller.account;
    }
    auto id = C9_TRY(find_account(tx, account)).meta.id;
    if (!manages_accounts(caller) && id != caller.account)
        return Error(ErrorCode::forbidden, "only an admin manages the tokens of another account");
    return id;
}

} // namespace

Result<NewToken> create_token(Store& store, std::string_view account_ref, std::string name, const Caller& caller)
{
    name = std::string(trim(name));
    if (name.empty())
        return Error::invalid("name", "is required: say what the token is for");
    if (name.size() > 200)
        return Error::invalid("name", "must be at most 200 characters");
    NewToken created;
    created.token = std::string(token_prefix) + random_token();
    return store.write([&](Tx& tx) -> Result<NewToken> {
        auto user = C9_TRY(token_owner(tx, account_ref, caller));
        auto account = C9_TRY(account_by_id(tx, user));
        if (!account.active)
            return Error::conflict(fmt::format("account {} is disabled", account.email));
        auto& record = created.record;
        record.user = user;
        record.name = printable(name, 200);
        record.token_hash = sha256_hex(created.token);
        record.hint = created.token.substr(0, token_prefix.size() + 6);
        record.created_at = caller.now;
        record.created_by = caller.actor;
        record.id = C9_TRY(insert_token(tx, record));
        C9_TRY(tx.audit({.at = caller.now,
            .actor = caller.actor,
            .action = "create",
            .entity = "token",
            .entity_id = record.id,
            .summary = fmt::format("created API token {} \"{}\" for {}", record.id, record.name, account.email)}));
        return created;
    });
}

Result<std::vector<TokenRecord>> list_tokens(Store& store, std::string_view account, const Caller& caller)
{
    return store.read([&](Tx& tx) -> Result<std::vector<TokenRecord>> {
        std::optional<Id> owner;
        if (!account.empty() || !manages_accounts(caller))
            owner = C9_TRY(token_owner(tx, account, caller));
        return tokens_of(tx, owner);
    });
}

Result<TokenRecord> revoke_token(Store& store, Id id, const Caller& caller)
{
    return store.write([&](Tx& tx) -> Result<TokenRecord> {
        auto record = C9_TRY(token_by_id(tx, id));
        if (!record || (!manages_accounts(caller) && record->user != caller.account))
            return Error::not_found(fmt::format("API token {} does not exist", id));
        if (record->revoked_at)
            return *record;
        C9_TRY(revoke_token(tx, id, caller.now));
        record->revoked_at = caller.now;
        C9_TRY(tx.audit({.at = caller.now,
            .actor = caller.actor,
            .action = "revoke",
            .entity = "token",
            .entity_id = id,
            .summary = fmt::format("revoked API token {} \"{}\"", id, record->name)}));
        return *record;
    });
}

Result<void> audit_denied(Store& store, const Caller& caller, std::string_view what)
{
    return store.write([&](Tx& tx) -> Result<void> {
        C9_TRY(tx.audit({.at = caller.now,
            .actor = caller.actor,
            .action = "denied",
            .entity = "request",
            .entity_id = std::nullopt,
            .summary = printable(what, 300)}));
        return {};
    });
}

} // namespace c9
