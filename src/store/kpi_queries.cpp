#include "store/kpi_queries.h"

#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

bool is_snapshot(KpiFormula formula)
{
    switch (formula) {
    case KpiFormula::open_critical_high_vulns:
    case KpiFormula::overdue_kev_vulns:
    case KpiFormula::overdue_corrective_actions:
    case KpiFormula::soa_implementation:
    case KpiFormula::risks_above_appetite_untreated:
        return true;
    default:
        return false;
    }
}

namespace {

std::optional<double> number(const Value& value)
{
    if (is_null(value))
        return std::nullopt;
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*integer);
    if (const auto* real = std::get_if<double>(&value))
        return *real;
    return std::nullopt;
}

std::optional<double> percent(const Value& part, const Value& whole)
{
    auto total = number(whole);
    if (!total || *total == 0)
        return std::nullopt;
    return 100.0 * number(part).value_or(0) / *total;
}

// The aggregate queries return one row; a value is a count, a sum or an average.
std::vector<Value> aggregate(
    Tx::Impl& db, const std::string& query, std::vector<Storage> columns, const std::vector<Value>& params)
{
    return select_rows(db, query, columns, params).at(0);
}

// Date arithmetic is the one place the engines' SQL differs here.
std::string days_between(Engine engine, const char* from, const char* to)
{
    if (engine == Engine::sqlite)
        return fmt::format("(julianday({}) - julianday({}))", to, from);
    return fmt::format("(CAST({} AS date) - CAST({} AS date))", to, from);
}

std::string hours_between(Engine engine, const char* from, const char* to)
{
    if (engine == Engine::sqlite)
        return fmt::format("((julianday({}) - julianday({})) * 24.0)", to, from);
    return fmt::format("(EXTRACT(EPOCH FROM (CAST({} AS timestamptz) - CAST({} AS timestamptz))) / 3600.0)", to, from);
}

// Mean of (later - earlier) in hours over incidents detected in the period.
std::optional<double> incident_hours(Tx& tx, Period period, const char* earlier, const char* later)
{
    auto row = aggregate(tx.impl(),
        fmt::format("SELECT AVG({}) FROM incidents WHERE detected_at >= :f AND detected_at < :t "
                    "AND {} IS NOT NULL AND {} IS NOT NULL",
            hours_between(tx.engine(), earlier, later), earlier, later),
        {Storage::real}, {format_timestamp(start_of(period.from)), format_timestamp(start_of(period.to))});
    return number(row[0]);
}

} // namespace

