// Meeting series, meetings, attendance, agenda items and decisions: the records of the ISMS meeting cycle
// (DESIGN.md section 2). The rules of the cycle itself live in meeting_rules.h and agenda.h.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/review_inputs.h"
#include "core/rules.h"

namespace c9 {

enum class MeetingType { maintenance, management_review, incident_review, risk_review };
C9_ENUM_NAMES(MeetingType, "maintenance", "management_review", "incident_review", "risk_review");

enum class MeetingState { planned, in_progress, held, approved, cancelled };
C9_ENUM_NAMES(MeetingState, "planned", "in_progress", "held", "approved", "cancelled");

enum class AttendeeRole { chair, minute_taker, member, guest };
C9_ENUM_NAMES(AttendeeRole, "chair", "minute_taker", "member", "guest");

enum class Presence { invited, present, absent, excused };
C9_ENUM_NAMES(Presence, "invited", "present", "absent", "excused");

enum class AgendaSection {
    opening,
    actions,
    maintenance,
    controls,
    incidents,
    vulnerabilities,
    risks,
    nonconformities,
    kpis,
    management_review,
    other_business
};
C9_ENUM_NAMES(AgendaSection, "opening", "actions", "maintenance", "controls", "incidents", "vulnerabilities", "risks",
              "nonconformities", "kpis", "management_review", "other_business");

enum class Outcome { information, decision, action };
C9_ENUM_NAMES(Outcome, "information", "decision", "action");

enum class DecisionType { risk_acceptance, resource, policy_change, improvement, other };
C9_ENUM_NAMES(DecisionType, "risk_acceptance", "resource", "policy_change", "improvement", "other");

// What an attendee proposes for the agenda: a concern to raise, a suggestion (a solution), or an update to give.
enum class ProposalKind { concern, suggestion, update };
C9_ENUM_NAMES(ProposalKind, "concern", "suggestion", "update");

enum class ProposalStatus { open, accepted, declined };
C9_ENUM_NAMES(ProposalStatus, "open", "accepted", "declined");

struct MeetingSeries : Row {
    std::string name;
    MeetingType type = MeetingType::maintenance;
    std::string cadence; // RRULE
    int duration_minutes = 60;
    std::optional<std::string> location;
    std::optional<Id> chair;
    std::optional<Id> minute_taker;
    std::optional<int> quorum; // attendees present needed for decisions
    bool active = true;
    std::string approvers; // people who approve the minutes when set ("PER-2, PER-7"); else chair or attendees
};

struct Meeting : Row {
    Id series = 0;
    std::string title;
    Timestamp starts_at{};
    int duration_minutes = 60;
    std::optional<std::string> location;
    MeetingState state = MeetingState::planned;
    std::optional<Timestamp> started_at;
    std::optional<Timestamp> ended_at;
    std::optional<Timestamp> approved_at;
    std::optional<Id> approved_by;
    std::optional<std::string> minutes_hash;
    std::optional<std::string> audit_head;
    std::optional<std::string> uncovered_reason; // management review: why an input of 9.3.2 was not covered
    std::optional<std::string> cancel_reason;    // why a planned meeting was cancelled
    std::optional<Id> current_item; // in progress: the agenda item the room is on
};

struct Attendance {
    Id meeting = 0;
    Id person = 0;
    AttendeeRole role = AttendeeRole::member;
    Presence presence = Presence::invited;
};

struct SeriesMember {
    Id series = 0;
    Id person = 0;
    AttendeeRole role = AttendeeRole::member;
};

struct AgendaItem : Row {
    Id meeting = 0;
    int position = 0;
    AgendaSection section = AgendaSection::other_business;
    std::string title;
    std::optional<Id> presenter;
    int timebox_minutes = 5;
    std::string sources;            // rows the item is about: "INC-4, RSK-12"
    std::string covers;             // management review inputs of 9.3.2 it covers: "a, d2"
    std::optional<std::string> key; // set on generated items; regeneration matches on it
    bool removed = false;           // removed by the chair; regeneration does not bring it back
    std::string edited;             // fields the chair changed by hand: "title, presenter"
    std::optional<std::string> notes;
    std::optional<Outcome> outcome;
};

struct Decision : Row {
    Id meeting = 0;
    std::optional<Id> agenda_item;
    std::string text;
    std::optional<std::string> rationale;
    DecisionType type = DecisionType::other;
    std::string links; // rows the decision is about: "RSK-12"
    std::optional<Id> owner; // who is accountable for carrying it out
    std::optional<Date> due;
    // Taken by a meeting without quorum: it stands once a later meeting of the series with quorum confirms it.
    bool provisional = false;
    std::optional<Id> confirms; // the provisional decision this one confirms
};

// An agenda item an attendee proposes before the meeting; the chair accepts it into a section (it becomes an item
// the chair added, which regeneration keeps) or declines it with a reason the minutes list.
struct Proposal : Row {
    Id meeting = 0;
    std::string title;
    ProposalKind kind = ProposalKind::concern;
    std::optional<std::string> detail;
    std::string sources; // rows it is about: "RSK-4"
    Id proposed_by = 0;
    ProposalStatus status = ProposalStatus::open;
    std::optional<std::string> reason; // why it was declined
    std::optional<Id> agenda_item;     // the item it became
    std::optional<Id> decided_by;      // who accepted or declined it
};

const EntitySpec<MeetingSeries>& series_spec();
void derive(MeetingSeries& row, const MeetingSeries* before, const Rules& rules);
void validate(const MeetingSeries& row, const MeetingSeries* before, const Rules& rules, Problems& problems);

const EntitySpec<Proposal>& proposal_spec();
void derive(Proposal& row, const Proposal* before, const Rules& rules);
void validate(const Proposal& row, const Proposal* before, const Rules& rules, Problems& problems);

const EntitySpec<Meeting>& meeting_spec();
void derive(Meeting& row, const Meeting* before, const Rules& rules);
void validate(const Meeting& row, const Meeting* before, const Rules& rules, Problems& problems);

const EntitySpec<AgendaItem>& agenda_item_spec();
void derive(AgendaItem& row, const AgendaItem* before, const Rules& rules);
void validate(const AgendaItem& row, const AgendaItem* before, const Rules& rules, Problems& problems);

const EntitySpec<Decision>& decision_spec();
void derive(Decision& row, const Decision* before, const Rules& rules);
void validate(const Decision& row, const Decision* before, const Rules& rules, Problems& problems);

std::string_view section_title(AgendaSection section);

// The agenda's items shown, as clause 9.3.2 coverage sees them: labelled with the number shown, discussed when
// notes were taken or an outcome recorded.
std::vector<CoveredItem> covered_items(const std::vector<AgendaItem>& agenda);

// Who may approve a meeting's minutes (7.5.3 and 9.3.3: the record is confirmed by someone who was there): the
// meeting's chair (the series' chair when the meeting names none) or an attendee marked present, and only a person
// still active. A series that names its approvers has them approve, and nobody else. Returns why `person` may not, or nothing when they may.
std::optional<std::string> approval_refusal(
    Id person, bool active, const std::vector<Attendance>& attendance, const MeetingSeries& series);

// Whether enough attendees are present for the meeting to decide (no quorum set: always).
bool quorum_reached(const MeetingSeries& series, const std::vector<Attendance>& attendance);

// The people a list of references names ("PER-2, PER-7"); nothing when it names anything else.
std::optional<std::vector<Id>> people_of(std::string_view refs);

// Normalises a list of row references ("inc-4 RSK-12") to "INC-4, RSK-12"; fails on an unknown prefix.
Result<std::string> normalize_refs(std::string_view text);

} // namespace c9
