#include "app/accounts.h"

#include "app/access.h"
#include "app/refs.h"
#include "core/patch.h"
#include "core/text.h"
#include "core/person.h"
#include "core/problems.h"
#include "store/accounts_sessions.h"
#include "store/lookups.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace c9 {

namespace {

std::string normalized_email(const std::string& email) { return lower(trim(email)); }

// Resolves "4", "PER-4" or an email to a person id; an empty text unlinks.
Result<std::optional<Id>> resolve_person(Tx& tx, std::string_view text, Problems& problems)
{
    if (trim(text).empty())
        return std::optional<Id> {};
    return resolve_ref(tx, *find_register("person"), "person", Value {std::string(text)}, problems);
}

// Applies the input to the record and checks every field, collecting all problems at once.
Result<void> apply_input(
    Tx& tx, const AccountInput& input, const UserRecord* before, UserRecord& record, Problems& problems)
{
    if (input.email) {
        record.email = normalized_email(*input.email);
        if (!plausible_email(record.email) || record.email.size() > 254)
            problems.add("email", "must be an email address like name@example.org");
        else if (!before || before->email != record.email) {
            if (auto taken = C9_TRY(user_by_email(tx, record.email));
                taken && (!before || taken->meta.id != before->meta.id))
                problems.add("email", "is already used by another account");
        }
    } else if (!before) {
        problems.add("email", "is required");
    }
    if (input.name) {
        record.name = *input.name;
        record.name.erase(0, record.name.find_first_not_of(" \t"));
        record.name.erase(record.name.find_last_not_of(" \t") + 1);
        if (record.name.empty())
            problems.add("name", "is required");
        else if (record.name.size() > 200)
            problems.add("name", "must be at most 200 characters");
    } else if (!before) {
        problems.add("name", "is required");
    }
    if (input.role) {
        if (!parse_enum<Role>(*input.role))
            problems.add("role", "must be one of " + choices_text(enum_names<Role>()));
        else
            record.role = *input.role;
    } else if (!before) {
        problems.add("role", "is required");
    }
    if (input.person)
        record.person = C9_TRY(resolve_person(tx, *input.person, problems));
    if (input.active)
        record.active = *input.active;
    return {};
}

std::string describe_changes(const UserRecord& before, const UserRecord& after)
{
    std::vector<std::string> changes;
    if (before.email != after.email)
        changes.push_back(fmt::format("email {} -> {}", before.email, after.email));
    if (before.name != after.name)
        changes.push_back("name changed");
    if (before.role != after.role)
        changes.push_back(fmt::format("role {} -> {}", before.role, after.role));
    if (before.person != after.person)
        changes.push_back(fmt::format("person {} -> {}", before.person ? display_id("PER", *before.person) : "none",
            after.person ? display_id("PER", *after.person) : "none"));
    if (before.password_hash != after.password_hash)
        changes.push_back("password changed");
    if (before.active != after.active)
        changes.push_back(after.active ? "enabled" : "disabled");
    return fmt::format("{}", fmt::join(changes, "; "));
}

} // namespace

std::string Account::actor() const { return fmt::format("user:{} ({})", meta.id, email); }

Account account_from(const UserRecord& record)
{
    Account account;
    account.meta = record.meta;
    account.email = record.email;
    account.name = record.name;
    account.role = parse_enum<Role>(record.role).value_or(Role::auditor);
    account.person = record.person;
    account.active = record.active;
    return account;
}

Result<Account> create_account(Store& store, const AccountInput& input, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_users, std::nullopt, "accounts"));
    if (!input.password)
        return Error::invalid("password", "is required");
    C9_TRY(check_password_rules(*input.password));
    auto hash = C9_TRY(hash_password(*input.password));
    return store.write([&](Tx& tx) -> Result<Account> {
        UserRecord record;
        Problems problems;
        C9_TRY(apply_input(tx, input, nullptr, record, problems));
        C9_TRY(problems.result());
        record.password_hash = hash;
        auto stamp = caller.stamp();
        record.meta.id = C9_TRY(insert_user(tx, record, stamp));
        record.meta.version = 1;
        record.meta.created_at = record.meta.updated_at = stamp.at;
        record.meta.created_by = record.meta.updated_by = stamp.actor;
        C9_TRY(tx.audit({.at = stamp.at,
            .actor = stamp.actor,
            .action = "create",
            .entity = "user",
            .entity_id = record.meta.id,
            .summary = fmt::format("created account {} ({}, role {})", record.meta.id, record.email, record.role)}));
        return account_from(record);
    });
}

