#include "store/accounts.h"

#include "store/accounts_rows.h"
#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

namespace {

constexpr std::string_view user_column_names[] = {"id", "version", "created_at", "created_by", "updated_at",
    "updated_by", "email", "name", "role", "person", "password_hash", "active"};

std::string text_of(const Value& value) { return to_text(value); }

Value person_value(const std::optional<Id>& person) { return person ? Value {*person} : Value {}; }

Result<std::optional<UserRecord>> one_user(Tx& tx, const std::string& where, const Value& key, const char* doing)
{
    return guarded(doing, [&]() -> Result<std::optional<UserRecord>> {
        auto rows = select_rows(tx.impl(), fmt::format("SELECT {} FROM users WHERE {}", user_select_list(""), where),
            user_storage(), {key});
        if (rows.empty())
            return std::optional<UserRecord> {};
        return std::optional<UserRecord> {user_from(rows.front())};
    });
}

} // namespace

std::string user_select_list(std::string_view alias)
{
    std::string list;
    for (auto column : user_column_names)
        list += fmt::format("{}{}{}{}", list.empty() ? "" : ", ", alias, alias.empty() ? "" : ".", column);
    return list;
}

const std::vector<Storage>& user_storage()
{
    static const std::vector<Storage> storage {Storage::integer, Storage::integer, Storage::text, Storage::text,
        Storage::text, Storage::text, Storage::text, Storage::text, Storage::text, Storage::integer, Storage::text,
        Storage::integer};
    return storage;
}

UserRecord user_from(const std::vector<Value>& row, size_t first)
{
    const Value* column = row.data() + first;
    UserRecord user;
    user.meta.id = std::get<std::int64_t>(column[0]);
    user.meta.version = std::get<std::int64_t>(column[1]);
    user.meta.created_at = parse_timestamp(text_of(column[2])).value_or(Timestamp {});
    user.meta.created_by = text_of(column[3]);
    user.meta.updated_at = parse_timestamp(text_of(column[4])).value_or(Timestamp {});
    user.meta.updated_by = text_of(column[5]);
    user.email = text_of(column[6]);
    user.name = text_of(column[7]);
    user.role = text_of(column[8]);
    if (const auto* person = std::get_if<std::int64_t>(&column[9]))
        user.person = *person;
    user.password_hash = text_of(column[10]);
    user.active = std::get_if<std::int64_t>(&column[11]) && std::get<std::int64_t>(column[11]) != 0;
    return user;
}

Result<Id> insert_user(Tx& tx, const UserRecord& user, const Stamp& stamp)
{
    return guarded("create an account", [&]() -> Result<Id> {
        std::string at = format_timestamp(stamp.at);
        auto rows = select_rows(tx.impl(),
            "INSERT INTO users (version, created_at, created_by, updated_at, updated_by, email, name, role, person, "
            "password_hash, active) VALUES (1, :ca, :cb, :ua, :ub, :email, :name, :role, :person, :hash, :active) "
            "RETURNING id",
            {Storage::integer},
            {at, stamp.actor, at, stamp.actor, user.email, user.name, user.role, person_value(user.person),
                user.password_hash, std::int64_t {user.active ? 1 : 0}});
        return std::get<std::int64_t>(rows.at(0).at(0));
    });
}

Result<std::int64_t> update_user(Tx& tx, const UserRecord& user, std::int64_t expected_version, const Stamp& stamp)
{
    return guarded("update an account", [&]() -> Result<std::int64_t> {
        auto changed = execute(tx.impl(),
            "UPDATE users SET version = version + 1, updated_at = :at, updated_by = :by, email = :email, name = :name, "
            "role = :role, person = :person, password_hash = :hash, active = :active WHERE id = :id AND version = :v",
            {format_timestamp(stamp.at), stamp.actor, user.email, user.name, user.role, person_value(user.person),
                user.password_hash, std::int64_t {user.active ? 1 : 0}, user.meta.id, expected_version});
        if (changed != 1) {
            if (!C9_TRY(tx.exists("users", user.meta.id)))
                return Error::not_found(fmt::format("account {} does not exist", user.meta.id));
            return Error::stale(fmt::format("account {} was changed by someone else since version {}; reload it and "
                                            "apply your change again",
                user.meta.id, expected_version));
        }
        return expected_version + 1;
    });
}

Result<std::optional<UserRecord>> user_by_id(Tx& tx, Id id)
{
    return one_user(tx, "id = :id", id, "look up an account");
}

Result<std::optional<UserRecord>> user_by_email(Tx& tx, const std::string& email)
{
    return one_user(tx, "email = :email", email, "look up an account by email");
}

Result<std::vector<UserRecord>> all_users(Tx& tx)
{
    return guarded("list the accounts", [&]() -> Result<std::vector<UserRecord>> {
        std::vector<UserRecord> users;
        for (const auto& row : select_rows(
                 tx.impl(), fmt::format("SELECT {} FROM users ORDER BY id", user_select_list("")), user_storage()))
            users.push_back(user_from(row));
        return users;
    });
}

} // namespace c9
