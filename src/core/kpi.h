// Key performance indicators (ISO/IEC 27001:2022 9.1, in the ISO/IEC 27004 style: a measure with a target, an
// amber threshold and a RAG status). A KPI is either computed from the registers by a built-in formula or entered
// by hand as measurements.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class Direction { higher_is_better, lower_is_better };
C9_ENUM_NAMES(Direction, "higher_is_better", "lower_is_better");

enum class KpiFrequency { monthly, quarterly, yearly };
C9_ENUM_NAMES(KpiFrequency, "monthly", "quarterly", "yearly");

// Built-in formulas over the registers (see docs/kpis.md).
enum class KpiFormula {
    vulns_remediated_within_sla,
    open_critical_high_vulns,
    overdue_kev_vulns,
    mean_time_to_remediate,
    incident_mttd,
    incident_mttc,
    incident_mttr,
    incidents_in_period,
    severe_incidents_in_period,
    post_incident_reviews_done,
    overdue_corrective_actions,
    actions_closed_on_time,
    maintenance_on_schedule,
    soa_implementation,
    risks_above_appetite_untreated,
    meeting_attendance,
};
C9_ENUM_NAMES(KpiFormula, "vulns_remediated_within_sla", "open_critical_high_vulns", "overdue_kev_vulns",
              "mean_time_to_remediate", "incident_mttd", "incident_mttc", "incident_mttr", "incidents_in_period",
              "severe_incidents_in_period", "post_incident_reviews_done", "overdue_corrective_actions",
              "actions_closed_on_time", "maintenance_on_schedule", "soa_implementation",
              "risks_above_appetite_untreated", "meeting_attendance");

enum class Rag { green, amber, red };
C9_ENUM_NAMES(Rag, "green", "amber", "red");

struct Kpi : Row {
    std::string name;
    std::optional<std::string> definition;
    std::optional<std::string> unit;
    Direction direction = Direction::higher_is_better;
    double target = 0;
    std::optional<double> amber; // the worst value still amber; beyond it the KPI is red
    KpiFrequency frequency = KpiFrequency::monthly;
    std::optional<KpiFormula> formula; // empty: measurements are entered by hand
    std::optional<Id> owner;
    bool active = true;
};

const EntitySpec<Kpi>& kpi_spec();
void derive(Kpi& row, const Kpi* before, const Rules& rules);
void validate(const Kpi& row, const Kpi* before, const Rules& rules, Problems& problems);

Rag rag(const Kpi& kpi, double value);

struct Measurement {
    Id id = 0;
    Id kpi = 0;
    Date period{}; // first day of the period measured
    double value = 0;
    std::optional<std::string> note;
    Timestamp recorded_at{};
    std::string recorded_by;
};

// A measurement as a log entry: period, value, rag, note, recorded_at, recorded_by.
LogEntry log_entry(const Kpi& kpi, const Measurement& measurement);

// A period for a manual measurement: "2026-10" or a date inside it, normalised to the period's first day.
std::optional<Date> parse_period(std::string_view text, KpiFrequency frequency);
Date period_start(Date date, KpiFrequency frequency);

} // namespace c9
