#include "core/kpi_status.h"

#include <cmath>

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

} // namespace c9
