#include "store/lookups.h"

#include "core/text.h"
#include "store/tx_impl.h"

#include <algorithm>
#include <set>

namespace c9 {

namespace {

Result<std::optional<Id>> id_by(Tx& tx, const char* query, const std::string& key, const char* doing)
{
    return guarded(doing, [&]() -> Result<std::optional<Id>> {
        Query found(tx.impl(), query, {Storage::integer}, {key});
        if (!found.execute(true) || found.column(0).indicator == soci::i_null)
            return std::optional<Id> {};
        return std::optional<Id> {found.column(0).integer};
    });
}

} // namespace

Result<std::optional<Id>> person_by_email(Tx& tx, const std::string& email)
{
    return id_by(tx, "SELECT id FROM people WHERE email = :e", lower(email), "look up a person by email");
}

Result<std::optional<Id>> control_by_code(Tx& tx, const std::string& code)
{
    return id_by(tx, "SELECT id FROM controls WHERE code = :c", code, "look up a control");
}

Result<std::vector<std::string>> unknown_controls(Tx& tx, const std::vector<std::string>& codes)
{
    return guarded("look up controls", [&]() -> Result<std::vector<std::string>> {
        std::set<std::string> known;
        Query query(tx.impl(), "SELECT code FROM controls", {Storage::text});
        query.each([&](const Query& row) { known.insert(row.column(0).text); });
        std::vector<std::string> unknown;
        for (const auto& candidate : codes)
            if (!known.contains(candidate))
                unknown.push_back(candidate);
        return unknown;
    });
}

Result<std::map<std::string, Id>> first_role_holders(Tx& tx, const std::vector<std::string>& roles)
{
    return guarded("look up ISMS role holders", [&]() -> Result<std::map<std::string, Id>> {
        std::map<std::string, Id> holders;
        Query query(tx.impl(), "SELECT id, roles FROM people WHERE roles IS NOT NULL AND active = 1 ORDER BY id",
            {Storage::integer, Storage::text});
        // Stops reading as soon as every role has its holder. The column holds the canonical list derive() wrote
        // ("iso, it"), whose names are lower case already.
        for (bool more = query.execute(true); more && holders.size() < roles.size(); more = query.fetch()) {
            Id id = query.column(0).integer;
            for (auto& role : split_list(query.column(1).text))
                if (std::find(roles.begin(), roles.end(), role) != roles.end())
                    holders.emplace(std::move(role), id);
        }
        return holders;
    });
}

Result<std::unordered_map<Id, std::string>> person_names(Tx& tx)
{
    return guarded("read people", [&]() -> Result<std::unordered_map<Id, std::string>> {
        std::unordered_map<Id, std::string> names;
        Query query(tx.impl(), "SELECT id, name FROM people", {Storage::integer, Storage::text});
        query.each([&](const Query& row) { names[row.column(0).integer] = row.column(1).text; });
        return names;
    });
}

} // namespace c9
