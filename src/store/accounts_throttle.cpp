#include "store/accounts_throttle.h"

#include "store/tx_impl.h"

namespace c9 {

Result<void> record_login_failure(Tx& tx, const std::string& scope, Timestamp at)
{
    try {
        execute(tx.impl(), "INSERT INTO login_failures (scope, at) VALUES (:s, :at)", {scope, format_timestamp(at)});
        return {};
    } catch (const std::exception& exception) {
        return store_error(exception, "record a failed login");
    }
}

Result<std::vector<Timestamp>> login_failures_since(Tx& tx, const std::string& scope, Timestamp since)
{
    try {
        std::vector<Timestamp> failures;
        for (const auto& row :
            select_rows(tx.impl(), "SELECT at FROM login_failures WHERE scope = :s AND at >= :since ORDER BY at",
                {Storage::text}, {scope, format_timestamp(since)}))
            if (auto at = parse_timestamp(to_text(row[0])))
                failures.push_back(*at);
        return failures;
    } catch (const std::exception& exception) {
        return store_error(exception, "count failed logins");
    }
}

Result<void> clear_login_failures(Tx& tx, const std::string& scope)
{
    try {
        execute(tx.impl(), "DELETE FROM login_failures WHERE scope = :s", {scope});
        return {};
    } catch (const std::exception& exception) {
        return store_error(exception, "clear failed logins");
    }
}

Result<void> prune_login_failures(Tx& tx, Timestamp before)
{
    try {
        execute(tx.impl(), "DELETE FROM login_failures WHERE at < :before", {format_timestamp(before)});
        return {};
    } catch (const std::exception& exception) {
        return store_error(exception, "prune failed logins");
    }
}

} // namespace c9
