// Action items: one global tracker. Meetings, incidents, risks and nonconformities raise action items and refer to
// them; nothing copies them. An action stays on every following agenda of its meeting series until it is done or
// cancelled (ISO/IEC 27001:2022 9.3.2 a: status of actions from previous management reviews).
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class ActionStatus { open, in_progress, done, cancelled };
C9_ENUM_NAMES(ActionStatus, "open", "in_progress", "done", "cancelled");

enum class OriginType { meeting, incident, risk, nonconformity, vulnerability, control, activity, lesson, audit, other };
C9_ENUM_NAMES(OriginType, "meeting", "incident", "risk", "nonconformity", "vulnerability", "control", "activity",
              "lesson", "audit", "other");

struct ActionItem : Row {
    std::string title;
    std::optional<std::string> description;
    std::optional<Id> owner;
    Date due{};
    ActionStatus status = ActionStatus::open;
    std::optional<Id> meeting;     // meeting that raised it
    std::optional<Id> series;      // that meeting's series: the meetings that follow it up
    std::optional<Id> agenda_item; // agenda item it was raised under
    std::optional<OriginType> origin_type;
    std::optional<Id> origin_id; // the incident, risk, ... it comes from
    std::optional<std::string> progress;
    std::optional<Timestamp> completed_at;
};

const EntitySpec<ActionItem>& action_spec();
void derive(ActionItem& row, const ActionItem* before, const Rules& rules);
void validate(const ActionItem& row, const ActionItem* before, const Rules& rules, Problems& problems);

bool is_open(ActionStatus status);
bool is_overdue(const ActionItem& action, Date today);
// Done by its due date (the whole due day counts).
bool closed_on_time(const ActionItem& action);

} // namespace c9
