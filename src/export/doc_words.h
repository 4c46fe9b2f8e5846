// The words the meeting documents use for people, enumerations and KPIs, so that every format says the same thing:
// "Minute taker", "Excused", "Risk acceptance", "at least 95% (amber down to 90%)".
#pragma once

#include "core/kpi_status.h"
#include "core/minutes.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace c9 {

std::string person_name(const std::optional<DocPerson>& person); // "not assigned" when empty
std::string_view meeting_type_words(MeetingType type);
std::string_view role_words(AttendeeRole role);
std::string_view presence_words(Presence presence);
std::string_view outcome_words(Outcome outcome);
std::string_view decision_type_words(DecisionType type);
std::string_view action_status_words(ActionStatus status);
std::string_view lesson_category_words(LessonCategory category);

// What the minutes list under an agenda item, as (label, text) in plain words that each format escapes: presenter,
// timebox, sources, the 9.3.2 inputs covered (management reviews), outcome, and the decisions taken and action items
// raised under it when there are any.
std::vector<std::pair<std::string, std::string>> minutes_item_fact_words(const MinutesDoc& doc, const DocItem& item);
// The agenda item a decision or an action item belongs to: its number, or "none".
std::string item_number_words(int number);
// The rows a decision links to: "INC-4, RSK-12", or "none".
std::string linked_rows_words(const DocDecision& decision);

// Whether a decision stands: "Provisional (no quorum)", "Confirms DEC-4" or "Binding".
std::string decision_standing_words(const DocDecision& decision);
// A decision's due date, or "none".
std::string decision_due_words(const DocDecision& decision);
// What a proposal is and what became of it: "Concern", "Declined: duplicate of item 4", "Not answered before the
// meeting started".
std::string_view proposal_kind_words(ProposalKind kind);
std::string proposal_outcome_words(const DocProposal& proposal);

// KPIs as read in a meeting: "92.5%", "at least 95% (amber down to 90%)", "2026-Q1", "Amber", "Improving".
std::string kpi_period_text(const KpiStatus& status);
std::string_view rag_words(std::optional<Rag> rag);
std::string_view trend_words(Trend trend);

} // namespace c9
