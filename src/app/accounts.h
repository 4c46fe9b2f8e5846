// Login accounts: create, change, disable, list. An account has a role (app/permissions.h) and may be linked to a
// person of the register, whose rows the account then owns. Passwords are hashed with argon2id before the write
// transaction opens, so a slow hash never holds the database's write lock.
#pragma once

#include "app/caller.h"
#include "app/permissions.h"
#include "store/accounts.h"

#include <optional>
#include <string>
#include <vector>

namespace c9 {

struct Account {
    Row meta;
    std::string email;
    std::string name;
    Role role = Role::member;
    std::optional<Id> person;
    bool active = true;

    // How history and audit rows name the account: "user:3 (alice@example.org)".
    std::string actor() const;
};

// What a create or an update gives; unset members stay as they are.
struct AccountInput {
    std::optional<std::string> email;
    std::optional<std::string> name;
    std::optional<std::string> role;
    // The linked person as text: an id ("4", "PER-4") or an email; an empty text unlinks.
    std::optional<std::string> person;
    std::optional<std::string> password;
    std::optional<bool> active;
};

inline constexpr size_t min_password_length = 12; // characters
inline constexpr size_t max_password_bytes = 1024; // argon2 takes more, but nobody types more

Result<Account> create_account(Store& store, const AccountInput& input, const Caller& caller);
// Changes the account `ref` names (its id or email). A new password, a disabled account or a new role ends the
// account's sessions.
Result<Account> update_account(Store& store, std::string_view ref, const AccountInput& input,
    std::optional<std::int64_t> expected_version, const Caller& caller);

Result<std::vector<Account>> list_accounts(Store& store);
Result<Account> account_by_id(Tx& tx, Id id);
// An account named by its id or its email, as a person types it; not found otherwise.
Result<Account> find_account(Tx& tx, std::string_view id_or_email);
Result<Account> find_account(Store& store, std::string_view id_or_email);

Account account_from(const UserRecord& record);

// Password hashing with argon2id (libsodium crypto_pwhash_str). At most two hashes run at once, whatever the
// number of workers: each takes tens of MiB and a few dozen milliseconds by design.
Result<void> check_password_rules(std::string_view password);
Result<std::string> hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// Spends the time of a verification without an account, so a login with an unknown email is not faster than one
// with a wrong password.
void verify_password_dummy(std::string_view password);

// Random bytes from libsodium as URL-safe base64 without padding, for session ids, CSRF and API tokens.
std::string random_token(size_t bytes = 32);

} // namespace c9
