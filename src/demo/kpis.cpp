// The demo's KPIs (ISO/IEC 27001:2022 9.1): the indicators commonly reviewed (reference/isms-domain.md), most
// computed by a built-in formula and three entered by hand. Every KPI gets a measurement per past month: for the
// formula KPIs the value the demo's own registers gave at the time, for the manual ones a realistic trend.
//
// The KPIs exist before the meetings are run, since every agenda reviews them. Two formulas measure the meetings
// themselves (attendance, action items closed on time); their history is written after the meetings, together
// with the other formulas' history once more: a meeting that closes takes a snapshot of the formula KPIs
// (app/kpi_review.h), and in the demo that snapshot is computed from the registers as they are today, not as they
// were that month.
#include "core/kpi.h"
#include "demo/demo.h"
#include "store/measurements.h"
#include "store/typed.h"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace c9::demo {

namespace {

struct KpiTemplate {
    std::string_view name, definition, unit;
    Direction direction;
    double target, amber;
    std::optional<KpiFormula> formula;
    double manual_from = 0, manual_to = 0; // manual KPIs: the trend over the measured months
};

using enum Direction;
using enum KpiFormula;

const std::array<KpiTemplate, 15> templates {{
    {"Vulnerabilities remediated within SLA", "Remediated by the due date / vulnerabilities due in the month.", "%",
        higher_is_better, 95, 85, vulns_remediated_within_sla},
    {"Open critical and high vulnerabilities", "Open critical or high vulnerabilities at the end of the month.",
        "count", lower_is_better, 0, 5, open_critical_high_vulns},
    {"Overdue known-exploited vulnerabilities", "Open KEV-listed vulnerabilities past their due date.", "count",
        lower_is_better, 0, 1, overdue_kev_vulns},
    {"Mean time to remediate", "Mean days from discovery to remediation, for those remediated in the month.", "days",
        lower_is_better, 30, 45, mean_time_to_remediate},
    {"Mean time to detect incidents", "Mean hours from occurrence to detection (MTTD).", "hours", lower_is_better, 24,
        48, incident_mttd},
    {"Mean time to contain incidents", "Mean hours from detection to containment (MTTC).", "hours", lower_is_better, 4,
        8, incident_mttc},
    {"Post-incident reviews done", "High and critical incidents reviewed within 30 days of resolution (5.27).", "%",
        higher_is_better, 100, 90, post_incident_reviews_done},
    {"Action items closed on time", "Done by the due date / action items due in the month.", "%", higher_is_better, 90,
        75, actions_closed_on_time},
    {"Maintenance activities on schedule", "Done by the due date / occurrences due in the month.", "%",
        higher_is_better, 95, 85, maintenance_on_schedule},
    {"Statement of Applicability implemented", "Implemented / applicable Annex A controls.", "%", higher_is_better, 85,
        70, soa_implementation},
    {"Risks above appetite without treatment", "Open risks scored above the appetite with no treatment decided.",
        "count", lower_is_better, 0, 2, risks_above_appetite_untreated},
    {"Meeting attendance", "Attendees present / invited, over the meetings of the month.", "%", higher_is_better, 80,
        70, meeting_attendance},
    {"Security awareness training completion", "Staff who completed the yearly training / all staff (HR report).", "%",
        higher_is_better, 100, 90, std::nullopt, 74, 96},
    {"Phishing simulation click rate", "Recipients who clicked / recipients of the month's simulation.", "%",
        lower_is_better, 5, 10, std::nullopt, 15, 6},
    {"Privileged access reviewed on schedule", "Privileged accounts reviewed this month / privileged accounts.", "%",
        higher_is_better, 100, 95, std::nullopt, 88, 100},
}};

struct Month {
    Date start {};
    Date end {}; // first day of the next month
    Date last() const { return add_days(end, -1); }
    bool contains(Date day) const { return day >= start && day < end; }
    bool contains(Timestamp at) const { return contains(to_date(at)); }
};

double percent(std::int64_t part, std::int64_t whole) { return whole == 0 ? NAN : 100.0 * part / whole; }

double mean(double sum, std::int64_t count) { return count == 0 ? NAN : sum / count; }

double hours(std::chrono::seconds span) { return span.count() / 3600.0; }

bool open_at(const VulnFact& vuln, Date day)
{
    return vuln.discovered <= day && (!vuln.resolved || *vuln.resolved > day);
}

// The formula's value over the demo's own rows, as it would have been computed at the end of the month. NAN when
// the month has nothing to measure.
double compute(KpiFormula formula, const World& world, const Month& month)
{
    std::int64_t part = 0, whole = 0;
    double sum = 0;
    switch (formula) {
    case vulns_remediated_within_sla:
        for (const auto& vuln : world.vulnerabilities)
            if (month.contains(vuln.due) && (vuln.remediated || !vuln.resolved)) {
                ++whole;
                part += vuln.remediated && *vuln.resolved <= vuln.due ? 1 : 0;
            }
        return percent(part, whole);
    case open_critical_high_vulns:
        for (const auto& vuln : world.vulnerabilities)
            part += is_severe(vuln.severity) && open_at(vuln, month.last()) ? 1 : 0;
        return static_cast<double>(part);
    case overdue_kev_vulns:
        for (const auto& vuln : world.vulnerabilities)
            part += vuln.kev && open_at(vuln, month.last()) && vuln.due < month.last() ? 1 : 0;
        return static_cast<double>(part);
    case mean_time_to_remediate:
        for (const auto& vuln : world.vulnerabilities)
            if (vuln.remediated && month.contains(*vuln.resolved)) {
                sum += static_cast<double>(days_between(vuln.discovered, *vuln.resolved));
                ++whole;
            }
        return mean(sum, whole);
    case incident_mttd:
    case incident_mttc:
        for (const auto& incident : world.incidents) {
            auto from = formula == incident_mttd ? incident.occurred : std::optional(incident.detected);
            auto to = formula == incident_mttd ? std::optional(incident.detected) : incident.contained;
            if (month.contains(incident.detected) && from && to) {
                sum += hours(*to - *from);
                ++whole;
            }
        }
        return mean(sum, whole);
    case post_incident_reviews_done:
        for (const auto& incident : world.incidents)
            if (is_severe(incident.severity) && incident.resolved && month.contains(*incident.resolved)) {
                ++whole;
                part += incident.closed && *incident.closed - *incident.resolved <= std::chrono::days(30) ? 1 : 0;
            }
        return percent(part, whole);
    case actions_closed_on_time:
    case maintenance_on_schedule:
        for (const auto& item : formula == actions_closed_on_time ? world.actions : world.completions)
            if (month.contains(item.due)) {
                ++whole;
                part += item.done && *item.done <= item.due ? 1 : 0;
            }
        return percent(part, whole);
    case soa_implementation:
        for (const auto& stages : world.controls) {
            const ControlStage* current = nullptr;
            for (const auto& stage : stages)
                if (to_date(stage.at) <= month.last())
                    current = &stage;
            if (current && current->applicable) {
                ++whole;
                part += current->implemented ? 1 : 0;
            }
        }
        return percent(part, whole);
    case risks_above_appetite_untreated:
        for (const auto& risk : world.risks) {
            const RiskStage* current = nullptr;
            for (const auto& stage : risk.stages)
                if (to_date(stage.at) <= month.last())
                    current = &stage;
            part += current && !current->treated && world.rules.matrix.above_appetite(current->score) ? 1 : 0;
        }
        return static_cast<double>(part);
    case meeting_attendance:
        for (const auto& meeting : world.meetings)
            if (meeting.held && month.contains(meeting.starts)) {
                part += meeting.present;
                whole += meeting.invited;
            }
        return percent(part, whole);
    default:
        return NAN;
    }
}

double round_tenth(double value) { return std::round(value * 10.0) / 10.0; }

// Formulas over what the meetings record: measured once the meetings are run.
bool measures_meetings(KpiFormula formula)
{
    return formula == meeting_attendance || formula == actions_closed_on_time;
}

Month month_back(const World& world, int back)
{
    return {add_months(month_start(world.today), -back), add_months(month_start(world.today), 1 - back)};
}

Measurement monthly_measurement(const World& world, Random& random, const Kpi& kpi, const Month& month, double value)
{
    Measurement measurement;
    measurement.kpi = kpi.id;
    measurement.period = month.start;
    measurement.value = round_tenth(value);
    // Formula values are noted as the meeting cycle's snapshots note them (app/kpi_review.h).
    if (kpi.formula)
        measurement.note = std::string("computed by ") + std::string(to_string(*kpi.formula));
    measurement.recorded_at = world.working_hours(random, add_days(month.end, random.between(1, 4)));
    measurement.recorded_by = world.caller.actor;
    return measurement;
}

} // namespace

