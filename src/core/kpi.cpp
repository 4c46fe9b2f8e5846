#include "core/kpi.h"

#include <cmath>
#include <fmt/format.h>

namespace c9 {

const EntitySpec<Kpi>& kpi_spec()
{
    static const EntitySpec<Kpi> spec{
        "kpi",
        "kpis",
        "kpis",
        "KPI",
        "KPI",
        {
            field<&Kpi::name>("name", FieldKind::text, required | listed, "name of the indicator"),
            field<&Kpi::definition>("definition", FieldKind::text, multiline, "what is measured and how (9.1)"),
            field<&Kpi::unit>("unit", FieldKind::text, listed, "unit, e.g. % or days"),
            field<&Kpi::direction>("direction", FieldKind::choice, no_flags, "higher_is_better or lower_is_better"),
            field<&Kpi::target>("target", FieldKind::real, required | listed, "target value"),
            field<&Kpi::amber>("amber", FieldKind::real, listed,
                               "amber threshold: the worst value that is still amber rather than red").labelled("Amber threshold"),
            field<&Kpi::frequency>("frequency", FieldKind::choice, filterable, "monthly, quarterly or yearly"),
            field<&Kpi::formula>("formula", FieldKind::choice, listed | filterable,
                                 "built-in formula computing it from the registers; empty for manual entry"),
            field<&Kpi::owner>("owner", FieldKind::person, filterable, "who reports it (id or email)"),
            field<&Kpi::active>("active", FieldKind::boolean, filterable, "still reported"),
        },
        nullptr,
        nullptr,
        {
            // 9.1: manual KPIs are measured by hand, a value per period.
            {.name = "measure",
                .help = "Enter the value of a manual KPI for a period",
                .log = "measurements",
                .list_name = "values",
                .params = {
                    {"period", FieldKind::text, required, "the month, like 2026-10 (or a date in the period)"},
                    {"value", FieldKind::real, required, "the measured value"},
                    {"note", FieldKind::text, multiline, "remark on the measurement"},
                }},
        },
    };
    return spec;
}

void derive(Kpi&, const Kpi*, const Rules&) {}

void validate(const Kpi& row, const Kpi*, const Rules&, Problems& problems)
{
    if (!std::isfinite(row.target))
        problems.add("target", "must be a number");
    if (row.amber) {
        if (row.direction == Direction::higher_is_better && *row.amber > row.target)
            problems.add("amber", fmt::format("must not be above the target {} when higher is better", row.target));
        if (row.direction == Direction::lower_is_better && *row.amber < row.target)
            problems.add("amber", fmt::format("must not be below the target {} when lower is better", row.target));
    }
}

Rag rag(const Kpi& kpi, double value)
{
    bool higher = kpi.direction == Direction::higher_is_better;
    auto at_least = [&](double threshold) { return higher ? value >= threshold : value <= threshold; };
    if (at_least(kpi.target))
        return Rag::green;
    if (kpi.amber && at_least(*kpi.amber))
        return Rag::amber;
    return Rag::red;
}

Date period_start(Date date, KpiFrequency frequency)
{
    std::chrono::year_month_day ymd(date);
    unsigned month = static_cast<unsigned>(ymd.month());
    switch (frequency) {
    case KpiFrequency::monthly: return month_start(date);
    case KpiFrequency::quarterly:
        return Date(ymd.year() / std::chrono::month((month - 1) / 3 * 3 + 1) / std::chrono::day(1));
    case KpiFrequency::yearly: return Date(ymd.year() / std::chrono::January / std::chrono::day(1));
    }
    return date;
}

std::optional<Date> parse_period(std::string_view text, KpiFrequency frequency)
{
    std::optional<Date> date;
    if (text.size() == 7)
        date = parse_date(std::string(text) + "-01");
    else if (text.size() == 4)
        date = parse_date(std::string(text) + "-01-01");
    else
        date = parse_date(text);
    if (!date)
        return std::nullopt;
    return period_start(*date, frequency);
}

LogEntry log_entry(const Kpi& kpi, const Measurement& measurement)
{
    return {{"period", FieldKind::date, format_date(measurement.period)}, {"value", FieldKind::real, measurement.value},
        {"rag", FieldKind::choice, std::string(to_string(rag(kpi, measurement.value)))},
        {"note", FieldKind::text, to_value(measurement.note)},
        {"recorded_at", FieldKind::timestamp, format_timestamp(measurement.recorded_at)},
        {"recorded_by", FieldKind::text, measurement.recorded_by}};
}

} // namespace c9
