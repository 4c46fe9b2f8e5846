// Nonconformities and corrective action (ISO/IEC 27001:2022 10.2): react, find the root cause, act, and check that
// the action was effective before closing.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class NcSource { internal_audit, external_audit, incident, management_review, monitoring, other };
C9_ENUM_NAMES(NcSource, "internal_audit", "external_audit", "incident", "management_review", "monitoring", "other");

enum class NcGrade { major, minor, observation };
C9_ENUM_NAMES(NcGrade, "major", "minor", "observation");

enum class NcStatus { open, in_progress, closed };
C9_ENUM_NAMES(NcStatus, "open", "in_progress", "closed");

struct Nonconformity : Row {
    std::string title;
    std::optional<std::string> description;
    NcSource source = NcSource::internal_audit;
    NcGrade grade = NcGrade::minor;
    std::optional<Id> owner;
    Date identified_on{};
    std::optional<Id> incident;
    std::optional<std::string> root_cause;
    std::optional<std::string> corrective_action;
    std::optional<Date> due;
    NcStatus status = NcStatus::open;
    std::optional<std::string> effectiveness_check;
    std::optional<bool> effective;
    std::optional<Date> closed_on;
};

const EntitySpec<Nonconformity>& nonconformity_spec();
void derive(Nonconformity& row, const Nonconformity* before, const Rules& rules);
void validate(const Nonconformity& row, const Nonconformity* before, const Rules& rules, Problems& problems);

} // namespace c9
