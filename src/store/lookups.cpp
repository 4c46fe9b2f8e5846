#include "store/lookups.h"

#include "store/tx_impl.h"

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
            return std::optional<Id>{};
        return std::optional<Id>{id};
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

Result<std::unordered_map<Id, std::string>> person_names(Tx& tx)
{
    try {
        std::unordered_map<Id, std::string> names;
        long long id = 0;
        std::string name;
        soci::statement statement =
            (tx.impl().sql.prepare << "SELECT id, name FROM people", soci::into(id), soci::into(name));
        statement.execute(false);
        while (statement.fetch())
            names[id] = name;
        return names;
    } catch (const std::exception& exception) {
        return store_error(exception, "read people");
    }
}

} // namespace c9
