// A KPI as it is reviewed: its value for the period, RAG status against target and amber threshold, and the trend
// against the period before (ISO/IEC 27001:2022 9.1 e: when results are analysed and evaluated).
#pragma once

#include "core/kpi.h"

#include <optional>
#include <string>

namespace c9 {

enum class Trend { improving, stable, worsening, unknown };
C9_ENUM_NAMES(Trend, "improving", "stable", "worsening", "unknown");

struct KpiStatus {
    Kpi kpi;
    Date period{}; // first day of the period the value belongs to
    std::optional<double> value;
    std::optional<double> previous; // value of the period before
    std::optional<Rag> rag;         // empty when there is no value
    Trend trend = Trend::unknown;

    bool off_target() const { return rag && *rag != Rag::green; }
};

// Compares with the previous value in the KPI's direction; changes within 1% of the target count as stable.
Trend trend_of(const Kpi& kpi, std::optional<double> previous, std::optional<double> current);

KpiStatus kpi_status(const Kpi& kpi, Date period, std::optional<double> value, std::optional<double> previous);

// The period before the one starting at `period`.
Date previous_period(Date period, KpiFrequency frequency);
// The period after the one starting at `period`.
Date next_period(Date period, KpiFrequency frequency);

// How a KPI's figures read wherever they are shown (agenda titles, the KPI table, minutes): at most two decimals,
// the unit after a space, "%" right after the number. "92.59%", "5 count", "80.81 days".
std::string format_number(double value);
std::string kpi_figure(double value, const std::optional<std::string>& unit);
std::string kpi_value_text(const KpiStatus& status); // the figure, or "no value"
std::string kpi_target_text(const Kpi& kpi);         // "at least 95% (amber down to 90%)"

} // namespace c9
