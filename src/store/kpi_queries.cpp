#include "store/kpi_queries.h"

#include "store/tx_impl.h"

#include <cctype>
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

// One aggregate query of a formula: it returns one row, whose values are counts, sums or averages.
struct Part {
    std::string sql; // placeholders :name in the order of params
    std::vector<Storage> columns;
    std::vector<Value> params;
};

enum class Combine {
    value, // the first column as it is (an average may be empty)
    count, // the first column, zero when empty
    percent, // first column as a percentage of the second
    done_or_missed // completions on time (part 1: on time, due) against those due plus the missed ones (part 2)
};

struct FormulaSql {
    std::vector<Part> parts;
    Combine combine = Combine::value;
};

FormulaSql formula_sql(Engine engine, KpiFormula formula, Period period, const Rules& rules)
{
    std::string from = format_date(period.from), to = format_date(period.to);
    std::string from_at = format_timestamp(start_of(period.from)), to_at = format_timestamp(start_of(period.to));
    std::string today = format_date(rules.today());
    auto count = [](std::string sql, std::vector<Value> params) {
        return FormulaSql {{{std::move(sql), {Storage::integer}, std::move(params)}}, Combine::count};
    };
    auto ratio = [](std::string sql, std::vector<Value> params) {
        return FormulaSql {
            {{std::move(sql), {Storage::integer, Storage::integer}, std::move(params)}}, Combine::percent};
    };
    auto average = [](std::string sql, std::vector<Value> params) {
        return FormulaSql {{{std::move(sql), {Storage::real}, std::move(params)}}, Combine::value};
    };
    // Mean of (later - earlier) in hours over incidents detected in the period.
    auto incident_hours = [&](const char* earlier, const char* later) {
        return average(fmt::format("SELECT AVG({}) FROM incidents WHERE detected_at >= :f AND detected_at < :t "
                                   "AND {} IS NOT NULL AND {} IS NOT NULL",
                           hours_between(engine, earlier, later), earlier, later),
            {from_at, to_at});
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
        return average(fmt::format("SELECT AVG({}) FROM vulnerabilities WHERE resolved_on >= :f AND "
                                   "resolved_on < :t AND status = 'remediated'",
                           days_between(engine, "discovered", "resolved_on")),
            {from, to});
    case KpiFormula::incident_mttd:
        return incident_hours("occurred_at", "detected_at");
    case KpiFormula::incident_mttc:
        return incident_hours("detected_at", "contained_at");
    case KpiFormula::incident_mttr:
        return incident_hours("detected_at", "resolved_at");
    case KpiFormula::incidents_in_period:
        return count("SELECT COUNT(*) FROM incidents WHERE detected_at >= :f AND detected_at < :t", {from_at, to_at});
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
    case KpiFormula::maintenance_on_schedule:
        // Occurrences due in the period: completed on time, completed late, or still not done.
        return FormulaSql {{{"SELECT SUM(CASE WHEN done_on <= due THEN 1 ELSE 0 END), COUNT(*) FROM "
                             "activity_completions WHERE due >= :f AND due < :t",
                                {Storage::integer, Storage::integer}, {from, to}},
                               {"SELECT COUNT(*) FROM activities WHERE active = 1 AND next_due >= :f AND "
                                "next_due < :t AND next_due < :today",
                                   {Storage::integer}, {from, to, today}}},
            Combine::done_or_missed};
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
    return {};
}

// Gives each :name placeholder of a part a name of its own in the combined statement (SQLite binds every use of
// one name to the same value).
std::string renumber(std::string_view sql, size_t& next)
{
    std::string out;
    bool quoted = false;
    for (size_t index = 0; index < sql.size(); ++index) {
        char c = sql[index];
        if (c == '\'')
            quoted = !quoted;
        if (quoted || c != ':' || index + 1 >= sql.size()
            || !std::isalpha(static_cast<unsigned char>(sql[index + 1]))) {
            out += c;
            continue;
        }
        while (index + 1 < sql.size()
            && (std::isalnum(static_cast<unsigned char>(sql[index + 1])) || sql[index + 1] == '_'))
            ++index;
        out += fmt::format(":q{}", next++);
    }
    return out;
}

std::optional<double> combine(Combine how, const std::vector<Value>& row, size_t at)
{
    switch (how) {
    case Combine::value:
        return number(row[at]);
    case Combine::count:
        return number(row[at]).value_or(0);
    case Combine::percent:
        return percent(row[at], row[at + 1]);
    case Combine::done_or_missed: {
        auto total = number(row[at + 1]).value_or(0) + number(row[at + 2]).value_or(0);
        if (total == 0)
            return std::nullopt;
        return 100.0 * number(row[at]).value_or(0) / total;
    }
    }
    return std::nullopt;
}

} // namespace

Result<std::vector<std::optional<double>>> compute_formulas(
    Tx& tx, const std::vector<FormulaRequest>& requests, const Rules& rules)
{
    using Values = std::vector<std::optional<double>>;
    if (requests.empty())
        return Values {};
    return guarded("compute the KPIs", [&]() -> Result<Values> {
        Values values;
        std::vector<FormulaSql> formulas;
        for (const auto& request : requests) {
            formulas.push_back(formula_sql(tx.engine(), request.formula, request.period, rules));
            if (formulas.back().parts.empty())
                return Error::internal("store: unknown KPI formula");
        }
        // Every part is an aggregate of one row, so joining them gives one row with all their columns: on
        // PostgreSQL one round trip for the KPIs of an agenda, 32 parts a statement. SQLite has no round trip to
        // save and plans and runs such a wide join three times slower than its parts one by one (1.9 against
        // 0.6 ms for 30 parts at scale 10), so there each formula is a statement of its own.
        bool join = tx.engine() == Engine::postgresql;
        constexpr size_t parts_per_statement = 32;
        for (size_t first = 0; first < formulas.size();) {
            std::string sql;
            std::vector<Storage> columns;
            std::vector<Value> params;
            std::vector<Value> row;
            size_t next = 0, parts = 0, last = first;
            for (; last < formulas.size()
                 && (last == first || (join && parts + formulas[last].parts.size() <= parts_per_statement));
                 ++last)
                for (const auto& part : formulas[last].parts) {
                    if (!join) {
                        auto values_of_part = select_rows(tx.impl(), part.sql, part.columns, part.params).at(0);
                        row.insert(row.end(), values_of_part.begin(), values_of_part.end());
                        continue;
                    }
                    sql += fmt::format("{}({}) AS q{}", sql.empty() ? "SELECT * FROM " : " CROSS JOIN ",
                        renumber(part.sql, next), parts++);
                    columns.insert(columns.end(), part.columns.begin(), part.columns.end());
                    params.insert(params.end(), part.params.begin(), part.params.end());
                }
            if (join)
                row = select_rows(tx.impl(), sql, columns, params).at(0);
            size_t at = 0;
            for (; first < last; ++first) {
                values.push_back(combine(formulas[first].combine, row, at));
                for (const auto& part : formulas[first].parts)
                    at += part.columns.size();
            }
        }
        return values;
    });
}

} // namespace c9
