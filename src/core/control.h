// Annex A controls with the Statement of Applicability answers (ISO/IEC 27001:2022 6.1.3 d): whether each control
// is applicable, why (inclusions and exclusions both need a justification), and how far it is implemented.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class Theme { organizational, people, physical, technological };
C9_ENUM_NAMES(Theme, "Organizational", "People", "Physical", "Technological");

enum class ImplementationStatus { not_started, planned, partial, implemented };
C9_ENUM_NAMES(ImplementationStatus, "not_started", "planned", "partial", "implemented");

struct Control : Row {
    std::string code; // "5.1": the public id of a control
    std::string title;
    Theme theme = Theme::organizational;
    bool new_in_2022 = false;
    std::optional<std::string> replaces_2013;
    std::optional<bool> applicable; // empty until the SoA question is answered
    std::optional<std::string> justification;
    ImplementationStatus status = ImplementationStatus::not_started;
    std::optional<Id> owner;
    std::optional<Date> last_review;
    std::optional<Date> next_review;
};

const EntitySpec<Control>& control_spec();
void derive(Control& row, const Control* before, const Rules& rules);
void validate(const Control& row, const Control* before, const Rules& rules, Problems& problems);

} // namespace c9
