#include "core/kpi_status.h"

#include "core/text.h"

#include <cmath>
#include <fmt/format.h>

namespace c9 {

Trend trend_of(const Kpi& kpi, std::optional<double> previous, std::optional<double> current)
{
    if (!previous || !current)
        return Trend::unknown;
    double delta = *current - *previous;
    double tolerance = std::max(std::abs(kpi.target) * 0.01, 1e-9);
    if (std::abs(delta) <= tolerance)
        return Trend::stable;
    bool better = kpi.direction == Direction::higher_is_better ? delta > 0 : delta < 0;
    return better ? Trend::improving : Trend::worsening;
}

KpiStatus kpi_status(const Kpi& kpi, Date period, std::optional<double> value, std::optional<double> previous)
{
    KpiStatus status;
    status.kpi = kpi;
    status.period = period;
    status.value = value;
    status.previous = previous;
    if (value)
        status.rag = rag(kpi, *value);
    status.trend = trend_of(kpi, previous, value);
    return status;
}

namespace {

int months_of(KpiFrequency frequency)
{
    switch (frequency) {
    case KpiFrequency::monthly: return 1;
    case KpiFrequency::quarterly: return 3;
    case KpiFrequency::yearly: return 12;
    }
    return 1;
}

} // namespace

Date previous_period(Date period, KpiFrequency frequency) { return add_months(period, -months_of(frequency)); }

Date next_period(Date period, KpiFrequency frequency) { return add_months(period, months_of(frequency)); }

std::string format_number(double value)
{
    if (!std::isfinite(value))
        return "n/a";
    std::string text = fmt::format("{:.2f}", value);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    return text;
}

std::string kpi_figure(double value, const std::optional<std::string>& unit)
{
    std::string text = format_number(value);
    if (!unit)
        return text;
    // A unit is one short word: line breaks and other control characters read as spaces.
    std::string clean;
    for (unsigned char c : *unit)
        clean += c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
    clean = trim(clean);
    if (clean.empty())
        return text;
    return clean == "%" ? text + clean : text + " " + clean;
}

std::string kpi_value_text(const KpiStatus& status)
{
    return status.value ? kpi_figure(*status.value, status.kpi.unit) : "no value";
}

std::string kpi_target_text(const Kpi& kpi)
{
    bool higher = kpi.direction == Direction::higher_is_better;
    std::string text = (higher ? "at least " : "at most ") + kpi_figure(kpi.target, kpi.unit);
    if (kpi.amber)
        text += (higher ? " (amber down to " : " (amber up to ") + kpi_figure(*kpi.amber, kpi.unit) + ")";
    return text;
}

} // namespace c9
