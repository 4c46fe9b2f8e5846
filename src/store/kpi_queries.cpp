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
    case KpiFormula::risks_above_appetite_untreated: return true;
    default: return false;
    }
}

namespace {

using Rows = std::vector<std::vector<Value>>;

std::int64_t integer(const Value& value) { return is_null(value) ? 0 : std::get<std::int64_t>(value); }
std::string text(const Value& value) { return is_null(value) ? std::string() : std::get<std::string>(value); }

std::optional<double> percent(std::int64_t part, std::int64_t whole)
{
    if (whole == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> mean(const std::vector<double>& values)
{
    if (values.empty())
        return std::nullopt;
    double sum = 0;
    for (double value : values)
        sum += value;
    return sum / static_cast<double>(values.size());
}

double count(soci::session& sql, const std::string& query, const std::vector<Value>& params)
{
    return static_cast<double>(integer(select_rows(sql, query, {Storage::integer}, params).at(0).at(0)));
}

// Mean of (later - earlier) in hours over incidents detected in the period.
std::optional<double> incident_hours(soci::session& sql, Period period, const char* earlier, const char* later)
{
    auto rows = select_rows(sql,
                            fmt::format("SELECT {}, {} FROM incidents WHERE detected_at >= :f AND detected_at < :t",
                                        earlier, later),
                            {Storage::text, Storage::text},
                            {format_timestamp(start_of(period.from)), format_timestamp(start_of(period.to))});
    std::vector<double> hours;
    for (const auto& row : rows) {
        auto from = parse_timestamp(text(row[0]));
        auto to = parse_timestamp(text(row[1]));
        if (from && to)
            hours.push_back(static_cast<double>((*to - *from).count()) / 3600.0);
    }
    return mean(hours);
}

} // namespace

Result<std::optional<double>> compute_formula(Tx& tx, KpiFormula formula, Period period, const Rules& rules)
{
    try {
        auto& sql = tx.impl().sql;
        std::string from = format_date(period.from), to = format_date(period.to);
        std::string from_at = format_timestamp(start_of(period.from)), to_at = format_timestamp(start_of(period.to));
        std::string today = format_date(rules.today());
        switch (formula) {
        case KpiFormula::vulns_remediated_within_sla: {
            // Vulnerabilities due in the period (and already due), closed by their due date.
            auto rows = select_rows(sql,
                                    "SELECT due, resolved_on, status FROM vulnerabilities WHERE due >= :f AND due < :t "
                                    "AND due < :today AND status <> 'false_positive'",
                                    {Storage::text, Storage::text, Storage::text}, {from, to, today});
            std::int64_t in_time = 0;
            for (const auto& row : rows)
                in_time += !is_null(row[1]) && text(row[1]) <= text(row[0]) ? 1 : 0;
            return percent(in_time, static_cast<std::int64_t>(rows.size()));
        }
        case KpiFormula::open_critical_high_vulns:
            return std::optional(count(sql,
                                       "SELECT COUNT(*) FROM vulnerabilities WHERE status IN ('open', 'in_progress') "
                                       "AND severity IN ('critical', 'high')",
                                       {}));
        case KpiFormula::overdue_kev_vulns:
            return std::optional(count(sql,
                                       "SELECT COUNT(*) FROM vulnerabilities WHERE status IN ('open', 'in_progress') "
                                       "AND kev = 1 AND due < :today",
                                       {today}));
        case KpiFormula::mean_time_to_remediate: {
            auto rows = select_rows(sql,
                                    "SELECT discovered, resolved_on FROM vulnerabilities WHERE resolved_on >= :f AND "
                                    "resolved_on < :t AND status = 'remediated'",
                                    {Storage::text, Storage::text}, {from, to});
            std::vector<double> days;
            for (const auto& row : rows) {
                auto found = parse_date(text(row[0]));
                auto fixed = parse_date(text(row[1]));
                if (found && fixed)
                    days.push_back(static_cast<double>(days_between(*found, *fixed)));
            }
            return mean(days);
        }
        case KpiFormula::incident_mttd: return incident_hours(sql, period, "occurred_at", "detected_at");
        case KpiFormula::incident_mttc: return incident_hours(sql, period, "detected_at", "contained_at");
        case KpiFormula::incident_mttr: return incident_hours(sql, period, "detected_at", "resolved_at");
        case KpiFormula::incidents_in_period:
            return std::optional(
                count(sql, "SELECT COUNT(*) FROM incidents WHERE detected_at >= :f AND detected_at < :t", {from_at, to_at}));
        case KpiFormula::severe_incidents_in_period:
            return std::optional(count(sql,
                                       "SELECT COUNT(*) FROM incidents WHERE detected_at >= :f AND detected_at < :t "
                                       "AND severity IN ('high', 'critical')",
                                       {from_at, to_at}));
        case KpiFormula::post_incident_reviews_done: {
            // Control 5.27: severe incidents resolved in the period that have their lessons written down.
            auto rows = select_rows(sql,
                                    "SELECT lessons_learned FROM incidents WHERE resolved_at >= :f AND resolved_at < :t "
                                    "AND severity IN ('high', 'critical')",
                                    {Storage::text}, {from_at, to_at});
            std::int64_t reviewed = 0;
            for (const auto& row : rows)
                reviewed += text(row[0]).empty() ? 0 : 1;
            return percent(reviewed, static_cast<std::int64_t>(rows.size()));
        }
        case KpiFormula::overdue_corrective_actions: {
            auto open = count(sql, "SELECT COUNT(*) FROM nonconformities WHERE status <> 'closed'", {});
            auto late = count(sql, "SELECT COUNT(*) FROM nonconformities WHERE status <> 'closed' AND due < :today",
                              {today});
            return percent(static_cast<std::int64_t>(late), static_cast<std::int64_t>(open));
        }
        case KpiFormula::actions_closed_on_time: {
            auto rows = select_rows(sql,
                                    "SELECT due, status, completed_at FROM actions WHERE due >= :f AND due < :t AND "
                                    "due < :today AND status <> 'cancelled'",
                                    {Storage::text, Storage::text, Storage::text}, {from, to, today});
            std::int64_t on_time = 0;
            for (const auto& row : rows)
                on_time += text(row[1]) == "done" && text(row[2]).substr(0, 10) <= text(row[0]) ? 1 : 0;
            return percent(on_time, static_cast<std::int64_t>(rows.size()));
        }
        case KpiFormula::maintenance_on_schedule: {
            // Occurrences due in the period: completed on time, completed late, or still not done.
            auto done = select_rows(sql, "SELECT done_on, due FROM activity_completions WHERE due >= :f AND due < :t",
                                    {Storage::text, Storage::text}, {from, to});
            std::int64_t on_time = 0;
            for (const auto& row : done)
                on_time += text(row[0]) <= text(row[1]) ? 1 : 0;
            auto missed = count(sql,
                                "SELECT COUNT(*) FROM activities WHERE active = 1 AND next_due >= :f AND next_due < :t "
                                "AND next_due < :today",
                                {from, to, today});
            return percent(on_time, static_cast<std::int64_t>(done.size()) + static_cast<std::int64_t>(missed));
        }
        case KpiFormula::soa_implementation: {
            auto applicable = count(sql, "SELECT COUNT(*) FROM controls WHERE applicable = 1", {});
            auto implemented =
                count(sql, "SELECT COUNT(*) FROM controls WHERE applicable = 1 AND status = 'implemented'", {});
            return percent(static_cast<std::int64_t>(implemented), static_cast<std::int64_t>(applicable));
        }
        case KpiFormula::risks_above_appetite_untreated: {
            auto rows = select_rows(sql,
                                    "SELECT residual_score, treatment, treatment_plan, accepted_by FROM risks "
                                    "WHERE status = 'open' AND inherent_score > :a",
                                    {Storage::integer, Storage::text, Storage::text, Storage::integer},
                                    {std::int64_t{rules.matrix.appetite}});
            std::int64_t untreated = 0;
            for (const auto& row : rows) {
                if (!is_null(row[0]) && integer(row[0]) <= rules.matrix.appetite)
                    continue;
                auto treatment = text(row[1]);
                bool treated = (treatment == "accept" && !is_null(row[3])) ||
                               (treatment == "mitigate" && !text(row[2]).empty()) || treatment == "avoid" ||
                               treatment == "transfer";
                untreated += treated ? 0 : 1;
            }
            return std::optional(static_cast<double>(untreated));
        }
        case KpiFormula::meeting_attendance: {
            auto rows = select_rows(sql,
                                    "SELECT a.presence FROM attendance a JOIN meetings m ON m.id = a.meeting "
                                    "WHERE m.starts_at >= :f AND m.starts_at < :t AND m.state IN ('held', 'approved')",
                                    {Storage::text}, {from_at, to_at});
            std::int64_t present = 0;
            for (const auto& row : rows)
                present += text(row[0]) == "present" ? 1 : 0;
            return percent(present, static_cast<std::int64_t>(rows.size()));
        }
        }
        return Error::internal("store: unknown KPI formula");
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("compute the KPI {}", to_string(formula)));
    }
}

} // namespace c9
