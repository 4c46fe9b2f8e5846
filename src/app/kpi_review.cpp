#include "app/kpi_review.h"

#include "store/kpi_queries.h"
#include "store/measurements.h"
#include "store/typed.h"

namespace c9 {

Result<KpiStatus> review_kpi(Tx& tx, const Kpi& kpi, const Rules& rules)
{
    if (!kpi.formula) {
        auto latest = C9_TRY(latest_measurements(tx, kpi.id, 2));
        if (latest.empty())
            return kpi_status(kpi, period_start(rules.today(), kpi.frequency), std::nullopt, std::nullopt);
        std::optional<double> previous;
        if (latest.size() > 1)
            previous = latest[1].value;
        return kpi_status(kpi, latest[0].period, latest[0].value, previous);
    }
    auto current = period_start(rules.today(), kpi.frequency);
    auto period = is_snapshot(*kpi.formula) ? current : previous_period(current, kpi.frequency);
    auto before = previous_period(period, kpi.frequency);
    auto value = C9_TRY(compute_formula(tx, *kpi.formula, {period, next_period(period, kpi.frequency)}, rules));
    // The period before is read from its stored measurement (recorded when a meeting closed), so the figure the
    // meeting saw then is the one the trend compares with.
    std::optional<double> previous;
    if (auto stored = C9_TRY(measurement_for(tx, kpi.id, before)))
        previous = stored->value;
    else if (!is_snapshot(*kpi.formula))
        previous = C9_TRY(compute_formula(tx, *kpi.formula, {before, period}, rules));
    return kpi_status(kpi, period, value, previous);
}

Result<std::vector<KpiStatus>> review_kpis(Tx& tx, const Rules& rules)
{
    auto kpis = C9_TRY(all_rows(tx, kpi_spec(), {where("active", FilterOp::eq, std::int64_t{1})}));
    std::vector<KpiStatus> statuses;
    statuses.reserve(kpis.size());
    for (const auto& kpi : kpis)
        statuses.push_back(C9_TRY(review_kpi(tx, kpi, rules)));
    return statuses;
}

Result<void> snapshot_kpis(Tx& tx, const std::vector<KpiStatus>& statuses, const Caller& caller)
{
    for (const auto& status : statuses) {
        if (!status.kpi.formula || !status.value)
            continue;
        C9_TRY(upsert_measurement(tx, {0, status.kpi.id, status.period, *status.value,
                                       std::string("computed by ") + std::string(to_string(*status.kpi.formula)),
                                       caller.now, caller.actor}));
    }
    return {};
}

} // namespace c9
