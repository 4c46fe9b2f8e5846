#include "core/incident.h"

namespace c9 {

const EntitySpec<Incident>& incident_spec()
{
    static const EntitySpec<Incident> spec {
        "incident",
        "incidents",
        "incidents",
        "INC",
        "Incident",
        {
            field<&Incident::title>("title", FieldKind::text, required | listed, "short description"),
            field<&Incident::description>("description", FieldKind::text, multiline, "what happened"),
            field<&Incident::severity>(
                "severity", FieldKind::choice, required | listed | filterable, "low, medium, high or critical"),
            field<&Incident::category>("category", FieldKind::choice, listed | filterable, "kind of incident"),
            field<&Incident::status>("status", FieldKind::choice, read_only | listed | filterable,
                "open, contained, resolved or closed (follows the timeline)"),
            field<&Incident::owner>("owner", FieldKind::person, listed | filterable, "incident handler (id or email)")
                .labelled("Handler"),
            field<&Incident::occurred_at>("occurred_at", FieldKind::timestamp, no_flags, "when it started (UTC)")
                .labelled("Occurred"),
            field<&Incident::detected_at>(
                "detected_at", FieldKind::timestamp, required | listed, "when it was detected (UTC)")
                .labelled("Detected"),
            field<&Incident::contained_at>("contained_at", FieldKind::timestamp, no_flags, "when it was contained")
                .labelled("Contained"),
            field<&Incident::resolved_at>("resolved_at", FieldKind::timestamp, no_flags, "when it was resolved")
                .labelled("Resolved"),
            field<&Incident::closed_at>("closed_at", FieldKind::timestamp, no_flags, "when the review was closed")
                .labelled("Closed"),
            field<&Incident::affected_assets>("affected_assets", FieldKind::text, no_flags, "systems and data hit"),
            field<&Incident::asset>("asset", FieldKind::reference, filterable,
                "the asset chiefly hit, from the inventory (AST-3)", "asset"),
            field<&Incident::impact_confidentiality>(
                "impact_confidentiality", FieldKind::choice, no_flags, "none, low, medium or high")
                .labelled("Impact on confidentiality"),
            field<&Incident::impact_integrity>(
                "impact_integrity", FieldKind::choice, no_flags, "none, low, medium or high")
                .labelled("Impact on integrity"),
            field<&Incident::impact_availability>(
                "impact_availability", FieldKind::choice, no_flags, "none, low, medium or high")
                .labelled("Impact on availability"),
            field<&Incident::response>("response", FieldKind::text, multiline, "what was done"),
            field<&Incident::root_cause>("root_cause", FieldKind::text, multiline, "why it happened"),
            field<&Incident::response_effectiveness>(
                "response_effectiveness", FieldKind::choice, no_flags, "effective, partially_effective or ineffective"),
            field<&Incident::lessons_learned>(
                "lessons_learned", FieldKind::text, multiline, "what the organisation learned (control 5.27)"),
            field<&Incident::controls>("controls", FieldKind::controls, filterable, "Annex A controls involved"),
        },
        [] { return std::vector<Filter> {where("status", FilterOp::ne, std::string("closed"))}; },
        nullptr,
        {
            // Control 5.27: the review that closes an incident records its root cause and what was learned.
            {.name = "close",
                .help = "Close an incident after its review (high and critical need root cause and lessons learned)",
                .fields = {"root_cause", "lessons_learned", "response_effectiveness", "resolved_at"},
                .state = "status",
                .to = {"closed"},
                .from = {"open", "contained", "resolved"},
                .stamp =
                    [](Incident& row, Timestamp now) {
                        if (!row.closed_at)
                            row.closed_at = now;
                    }},
        },
    };
    return spec;
}

void derive(Incident& row, const Incident*, const Rules&)
{
    // Closing an incident that was never marked resolved resolves it at the same moment.
    if (row.closed_at && !row.resolved_at)
        row.resolved_at = row.closed_at;
    if (row.closed_at)
        row.status = IncidentStatus::closed;
    else if (row.resolved_at)
        row.status = IncidentStatus::resolved;
    else if (row.contained_at)
        row.status = IncidentStatus::contained;
    else
        row.status = IncidentStatus::open;
}

bool is_severe(Severity severity) { return severity == Severity::high || severity == Severity::critical; }

void validate(const Incident& row, const Incident*, const Rules& rules, Problems& problems)
{
    if (row.severity == Severity::none)
        problems.add("severity", "must be low, medium, high or critical");
    // A little slack for clocks that are a minute apart.
    auto latest = rules.now + std::chrono::minutes(5);
    auto check_future = [&](const char* name, std::optional<Timestamp> at) {
        if (at && *at > latest)
            problems.add(name, "cannot be in the future");
    };
    check_future("occurred_at", row.occurred_at);
    check_future("detected_at", row.detected_at);
    check_future("contained_at", row.contained_at);
    check_future("resolved_at", row.resolved_at);
    check_future("closed_at", row.closed_at);

    // The timeline runs occurred <= detected <= contained <= resolved <= closed.
    if (row.occurred_at && *row.occurred_at > row.detected_at)
        problems.add("occurred_at", "cannot be after detected_at");
    if (row.contained_at && *row.contained_at < row.detected_at)
        problems.add("contained_at", "cannot be before detected_at");
    if (row.resolved_at && *row.resolved_at < row.detected_at)
        problems.add("resolved_at", "cannot be before detected_at");
    if (row.resolved_at && row.contained_at && *row.resolved_at < *row.contained_at)
        problems.add("resolved_at", "cannot be before contained_at");
    if (row.closed_at && row.resolved_at && *row.closed_at < *row.resolved_at)
        problems.add("closed_at", "cannot be before resolved_at");

    // Control 5.27: knowledge gained from incidents is used to strengthen controls. A severe incident is not closed
    // before its root cause and lessons are written down.
    if (row.closed_at && is_severe(row.severity)) {
        if (!row.lessons_learned || row.lessons_learned->empty())
            problems.add("lessons_learned", "is required to close a high or critical incident (control 5.27)");
        if (!row.root_cause || row.root_cause->empty())
            problems.add("root_cause", "is required to close a high or critical incident");
    }
}

namespace {

std::optional<long> seconds_between(std::optional<Timestamp> from, std::optional<Timestamp> to)
{
    if (!from || !to)
        return std::nullopt;
    return static_cast<long>((*to - *from).count());
}

} // namespace

std::optional<long> time_to_detect(const Incident& incident)
{
    return seconds_between(incident.occurred_at, incident.detected_at);
}

std::optional<long> time_to_contain(const Incident& incident)
{
    return seconds_between(incident.detected_at, incident.contained_at);
}

std::optional<long> time_to_resolve(const Incident& incident)
{
    return seconds_between(incident.detected_at, incident.resolved_at);
}

} // namespace c9