Result<Account> update_account(Store& store, std::string_view ref, const AccountInput& input,
    std::optional<std::int64_t> expected_version, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_users, std::nullopt, "accounts"));
    std::optional<std::string> hash;
    if (input.password) {
        C9_TRY(check_password_rules(*input.password));
        hash = C9_TRY(hash_password(*input.password));
    }
    return store.write([&](Tx& tx) -> Result<Account> {
        auto id = C9_TRY(find_account(tx, ref)).meta.id;
        auto found = C9_TRY(user_by_id(tx, id));
        if (!found)
            return Error::not_found(fmt::format("account {} does not exist", id));
        const UserRecord& before = *found;
        if (expected_version && *expected_version != before.meta.version)
            return Error::stale(fmt::format("account {} was changed by someone else (version {} is now {}); reload it "
                                            "and apply your change again",
                id, *expected_version, before.meta.version));
        UserRecord record = before;
        Problems problems;
        C9_TRY(apply_input(tx, input, &before, record, problems));
        C9_TRY(problems.result());
        if (hash)
            record.password_hash = *hash;
        // Someone must be able to manage accounts afterwards.
        auto is_admin = [](const UserRecord& user) { return user.active && user.role == "admin"; };
        if (is_admin(before) && !is_admin(record)) {
            auto users = C9_TRY(all_users(tx));
            if (std::none_of(users.begin(), users.end(),
                    [&](const UserRecord& user) { return user.meta.id != id && is_admin(user); }))
                return Error::conflict(
                    fmt::format("{} is the last active admin; make another account admin first", before.email));
        }
        auto summary = describe_changes(before, record);
        if (summary.empty())
            return account_from(record);
        auto stamp = caller.stamp();
        record.meta.version = C9_TRY(update_user(tx, record, before.meta.version, stamp));
        record.meta.updated_at = stamp.at;
        record.meta.updated_by = stamp.actor;
        // A changed password or role, or a disabled account, must not leave a session open with the old rights.
        if (hash || !record.active || record.role != before.role)
            C9_TRY(delete_user_sessions(tx, id));
        C9_TRY(tx.audit({.at = stamp.at,
            .actor = stamp.actor,
            .action = "update",
            .entity = "user",
            .entity_id = id,
            .summary = fmt::format("updated account {} ({}): {}", id, record.email, summary)}));
        return account_from(record);
    });
}

Result<std::vector<Account>> list_accounts(Store& store)
{
    return store.read([&](Tx& tx) -> Result<std::vector<Account>> {
        std::vector<Account> accounts;
        for (const auto& record : C9_TRY(all_users(tx)))
            accounts.push_back(account_from(record));
        return accounts;
    });
}

Result<Account> account_by_id(Tx& tx, Id id)
{
    auto found = C9_TRY(user_by_id(tx, id));
    if (!found)
        return Error::not_found(fmt::format("account {} does not exist", id));
    return account_from(*found);
}

Result<Account> find_account(Tx& tx, std::string_view id_or_email)
{
    std::optional<UserRecord> found;
    if (id_or_email.find('@') != std::string_view::npos) {
        found = C9_TRY(user_by_email(tx, normalized_email(std::string(id_or_email))));
    } else {
        Id id = 0;
        auto [end, ec] = std::from_chars(id_or_email.data(), id_or_email.data() + id_or_email.size(), id);
        if (ec == std::errc() && end == id_or_email.data() + id_or_email.size() && id > 0)
            found = C9_TRY(user_by_id(tx, id));
    }
    if (!found)
        return Error::not_found(fmt::format("no account has the id or email \"{}\"", id_or_email.substr(0, 254)));
    return account_from(*found);
}

Result<Account> find_account(Store& store, std::string_view id_or_email)
{
    return store.read([&](Tx& tx) { return find_account(tx, id_or_email); });
}

} // namespace c9
