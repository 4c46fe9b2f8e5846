// Login accounts as the store keeps them. An account may be linked to a person of the register (whose rows it
// then owns); the password is kept only as an argon2id hash string, produced and checked in app/accounts.
#pragma once

#include "store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace c9 {

struct UserRecord {
    Row meta;
    std::string email; // lower case, unique
    std::string name;
    std::string role; // app/permissions.h Role, by name
    std::optional<Id> person;
    std::string password_hash;
    bool active = true;
};

// Inserts with version 1 and returns the new id; a taken email is a conflict.
Result<Id> insert_user(Tx& tx, const UserRecord& user, const Stamp& stamp);
// Stores every field of the record if the row still has expected_version; returns the new version, or a stale
// error (and writes nothing) when someone changed it first.
Result<std::int64_t> update_user(Tx& tx, const UserRecord& user, std::int64_t expected_version, const Stamp& stamp);

Result<std::optional<UserRecord>> user_by_id(Tx& tx, Id id);
Result<std::optional<UserRecord>> user_by_email(Tx& tx, const std::string& email);
Result<std::vector<UserRecord>> all_users(Tx& tx);

} // namespace c9
