#include "core/severity.h"

namespace c9 {

Severity severity_from_cvss(double score)
{
    // Scores carry one decimal; compare on tenths so 3.95 typed by hand does not fall between bands.
    int tenths = static_cast<int>(score * 10.0 + 0.5);
    if (tenths <= 0)
        return Severity::none;
    if (tenths < 40)
        return Severity::low;
    if (tenths < 70)
        return Severity::medium;
    if (tenths < 90)
        return Severity::high;
    return Severity::critical;
}

std::optional<int> SlaPolicy::days(Severity severity) const
{
    switch (severity) {
    case Severity::critical: return critical_days;
    case Severity::high: return high_days;
    case Severity::medium: return medium_days;
    case Severity::low: return low_days;
    case Severity::none: return std::nullopt;
    }
    return std::nullopt;
}

std::optional<Date> SlaPolicy::due(Severity severity, Date discovered) const
{
    auto allowed = days(severity);
    if (!allowed)
        return std::nullopt;
    return add_days(discovered, *allowed);
}

} // namespace c9
