// Information security incidents with their timeline, impact on confidentiality, integrity and availability, and
// the post-incident review that control 5.27 (learning from information security incidents) asks for.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"
#include "core/severity.h"

namespace c9 {

enum class IncidentCategory {
    malware,
    phishing,
    unauthorized_access,
    data_breach,
    denial_of_service,
    loss_or_theft,
    misconfiguration,
    policy_violation,
    supplier,
    other
};
C9_ENUM_NAMES(IncidentCategory, "malware", "phishing", "unauthorized_access", "data_breach", "denial_of_service",
              "loss_or_theft", "misconfiguration", "policy_violation", "supplier", "other");

enum class IncidentStatus { open, contained, resolved, closed };
C9_ENUM_NAMES(IncidentStatus, "open", "contained", "resolved", "closed");

enum class CiaImpact { none, low, medium, high };
C9_ENUM_NAMES(CiaImpact, "none", "low", "medium", "high");

enum class Effectiveness { effective, partially_effective, ineffective };
C9_ENUM_NAMES(Effectiveness, "effective", "partially_effective", "ineffective");

struct Incident : Row {
    std::string title;
    std::optional<std::string> description;
    Severity severity = Severity::medium;
    IncidentCategory category = IncidentCategory::other;
    IncidentStatus status = IncidentStatus::open; // follows the timeline
    std::optional<Id> owner;
    std::optional<Timestamp> occurred_at;
    Timestamp detected_at{};
    std::optional<Timestamp> contained_at;
    std::optional<Timestamp> resolved_at;
    std::optional<Timestamp> closed_at;
    std::optional<std::string> affected_assets;
    std::optional<Id> asset; // the asset chiefly hit, from the inventory
    std::optional<CiaImpact> impact_confidentiality;
    std::optional<CiaImpact> impact_integrity;
    std::optional<CiaImpact> impact_availability;
    std::optional<std::string> response;
    std::optional<std::string> root_cause;
    std::optional<Effectiveness> response_effectiveness;
    std::optional<std::string> lessons_learned;
    std::string controls;
};

const EntitySpec<Incident>& incident_spec();
void derive(Incident& row, const Incident* before, const Rules& rules);
void validate(const Incident& row, const Incident* before, const Rules& rules, Problems& problems);

bool is_severe(Severity severity);

// Mean-time figures of one incident, in seconds; empty when a timestamp is missing.
std::optional<long> time_to_detect(const Incident& incident);
std::optional<long> time_to_contain(const Incident& incident);
std::optional<long> time_to_resolve(const Incident& incident);

} // namespace c9
