// What an agenda and the minutes of a meeting say, assembled from the record, independent of any format. The
// renderers in export/ turn these into Markdown, HTML, JSON and iCalendar. The Markdown of approved minutes is
// sealed with its SHA-256 (ISO/IEC 27001:2022 7.5.3: documented information protected from alteration; 9.3.3:
// the results of management reviews retained as evidence).
#pragma once

#include "core/action_item.h"
#include "core/kpi_status.h"
#include "core/lesson.h"
#include "core/meeting.h"

#include <optional>
#include <string>
#include <vector>

namespace c9 {

struct DocPerson {
    Id id = 0;
    std::string name;
    std::string email;
};

struct DocMeeting {
    Id id = 0;
    std::string ref; // MTG-12
    std::string title;
    std::string series;
    MeetingType type = MeetingType::maintenance;
    MeetingState state = MeetingState::planned;
    Timestamp starts_at{};
    int duration_minutes = 60;
    std::string location;
    std::optional<Timestamp> started_at;
    std::optional<Timestamp> ended_at;
    std::optional<DocPerson> chair;
    std::optional<DocPerson> minute_taker;
};

struct DocAttendee {
    DocPerson person;
    AttendeeRole role = AttendeeRole::member;
    Presence presence = Presence::invited;
};

struct DocItem {
    Id id = 0;
    int number = 0; // 1-based position among the items shown
    AgendaSection section = AgendaSection::other_business;
    std::string title;
    std::optional<DocPerson> presenter;
    int timebox_minutes = 0;
    std::vector<std::string> sources; // "INC-4"
    std::string covers;               // management review inputs
    std::string notes;
    std::optional<Outcome> outcome;
    bool manual = false; // added by the chair rather than generated
};

struct DocDecision {
    std::string ref; // DEC-3
    std::string text;
    std::string rationale;
    DecisionType type = DecisionType::other;
    std::string links;
    int item_number = 0; // 0: not tied to an item
    std::optional<DocPerson> owner;
    std::optional<Date> due;
    bool provisional = false; // taken without quorum, awaiting confirmation
    std::string confirms;     // the provisional decision it confirms: "DEC-4"
};

// A proposal that did not reach the agenda: declined by the chair (with the reason), or never answered before the
// meeting started.
struct DocProposal {
    std::string ref; // PRP-2
    std::string title;
    ProposalKind kind = ProposalKind::concern;
    std::optional<DocPerson> proposed_by;
    ProposalStatus status = ProposalStatus::declined;
    std::string reason;
};

struct DocAction {
    std::string ref; // ACT-103
    std::string title;
    std::optional<DocPerson> owner;
    Date due{};
    ActionStatus status = ActionStatus::open;
    int item_number = 0;
};

struct DocLesson {
    std::string ref; // LL-4
    std::string title;
    LessonCategory category = LessonCategory::process;
    std::string improvement;
};

struct DocCoverage {
    std::string code;  // "d1"
    std::string title; // the input's short wording
    std::vector<int> items; // numbers of the items covering it
};

struct DocApproval {
    Timestamp approved_at{};
    std::optional<DocPerson> approved_by;
    std::string sha256;     // of the minutes Markdown body
    std::string audit_head; // audit trail head hash at approval
};

struct AgendaDoc {
    DocMeeting meeting;
    std::vector<DocAttendee> attendees;
    std::vector<DocItem> items; // in order, removed items left out
    int total_minutes = 0;
    bool over_time = false; // the timeboxes add up to more than the meeting's duration
    std::vector<DocCoverage> coverage; // management reviews only
    std::vector<KpiStatus> kpis;
};

struct MinutesDoc {
    AgendaDoc agenda;
    std::optional<int> quorum; // attendees needed
    int present = 0;
    std::vector<DocDecision> decisions;
    std::vector<DocAction> actions; // raised in this meeting
    std::vector<DocLesson> lessons;
    std::vector<DocProposal> proposals_not_taken;
    std::string uncovered_reason;
    std::optional<DocApproval> approval;

    bool quorum_reached() const { return !quorum || present >= *quorum; }
};

// The items of a document grouped by section, in the order of the AgendaSection enum, each group in document order.
struct SectionItems {
    AgendaSection section;
    std::vector<const DocItem*> items;
};
std::vector<SectionItems> items_by_section(const std::vector<DocItem>& items);

// Management reviews only: the coverage rows of clause 9.3.2 (empty for other meeting types).
const std::vector<DocCoverage>& review_coverage_of(const AgendaDoc& doc);
bool has_uncovered_input(const AgendaDoc& doc);

// What the minutes say about one agenda item beyond the item itself, worked out from the rest of the record once
// here so that every format states the same facts.
struct MinutesItemFacts {
    std::vector<std::string> covers;    // the 9.3.2 inputs it covers, for a management review (else empty)
    std::vector<std::string> decisions; // refs of the decisions taken under it, in the order of the minutes
    std::vector<std::string> actions;   // refs of the action items raised under it, in the order of the minutes
};
MinutesItemFacts minutes_item_facts(const MinutesDoc& doc, const DocItem& item);

// The rows a decision links to, one ref each: the links are typed as "INC-4, RSK-12".
std::vector<std::string> linked_refs(const DocDecision& decision);

// The quorum sentence of the minutes, in words every format shares: "Quorum: reached: 6 present, 5 required."
struct QuorumStatement {
    std::string label; // "Quorum:" or "Quorum: NOT reached:", shown strong
    std::string text;
    bool warning = false; // not reached
};

inline QuorumStatement quorum_statement(const MinutesDoc& doc)
{
    std::string present = std::to_string(doc.present) + " present";
    if (!doc.quorum)
        return {"Quorum:", "none required; " + present + "."};
    std::string counts = present + ", " + std::to_string(*doc.quorum) + " required.";
    if (doc.quorum_reached())
        return {"Quorum:", "reached: " + counts};
    if (!doc.decisions.empty())
        counts += " The decisions below are provisional: they were taken without the required quorum and come back "
                  "to the next meeting of the series for confirmation.";
    return {"Quorum: NOT reached:", counts, true};
}

} // namespace c9
