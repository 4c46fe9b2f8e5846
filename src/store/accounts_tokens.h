// API tokens for scripts and integrations: random, shown once, stored as SHA-256 (a token has 256 bits of entropy,
// so a fast hash is enough; passwords, which people choose, get argon2id instead).
#pragma once

#include "store/accounts.h"

#include <optional>
#include <string>
#include <vector>

namespace c9 {

struct TokenRecord {
    Id id = 0;
    Id user = 0;
    std::string name; // what the token is for: "backup script"
    std::string token_hash; // hex SHA-256 of the token
    std::string hint; // the token's first characters, to recognise it in a list
    Timestamp created_at {};
    std::string created_by;
    std::optional<Timestamp> last_used_at;
    std::optional<Timestamp> revoked_at;
};

Result<Id> insert_token(Tx& tx, const TokenRecord& token);
Result<std::optional<TokenRecord>> token_by_id(Tx& tx, Id id);
// Every token, or those of one account, oldest first.
Result<std::vector<TokenRecord>> tokens_of(Tx& tx, std::optional<Id> user);
// A token and its account in one query: every request with a bearer token asks.
struct TokenAccount {
    TokenRecord token;
    UserRecord user;
};
Result<std::optional<TokenAccount>> token_account(Tx& tx, const std::string& token_hash);
Result<void> revoke_token(Tx& tx, Id id, Timestamp at);
Result<void> touch_token(Tx& tx, Id id, Timestamp at);

} // namespace c9
