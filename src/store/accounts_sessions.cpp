#include "store/accounts_sessions.h"

#include "store/accounts_rows.h"
#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

Result<void> insert_session(Tx& tx, const SessionRecord& session)
{
    return guarded("create a session", [&]() -> Result<void> {
        execute(tx.impl(),
            "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen, expires_at, client) VALUES "
            "(:h, :u, :c, :ca, :ls, :ex, :cl)",
            {session.id_hash, session.user, session.csrf_token, format_timestamp(session.created_at),
                format_timestamp(session.last_seen), format_timestamp(session.expires_at), session.client});
        return {};
    });
}

namespace {

constexpr const char* session_columns = "s.user_id, s.csrf_token, s.created_at, s.last_seen, s.expires_at, s.client";
const std::vector<Storage> session_storage {
    Storage::integer, Storage::text, Storage::text, Storage::text, Storage::text, Storage::text};

SessionRecord session_from(const std::string& id_hash, const std::vector<Value>& row)
{
    SessionRecord session;
    session.id_hash = id_hash;
    session.user = std::get<std::int64_t>(row[0]);
    session.csrf_token = to_text(row[1]);
    session.created_at = parse_timestamp(to_text(row[2])).value_or(Timestamp {});
    session.last_seen = parse_timestamp(to_text(row[3])).value_or(Timestamp {});
    session.expires_at = parse_timestamp(to_text(row[4])).value_or(Timestamp {});
    session.client = to_text(row[5]);
    return session;
}

} // namespace

Result<std::optional<SessionAccount>> session_account(Tx& tx, const std::string& id_hash)
{
    return guarded("look up a session", [&]() -> Result<std::optional<SessionAccount>> {
        static const std::string query
            = fmt::format("SELECT {}, {} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = :h",
                session_columns, user_select_list("u"));
        static const std::vector<Storage> storage = [] {
            auto columns = session_storage;
            columns.insert(columns.end(), user_storage().begin(), user_storage().end());
            return columns;
        }();
        auto rows = select_rows(tx.impl(), query, storage, {id_hash});
        if (rows.empty())
            return std::optional<SessionAccount> {};
        return std::optional<SessionAccount> {
            SessionAccount {session_from(id_hash, rows.front()), user_from(rows.front(), session_storage.size())}};
    });
}

Result<void> touch_session(Tx& tx, const std::string& id_hash, Timestamp at)
{
    return guarded("refresh a session", [&]() -> Result<void> {
        execute(tx.impl(), "UPDATE sessions SET last_seen = :at WHERE id_hash = :h", {format_timestamp(at), id_hash});
        return {};
    });
}

Result<void> delete_session(Tx& tx, const std::string& id_hash)
{
    return guarded("end a session", [&]() -> Result<void> {
        execute(tx.impl(), "DELETE FROM sessions WHERE id_hash = :h", {id_hash});
        return {};
    });
}

Result<void> delete_user_sessions(Tx& tx, Id user)
{
    return guarded("end the sessions of an account", [&]() -> Result<void> {
        execute(tx.impl(), "DELETE FROM sessions WHERE user_id = :u", {user});
        return {};
    });
}

Result<void> delete_expired_sessions(Tx& tx, Timestamp idle_cutoff, Timestamp now)
{
    return guarded("drop expired sessions", [&]() -> Result<void> {
        execute(tx.impl(), "DELETE FROM sessions WHERE last_seen < :idle OR expires_at <= :now",
            {format_timestamp(idle_cutoff), format_timestamp(now)});
        return {};
    });
}

} // namespace c9
