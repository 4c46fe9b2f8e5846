#include "app/kpi_review.h"

#include "store/kpi_queries.h"
#include "store/measurements.h"
#include "store/typed.h"

#include <algorithm>
#include <map>

namespace c9 {

namespace {

// The recent measurements of every KPI, read in one query rather than one or two per KPI (a round trip each on
// PostgreSQL): newest first per KPI, complete from `since` on.
struct RecentMeasurements {
    Date since;
    std::map<Id, std::vector<Measurement>> by_kpi;
};

// A review sees the measurements known at its own time (rules.now): the minutes of a meeting show the figures of
// that meeting, not ones recorded after it.
Result<std::vector<Measurement>> latest_two(
    Tx& tx, const Kpi& kpi, const Rules& rules, const RecentMeasurements* recent)
{
    if (recent) {
        auto found = recent->by_kpi.find(kpi.id);
        if (found != recent->by_kpi.end() && found->second.size() >= 2)
            return std::vector<Measurement>(found->second.begin(), found->second.begin() + 2);
    }
    return latest_measurements(tx, kpi.id, 2, rules.now); // measured rarely, or not at all: look further back
}

Result<std::optional<Measurement>> stored_for(
    Tx& tx, const Kpi& kpi, Date period, const Rules& rules, const RecentMeasurements* recent)
{
    if (!recent || period < recent->since)
        return measurement_for(tx, kpi.id, period, rules.now);
    auto found = recent->by_kpi.find(kpi.id);
    if (found != recent->by_kpi.end())
        for (const auto& measurement : found->second)
            if (measurement.period == period)
                return std::optional<Measurement> {measurement};
    return std::optional<Measurement> {};
}

Result<KpiStatus> review_manual(Tx& tx, const Kpi& kpi, const Rules& rules, const RecentMeasurements* recent)
{
    auto latest = C9_TRY(latest_two(tx, kpi, rules, recent));
    if (latest.empty())
        return kpi_status(kpi, period_start(rules.today(), kpi.frequency), std::nullopt, std::nullopt);
    std::optional<double> previous;
    if (latest.size() > 1)
        previous = latest[1].value;
    return kpi_status(kpi, latest[0].period, latest[0].value, previous);
}

// What a formula KPI's review computes: its period, and the period before unless that has a stored measurement
// (recorded when a meeting closed, so the figure the meeting saw then is the one the trend compares with).
struct FormulaReview {
    Date period;
    std::optional<double> stored_previous;
    std::vector<FormulaRequest> requests; // the period, then the one before when it is computed
};

Result<FormulaReview> plan_formula(Tx& tx, const Kpi& kpi, const Rules& rules, const RecentMeasurements* recent)
{
    auto current = period_start(rules.today(), kpi.frequency);
    auto period = is_snapshot(*kpi.formula) ? current : previous_period(current, kpi.frequency);
    auto before = previous_period(period, kpi.frequency);
    FormulaReview plan {period, std::nullopt, {{*kpi.formula, {period, next_period(period, kpi.frequency)}}}};
    if (auto stored = C9_TRY(stored_for(tx, kpi, before, rules, recent)))
        plan.stored_previous = stored->value;
    else if (!is_snapshot(*kpi.formula))
        plan.requests.push_back({*kpi.formula, {before, period}});
    return plan;
}

KpiStatus formula_status(
    const Kpi& kpi, const FormulaReview& plan, const std::vector<std::optional<double>>& values, size_t at)
{
    auto previous = plan.requests.size() > 1 ? values.at(at + 1) : plan.stored_previous;
    return kpi_status(kpi, plan.period, values.at(at), previous);
}

} // namespace

Result<KpiStatus> review_kpi(Tx& tx, const Kpi& kpi, const Rules& rules)
{
    if (!kpi.formula)
        return review_manual(tx, kpi, rules, nullptr);
    auto plan = C9_TRY(plan_formula(tx, kpi, rules, nullptr));
    return formula_status(kpi, plan, C9_TRY(compute_formulas(tx, plan.requests, rules)), 0);
}

Result<std::vector<KpiStatus>> review_kpis(Tx& tx, const Rules& rules)
{
    auto kpis = C9_TRY(all_rows(tx, kpi_spec(), {where("active", FilterOp::eq, std::int64_t {1})}));
    // Three years back covers the period before the last complete one of a yearly KPI.
    RecentMeasurements recent;
    recent.since = Date {rules.today() - std::chrono::days {3 * 366}};
    for (auto& measurement : C9_TRY(measurements_since(tx, recent.since, rules.now)))
        recent.by_kpi[measurement.kpi].push_back(std::move(measurement));
    for (auto& [kpi, measurements] : recent.by_kpi)
        std::reverse(measurements.begin(), measurements.end()); // read oldest first
    // Every formula of every KPI computed in one statement.
    std::vector<FormulaReview> plans(kpis.size());
    std::vector<FormulaRequest> requests;
    std::vector<size_t> first_value(kpis.size());
    for (size_t index = 0; index < kpis.size(); ++index) {
        if (!kpis[index].formula)
            continue;
        plans[index] = C9_TRY(plan_formula(tx, kpis[index], rules, &recent));
        first_value[index] = requests.size();
        requests.insert(requests.end(), plans[index].requests.begin(), plans[index].requests.end());
    }
    auto values = C9_TRY(compute_formulas(tx, requests, rules));
    std::vector<KpiStatus> statuses;
    statuses.reserve(kpis.size());
    for (size_t index = 0; index < kpis.size(); ++index)
        statuses.push_back(kpis[index].formula ? formula_status(kpis[index], plans[index], values, first_value[index])
                                               : C9_TRY(review_manual(tx, kpis[index], rules, &recent)));
    return statuses;
}

Result<void> snapshot_kpis(Tx& tx, const std::vector<KpiStatus>& statuses, const Caller& caller)
{
    for (const auto& status : statuses) {
        if (!status.kpi.formula || !status.value)
            continue;
        C9_TRY(upsert_measurement(tx,
            {0, status.kpi.id, status.period, *status.value,
                std::string("computed by ") + std::string(to_string(*status.kpi.formula)), caller.now, caller.actor}));
    }
    return {};
}

} // namespace c9