Result<std::optional<double>> compute_formula(Tx& tx, KpiFormula formula, Period period, const Rules& rules)
{
    try {
        auto& db = tx.impl();
        std::string from = format_date(period.from), to = format_date(period.to);
        std::string from_at = format_timestamp(start_of(period.from)), to_at = format_timestamp(start_of(period.to));
        std::string today = format_date(rules.today());
        auto count = [&](const std::string& query, const std::vector<Value>& params) -> std::optional<double> {
            return number(aggregate(db, query, {Storage::integer}, params)[0]).value_or(0);
        };
        auto ratio = [&](const std::string& query, const std::vector<Value>& params) {
            auto row = aggregate(db, query, {Storage::integer, Storage::integer}, params);
            return percent(row[0], row[1]);
        };
        switch (formula) {
        case KpiFormula::vulns_remediated_within_sla:
            // Vulnerabilities due in the period (and already due), closed by their due date.
            return ratio("SELECT SUM(CASE WHEN resolved_on IS NOT NULL AND resolved_on <= due THEN 1 ELSE 0 END), "
                         "COUNT(*) FROM vulnerabilities WHERE due >= :f AND due < :t AND due < :today "
                         "AND status <> 'false_positive'",
                {from, to, today});
        case KpiFormula::open_critical_high_vulns:
            return count("SELECT COUNT(*) FROM vulnerabilities WHERE status IN ('open', 'in_progress') "
                         "AND severity IN ('critical', 'high')",
                {});
        case KpiFormula::overdue_kev_vulns:
            return count("SELECT COUNT(*) FROM vulnerabilities WHERE status IN ('open', 'in_progress') AND kev = 1 "
                         "AND due < :today",
                {today});
        case KpiFormula::mean_time_to_remediate:
            return number(aggregate(db,
                fmt::format("SELECT AVG({}) FROM vulnerabilities WHERE resolved_on >= :f AND "
                            "resolved_on < :t AND status = 'remediated'",
                    days_between(tx.engine(), "discovered", "resolved_on")),
                {Storage::real}, {from, to})[0]);
        case KpiFormula::incident_mttd:
            return incident_hours(tx, period, "occurred_at", "detected_at");
        case KpiFormula::incident_mttc:
            return incident_hours(tx, period, "detected_at", "contained_at");
        case KpiFormula::incident_mttr:
            return incident_hours(tx, period, "detected_at", "resolved_at");
        case KpiFormula::incidents_in_period:
            return count(
                "SELECT COUNT(*) FROM incidents WHERE detected_at >= :f AND detected_at < :t", {from_at, to_at});
        case KpiFormula::severe_incidents_in_period:
            return count("SELECT COUNT(*) FROM incidents WHERE detected_at >= :f AND detected_at < :t "
                         "AND severity IN ('high', 'critical')",
                {from_at, to_at});
        case KpiFormula::post_incident_reviews_done:
            // Control 5.27: severe incidents resolved in the period that have their lessons written down.
            return ratio("SELECT SUM(CASE WHEN lessons_learned IS NOT NULL AND lessons_learned <> '' THEN 1 ELSE 0 "
                         "END), COUNT(*) FROM incidents WHERE resolved_at >= :f AND resolved_at < :t "
                         "AND severity IN ('high', 'critical')",
                {from_at, to_at});
        case KpiFormula::overdue_corrective_actions:
            return ratio("SELECT SUM(CASE WHEN due < :today THEN 1 ELSE 0 END), COUNT(*) FROM nonconformities "
                         "WHERE status <> 'closed'",
                {today});
        case KpiFormula::actions_closed_on_time:
            // completed_at is an ISO instant; its first ten characters are the day it was done.
            return ratio("SELECT SUM(CASE WHEN status = 'done' AND SUBSTR(completed_at, 1, 10) <= due THEN 1 ELSE 0 "
                         "END), COUNT(*) FROM actions WHERE due >= :f AND due < :t AND due < :today "
                         "AND status <> 'cancelled'",
                {from, to, today});
        case KpiFormula::maintenance_on_schedule: {
            // Occurrences due in the period: completed on time, completed late, or still not done.
            auto done = aggregate(db,
                "SELECT SUM(CASE WHEN done_on <= due THEN 1 ELSE 0 END), COUNT(*) FROM "
                "activity_completions WHERE due >= :f AND due < :t",
                {Storage::integer, Storage::integer}, {from, to});
            auto missed = count("SELECT COUNT(*) FROM activities WHERE active = 1 AND next_due >= :f AND "
                                "next_due < :t AND next_due < :today",
                {from, to, today});
            auto total = number(done[1]).value_or(0) + missed.value_or(0);
            if (total == 0)
                return std::optional<double> {};
            return std::optional(100.0 * number(done[0]).value_or(0) / total);
        }
        case KpiFormula::soa_implementation:
            return ratio("SELECT SUM(CASE WHEN status = 'implemented' THEN 1 ELSE 0 END), COUNT(*) FROM controls "
                         "WHERE applicable = 1",
                {});
        case KpiFormula::risks_above_appetite_untreated:
            // Above appetite now (residual when assessed) and with no treatment the rules accept: mitigation needs
            // a plan, acceptance needs the owner's recorded acceptance (6.1.3).
            return count("SELECT COUNT(*) FROM risks WHERE status = 'open' AND current_score > :a AND NOT ("
                         "(treatment = 'accept' AND accepted_by IS NOT NULL) OR "
                         "(treatment = 'mitigate' AND treatment_plan IS NOT NULL AND treatment_plan <> '') OR "
                         "treatment IN ('avoid', 'transfer'))",
                {std::int64_t {rules.matrix.appetite}});
        case KpiFormula::meeting_attendance:
            return ratio("SELECT SUM(CASE WHEN a.presence = 'present' THEN 1 ELSE 0 END), COUNT(*) FROM attendance a "
                         "JOIN meetings m ON m.id = a.meeting WHERE m.starts_at >= :f AND m.starts_at < :t "
                         "AND m.state IN ('held', 'approved')",
                {from_at, to_at});
        }
        return Error::internal("store: unknown KPI formula");
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("compute the KPI {}", to_string(formula)));
    }
}

} // namespace c9
