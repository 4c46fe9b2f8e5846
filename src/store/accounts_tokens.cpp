#include "store/accounts_tokens.h"

#include "store/accounts_rows.h"
#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

namespace {

constexpr const char* token_columns
    = "id, user_id, name, token_hash, hint, created_at, created_by, last_used_at, revoked_at";

const std::vector<Storage>& token_storage()
{
    static const std::vector<Storage> storage {Storage::integer, Storage::integer, Storage::text, Storage::text,
        Storage::text, Storage::text, Storage::text, Storage::text, Storage::text};
    return storage;
}

std::optional<Timestamp> optional_time(const Value& value)
{
    if (is_null(value))
        return std::nullopt;
    return parse_timestamp(to_text(value));
}

TokenRecord token_from(const std::vector<Value>& row)
{
    // Columns in the order of token_columns.
    TokenRecord token;
    token.id = std::get<std::int64_t>(row[0]);
    token.user = std::get<std::int64_t>(row[1]);
    token.name = to_text(row[2]);
    token.token_hash = to_text(row[3]);
    token.hint = to_text(row[4]);
    token.created_at = parse_timestamp(to_text(row[5])).value_or(Timestamp {});
    token.created_by = to_text(row[6]);
    token.last_used_at = optional_time(row[7]);
    token.revoked_at = optional_time(row[8]);
    return token;
}

Result<std::optional<TokenRecord>> one_token(Tx& tx, const char* where, const Value& key)
{
    return guarded("look up an API token", [&]() -> Result<std::optional<TokenRecord>> {
        auto rows = select_rows(
            tx.impl(), fmt::format("SELECT {} FROM api_tokens WHERE {}", token_columns, where), token_storage(), {key});
        if (rows.empty())
            return std::optional<TokenRecord> {};
        return std::optional<TokenRecord> {token_from(rows.front())};
    });
}

} // namespace

Result<Id> insert_token(Tx& tx, const TokenRecord& token)
{
    return guarded("create an API token", [&]() -> Result<Id> {
        auto rows = select_rows(tx.impl(),
            "INSERT INTO api_tokens (user_id, name, token_hash, hint, created_at, created_by) VALUES (:u, :n, :h, "
            ":hint, "
            ":at, :by) RETURNING id",
            {Storage::integer},
            {token.user, token.name, token.token_hash, token.hint, format_timestamp(token.created_at),
                token.created_by});
        return std::get<std::int64_t>(rows.at(0).at(0));
    });
}

Result<std::optional<TokenAccount>> token_account(Tx& tx, const std::string& token_hash)
{
    return guarded("look up an API token", [&]() -> Result<std::optional<TokenAccount>> {
        static const std::string query = fmt::format(
            "SELECT t.id, t.user_id, t.name, t.token_hash, t.hint, t.created_at, t.created_by, t.last_used_at, "
            "t.revoked_at, {} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :h",
            user_select_list("u"));
        static const std::vector<Storage> storage = [] {
            auto columns = token_storage();
            columns.insert(columns.end(), user_storage().begin(), user_storage().end());
            return columns;
        }();
        auto rows = select_rows(tx.impl(), query, storage, {token_hash});
        if (rows.empty())
            return std::optional<TokenAccount> {};
        return std::optional<TokenAccount> {
            TokenAccount {token_from(rows.front()), user_from(rows.front(), token_storage().size())}};
    });
}

Result<std::optional<TokenRecord>> token_by_id(Tx& tx, Id id) { return one_token(tx, "id = :id", id); }

Result<std::vector<TokenRecord>> tokens_of(Tx& tx, std::optional<Id> user)
{
    return guarded("list the API tokens", [&]() -> Result<std::vector<TokenRecord>> {
        std::vector<TokenRecord> tokens;
        auto rows = user ? select_rows(tx.impl(),
                        fmt::format("SELECT {} FROM api_tokens WHERE user_id = :u ORDER BY id", token_columns),
                        token_storage(), {*user})
                         : select_rows(tx.impl(), fmt::format("SELECT {} FROM api_tokens ORDER BY id", token_columns),
                             token_storage());
        for (const auto& row : rows)
            tokens.push_back(token_from(row));
        return tokens;
    });
}

Result<void> revoke_token(Tx& tx, Id id, Timestamp at)
{
    return guarded("revoke an API token", [&]() -> Result<void> {
        execute(tx.impl(), "UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL",
            {format_timestamp(at), id});
        return {};
    });
}

Result<void> touch_token(Tx& tx, Id id, Timestamp at)
{
    return guarded("record the use of an API token", [&]() -> Result<void> {
        execute(tx.impl(), "UPDATE api_tokens SET last_used_at = :at WHERE id = :id", {format_timestamp(at), id});
        return {};
    });
}

} // namespace c9
