#include "store/agenda_queries.h"

#include "store/completions.h"
#include "store/tx_impl.h"

#include <algorithm>
#include <fmt/format.h>

namespace c9 {

Result<std::vector<OwnerLoad>> action_owner_loads(Tx& tx, Id series, Date today, int owners, int per_owner)
{
    return guarded("count open action items per owner", [&]() -> Result<std::vector<OwnerLoad>> {
        auto& db = tx.impl();
        // Both queries read only the index on (series, status, owner, due).
        auto rows = select_rows(db,
            fmt::format("SELECT owner, COUNT(*), SUM(CASE WHEN due < :t THEN 1 ELSE 0 END) AS late "
                        "FROM actions WHERE series = :s AND status IN ('open', 'in_progress') "
                        "GROUP BY owner ORDER BY late DESC, COUNT(*) DESC, owner LIMIT {}",
                owners),
            {Storage::integer, Storage::integer, Storage::integer}, {format_date(today), series});
        std::vector<OwnerLoad> loads;
        std::string owners_list;
        for (const auto& row : rows) {
            OwnerLoad load;
            load.owner = std::get<std::int64_t>(row[0]);
            load.open = std::get<std::int64_t>(row[1]);
            load.overdue = is_null(row[2]) ? 0 : std::get<std::int64_t>(row[2]);
            owners_list += fmt::format("{}{}", owners_list.empty() ? "" : ", ", load.owner);
            loads.push_back(std::move(load));
        }
        if (loads.empty())
            return loads;
        // The first few actions of every listed owner in one query: a window numbers each owner's rows.
        auto items = select_rows(db,
            fmt::format("SELECT owner, id FROM (SELECT owner, id, ROW_NUMBER() OVER (PARTITION "
                        "BY owner ORDER BY due, id) AS n FROM actions WHERE series = :s AND "
                        "status IN ('open', 'in_progress') AND owner IN ({})) ranked "
                        "WHERE n <= {} ORDER BY owner, n",
                owners_list, per_owner),
            {Storage::integer, Storage::integer}, {series});
        for (const auto& item : items)
            for (auto& load : loads)
                if (load.owner == std::get<std::int64_t>(item[0]))
                    load.actions.push_back(std::get<std::int64_t>(item[1]));
        return loads;
    });
}

Result<CompletionSummary> completions_since(Tx& tx, Timestamp since, Timestamp until, int sample)
{
    return guarded("summarise the maintenance log", [&]() -> Result<CompletionSummary> {
        auto& db = tx.impl();
        std::string after = format_timestamp(since);
        std::string before = format_timestamp(until);
        CompletionSummary summary;
        auto totals = select_rows(db,
            "SELECT COUNT(*), SUM(CASE WHEN done_on > due THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN result <> 'ok' THEN 1 ELSE 0 END) FROM activity_completions "
            "WHERE recorded_at > :s AND recorded_at <= :u",
            {Storage::integer, Storage::integer, Storage::integer}, {after, before})
                          .at(0);
        summary.total = std::get<std::int64_t>(totals[0]);
        summary.late = is_null(totals[1]) ? 0 : std::get<std::int64_t>(totals[1]);
        summary.findings.total = is_null(totals[2]) ? 0 : std::get<std::int64_t>(totals[2]);
        if (summary.total == 0)
            return summary;
        // In log order through the covering index on recorded_at; distinct here, not in SQL, so the database does
        // not pick the per-activity index and walk every completion ever logged.
        for (const auto& row : select_rows(db,
                 "SELECT activity FROM activity_completions WHERE recorded_at > :s AND recorded_at <= :u "
                 "ORDER BY recorded_at",
                 {Storage::integer}, {after, before})) {
            auto activity = std::get<std::int64_t>(row[0]);
            if (static_cast<int>(summary.activities.size()) < sample
                && std::find(summary.activities.begin(), summary.activities.end(), activity)
                    == summary.activities.end())
                summary.activities.push_back(activity);
        }
        if (summary.findings.total > 0)
            summary.findings.rows = C9_TRY(findings_recorded_since(tx, since, until, sample));
        return summary;
    });
}

} // namespace c9
