#include "store/lookups.h"

#include "store/tx_impl.h"

#include <algorithm>
#include <set>

namespace c9 {

namespace {

Result<std::optional<Id>> id_by(Tx& tx, const char* query, const std::string& key, const char* doing)
{
    try {
        long long id = 0;
        soci::indicator indicator = soci::i_null;
        tx.impl().sql << query, soci::use(key), soci::into(id, indicator);
        if (!tx.impl().sql.got_data() || indicator == soci::i_null)
            return std::optional<Id> {};
        return std::optional<Id> {id};
    } catch (const std::exception& exception) {
        return store_error(exception, doing);
    }
}

} // namespace

Result<std::optional<Id>> person_by_email(Tx& tx, const std::string& email)
{
    std::string lowered = email;
    for (auto& c : lowered)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id_by(tx, "SELECT id FROM people WHERE email = :e", lowered, "look up a person by email");
}

Result<std::optional<Id>> control_by_code(Tx& tx, const std::string& code)
{
    return id_by(tx, "SELECT id FROM controls WHERE code = :c", code, "look up a control");
}

Result<std::vector<std::string>> unknown_controls(Tx& tx, const std::vector<std::string>& codes)
{
    try {
        std::set<std::string> known;
        std::string code;
        soci::statement statement = (tx.impl().sql.prepare << "SELECT code FROM controls", soci::into(code));
        statement.execute(false);
        while (statement.fetch())
            known.insert(code);
        std::vector<std::string> unknown;
        for (const auto& candidate : codes)
            if (!known.contains(candidate))
                unknown.push_back(candidate);
        return unknown;
    } catch (const std::exception& exception) {
        return store_error(exception, "look up controls");
    }
}

Result<std::map<std::string, Id>> first_role_holders(Tx& tx, const std::vector<std::string>& roles)
{
    try {
        std::map<std::string, Id> holders;
        long long id = 0;
        std::string text;
        soci::statement statement = (tx.impl().sql.prepare << "SELECT id, roles FROM people WHERE roles IS NOT NULL "
                                                              "AND active = 1 ORDER BY id",
            soci::into(id), soci::into(text));
        statement.execute(false);
        // Stops reading as soon as every role has its holder.
        while (holders.size() < roles.size() && statement.fetch()) {
            std::string token;
            auto take = [&] {
                if (!token.empty() && std::find(roles.begin(), roles.end(), token) != roles.end())
                    holders.emplace(token, id);
                token.clear();
            };
            for (char c : text) {
                if (c == ',' || c == ' ')
                    take();
                else
                    token += c;
            }
            take();
        }
        return holders;
    } catch (const std::exception& exception) {
        return store_error(exception, "look up ISMS role holders");
    }
}

Result<std::unordered_map<Id, std::string>> person_names(Tx& tx)
{
    try {
        std::unordered_map<Id, std::string> names;
        long long id = 0;
        std::string name;
        soci::statement statement
            = (tx.impl().sql.prepare << "SELECT id, name FROM people", soci::into(id), soci::into(name));
        statement.execute(false);
        while (statement.fetch())
            names[id] = name;
        return names;
    } catch (const std::exception& exception) {
        return store_error(exception, "read people");
    }
}

} // namespace c9