Result<void> create_kpis(Tx& tx, World& world)
{
    Random random(world.options.seed, "kpis");
    const auto& spec = kpi_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    int months = 12 * world.options.years;
    for (const auto& pattern : templates) {
        Kpi kpi;
        kpi.name = std::string(pattern.name);
        kpi.definition = std::string(pattern.definition);
        kpi.unit = std::string(pattern.unit);
        kpi.direction = pattern.direction;
        kpi.target = pattern.target;
        kpi.amber = pattern.amber;
        kpi.formula = pattern.formula;
        bool vulnerability_kpi = pattern.name.find("ulnerab") != std::string_view::npos
            || pattern.name.find("remediate") != std::string_view::npos;
        kpi.owner = vulnerability_kpi                                                   ? world.staff.it.front()
            : pattern.name.starts_with("Security awareness") && !world.staff.hr.empty() ? world.staff.hr.front()
                                                                                        : world.staff.iso;
        auto created = world.working_hours(random, add_days(to_date(world.start), random.between(1, 10)));
        kpi.created_at = created;
        C9_TRY(check_generated(spec, kpi, static_cast<const Kpi*>(nullptr), world.at(created)));
        kpi.id = C9_TRY(inserter.insert(values_of(spec, kpi), world.stamp(created)));
        ++world.counts.kpis;

        world.advance(1 + months, "KPIs");
        if (pattern.formula && measures_meetings(*pattern.formula))
            continue;
        double previous = pattern.formula ? NAN : pattern.manual_from;
        for (int back = months; back >= 1; --back) {
            auto month = month_back(world, back);
            double value;
            if (pattern.formula) {
                value = compute(*pattern.formula, world, month);
                if (std::isnan(value))
                    value = std::isnan(previous) ? pattern.target : previous;
            } else {
                double progress = months == 1 ? 1.0 : static_cast<double>(months - back) / (months - 1);
                value = pattern.manual_from + (pattern.manual_to - pattern.manual_from) * progress
                    + random.real(-1.5, 1.5);
                value = std::clamp(value, 0.0, 100.0);
            }
            value = round_tenth(value);
            previous = value;
            auto measurement = monthly_measurement(world, random, kpi, month, value);
            if (!pattern.formula)
                measurement.note = rag(kpi, value) == Rag::red
                    ? std::optional<std::string>("Off target: discussed in the maintenance meeting, follow-up "
                                                 "action raised.")
                    : std::nullopt;
            C9_TRY(upsert_measurement(tx, measurement));
            ++world.counts.measurements;
        }
    }
    return audit_created(tx, world, "kpi",
        fmt::format(
            "demo: created {} KPIs with {} monthly measurements", world.counts.kpis, world.counts.measurements));
}

} // namespace c9::demo

namespace c9::demo {

Result<void> record_kpi_history(Tx& tx, World& world)
{
    Random random(world.options.seed, "kpi history");
    int months = 12 * world.options.years;
    for (const auto& kpi : C9_TRY(all_rows(tx, kpi_spec()))) {
        if (!kpi.formula)
            continue;
        double previous = NAN;
        for (int back = months; back >= 1; --back) {
            auto month = month_back(world, back);
            double value = compute(*kpi.formula, world, month);
            if (std::isnan(value))
                value = std::isnan(previous) ? kpi.target : previous;
            previous = value;
            C9_TRY(upsert_measurement(tx, monthly_measurement(world, random, kpi, month, value)));
            world.counts.measurements += measures_meetings(*kpi.formula) ? 1 : 0;
        }
    }
    return audit_created(tx, world, "kpi",
        fmt::format("demo: recorded the monthly history of the formula KPIs, {} measurements in all",
            world.counts.measurements));
}

} // namespace c9::demo
