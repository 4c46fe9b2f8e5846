#include "store/accounts_throttle.h"

#include "store/tx_impl.h"

namespace c9 {

Result<void> record_login_failure(Tx& tx, const std::string& scope, Timestamp at)
{
    return guarded("record a failed login", [&]() -> Result<void> {
        execute(tx.impl(), "INSERT INTO login_failures (scope, at) VALUES (:s, :at)", {scope, format_timestamp(at)});
        return {};
    });
}

Result<std::vector<Timestamp>> login_failures_since(Tx& tx, const std::string& scope, Timestamp since)
{
    return guarded("count failed logins", [&]() -> Result<std::vector<Timestamp>> {
        std::vector<Timestamp> failures;
        for (const auto& row :
            select_rows(tx.impl(), "SELECT at FROM login_failures WHERE scope = :s AND at >= :since ORDER BY at",
                {Storage::text}, {scope, format_timestamp(since)}))
            if (auto at = parse_timestamp(to_text(row[0])))
                failures.push_back(*at);
        return failures;
    });
}

Result<void> clear_login_failures(Tx& tx, const std::string& scope)
{
    return guarded("clear failed logins", [&]() -> Result<void> {
        execute(tx.impl(), "DELETE FROM login_failures WHERE scope = :s", {scope});
        return {};
    });
}

Result<void> prune_login_failures(Tx& tx, Timestamp before)
{
    return guarded("prune failed logins", [&]() -> Result<void> {
        execute(tx.impl(), "DELETE FROM login_failures WHERE at < :before", {format_timestamp(before)});
        return {};
    });
}

} // namespace c9
