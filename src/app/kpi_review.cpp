#include "app/kpi_review.h"

#include "store/kpi_queries.h"
#include "store/measurements.h"
#include "store/typed.h"

namespace c9 {

namespace {

std::optional<double> stored_value(const std::vector<Measurement>& measurements, Date period)
{
    for (const auto& measurement : measurements)
        if (measurement.period == period)
            return measurement.value;
    return std::nullopt;
}

} // namespace

Result<KpiStatus> review_kpi(Tx& tx, const Kpi& kpi, const Rules& rules)
{
    auto measurements = C9_TRY(measurements_of(tx, kpi.id));
    if (!kpi.formula) {
        if (measurements.empty())
            return kpi_status(kpi, period_start(rules.today(), kpi.frequency), std::nullopt, std::nullopt);
        const auto& latest = measurements.back();
        std::optional<double> previous;
        if (measurements.size() > 1)
            previous = measurements[measurements.size() - 2].value;
        return kpi_status(kpi, latest.period, latest.value, previous);
    }
    auto current = period_start(rules.today(), kpi.frequency);
    auto period = is_snapshot(*kpi.formula) ? current : previous_period(current, kpi.frequency);
    auto before = previous_period(period, kpi.frequency);
    auto value = C9_TRY(compute_formula(tx, *kpi.formula, {period, next_period(period, kpi.frequency)}, rules));
    auto previous = stored_value(measurements, before);
    if (!previous && !is_snapshot(*kpi.formula))
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
