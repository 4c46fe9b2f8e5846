// Severity shared by incidents and vulnerabilities, and the CVSS bands and remediation SLAs of vulnerabilities.
#pragma once

#include "core/enum_names.h"
#include "core/time.h"

#include <optional>

namespace c9 {

enum class Severity { none, low, medium, high, critical };
C9_ENUM_NAMES(Severity, "none", "low", "medium", "high", "critical");

// CVSS v3/v4 qualitative bands: none 0.0, low 0.1-3.9, medium 4.0-6.9, high 7.0-8.9, critical 9.0-10.0.
Severity severity_from_cvss(double score);

// Days allowed to remediate a vulnerability of each severity; configurable, defaults as commonly used.
struct SlaPolicy {
    int critical_days = 15;
    int high_days = 30;
    int medium_days = 90;
    int low_days = 180;

    // No SLA for severity none (informational findings).
    std::optional<int> days(Severity severity) const;
    std::optional<Date> due(Severity severity, Date discovered) const;
};

} // namespace c9
