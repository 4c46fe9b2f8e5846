// The agenda builder (DESIGN.md section 4). For meeting M of a series, with P the previous held meeting, it turns
// what changed since P (and what is overdue or due before the next meeting) into draft agenda items, each with its
// source rows, a presenter and a timebox. It is a pure function of AgendaInput; the store gathers that input with
// indexed queries on what changed, so the cost follows the volume of change, not the size of the registers.
#pragma once

#include "core/action_item.h"
#include "core/activity.h"
#include "core/context.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi_status.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"

#include <map>
#include <string>
#include <vector>

namespace c9 {

// An item the builder proposes. `key` identifies it across regenerations ("incidents.severe:INC-7").
struct AgendaDraft {
    std::string key;
    AgendaSection section = AgendaSection::other_business;
    std::string title;
    std::optional<Id> presenter;
    int timebox_minutes = 5;
    std::vector<std::string> sources;
    std::string covers;
};

// The first rows of a set, in the order the agenda lists them, and the size of the whole set. An agenda names a
// handful of rows one by one and counts the rest; the full lists are a click or a `list` command away.
template <class T>
struct Sample {
    std::vector<T> rows;
    std::int64_t total = 0;

    bool empty() const { return total == 0; }
};

using SeverityCounts = std::map<Severity, std::int64_t>;

struct ControlChange {
    Control control;
    std::string field; // "status" or "applicable"
    std::string before;
    std::string after;
    Timestamp at{};
};

struct RiskChange {
    Risk risk;
    int before = 0; // current score at the previous meeting
    int after = 0;
};

struct CompletedActivity {
    Completion completion;
    std::string title;
    std::optional<Id> owner;
};

struct OwnerLoad {
    Id owner = 0;
    std::int64_t open = 0;
    std::int64_t overdue = 0;
    std::vector<Id> actions; // the owner's open items, overdue first
};

struct AgendaInput {
    MeetingType type = MeetingType::maintenance;
    Timestamp now{};
    // The previous held meeting of the series: changes after its start are new. Empty for the first meeting.
    std::optional<Meeting> previous;
    Date next_meeting{}; // date of the meeting after this one: "due before the next meeting"
    std::optional<Id> chair;
    RiskMatrix matrix;
    std::map<IsmsRole, Id> role_holders; // first active holder of each ISMS role

    // Raised in earlier meetings of the series: open ones (overdue first), the owners carrying most of them, and
    // those closed since P.
    Sample<ActionItem> open_actions;
    std::int64_t overdue_actions = 0;
    std::vector<OwnerLoad> action_owners;
    Sample<ActionItem> closed_actions;

    // Logged since P: how many, how many late, those with findings; the activities they belong to.
    std::int64_t completions = 0;
    std::int64_t late_completions = 0;
    Sample<CompletedActivity> findings;
    std::vector<Id> completed_activities;
    Sample<Activity> overdue_activities;
    Sample<Activity> due_activities; // due from today to the next meeting

    std::vector<ControlChange> control_changes; // since P
    std::vector<Control> reviews_overdue;

    SeverityCounts new_incidents;            // detected since P, by severity
    Sample<Incident> severe_incidents;       // high and critical among them, critical first
    Sample<Incident> routine_incidents;      // the others
    Sample<Incident> closed_without_lessons; // closed since P with no lessons learned

    SeverityCounts new_vulnerabilities; // recorded since P
    Sample<Vulnerability> new_vulnerability_rows;
    Sample<Vulnerability> known_exploited; // open and listed as known exploited, earliest due first
    std::map<Id, std::string> asset_names; // of the assets the known-exploited ones are on
    SeverityCounts overdue_vulnerabilities;    // open past their due date, known-exploited ones excluded
    Sample<Vulnerability> overdue_vulnerability_rows;

    Sample<Risk> new_risks;
    std::vector<RiskChange> risen; // score rose since P, largest rise first
    std::int64_t risen_total = 0;
    Sample<Id> lowered;            // score fell since P
    Sample<Risk> above_appetite;   // open, current score above appetite, highest first
    Sample<Risk> reviews_due;      // open, next review before the next meeting
    Sample<Risk> treatments_overdue;

    std::vector<KpiStatus> kpis;

    // Maintenance meetings: vulnerabilities accepted as risk since P, incidents open longer than
    // `long_open_days`, and nonconformities (10.2): new since P, corrective action overdue, effectiveness to check.
    Sample<Vulnerability> accepted_vulnerabilities;
    Sample<Incident> long_open_incidents;
    int long_open_days = 30;
    Sample<Nonconformity> new_nonconformities;
    Sample<Nonconformity> overdue_corrective_actions;
    Sample<Nonconformity> effectiveness_due; // corrective action taken, effectiveness not yet confirmed

    // Decisions of earlier meetings of the series taken without quorum and not yet confirmed by one with quorum.
    std::vector<Decision> unconfirmed_decisions;

    // Management review only.
    Sample<Nonconformity> nonconformities; // open, or changed since P
    Sample<Nonconformity> audit_findings;  // those from internal and external audits
    Sample<Lesson> lessons;                // recorded since P
    Sample<ContextIssue> context_changes; // created or changed since P (4.1)
    Sample<InterestedParty> party_changes; // created or changed since P (4.2)
    Sample<Feedback> feedback; // recorded since P
};

Timestamp changes_since(const AgendaInput& input);

std::vector<AgendaDraft> build_agenda(const AgendaInput& input);

// Which sections a meeting of this type has.
bool has_section(MeetingType type, AgendaSection section);

// Results of merging a fresh build into the stored agenda.
struct AgendaMerge {
    std::vector<AgendaItem> items; // the agenda in order; id 0 for items to insert; positions renumbered 1..n
    std::vector<Id> removed;       // stale generated items to delete
};

// Regeneration keeps the chair's work: manual items stay; items the chair removed stay removed; fields the chair
// edited (AgendaItem::edited) keep the chair's value; order is kept and new findings go to the end of their
// section; generated items that are no longer found are dropped unless the chair edited them or took notes.
AgendaMerge merge_agenda(Id meeting, const std::vector<AgendaItem>& existing, const std::vector<AgendaDraft>& drafts);

// Where a new item of the section goes in an agenda: after the last shown item of that section or an earlier one.
size_t insertion_index(const std::vector<AgendaItem>& items, AgendaSection section);

// Generated timeboxes fit the meeting: when they and the chair's own (items added by hand, timeboxes edited) add up
// to more than `duration_minutes`, the generated ones are scaled down to the time left, one minute at least. The
// chair's timeboxes are never changed; an agenda still over its duration is flagged where it is shown.
void fit_timeboxes(std::vector<AgendaItem>& items, int duration_minutes);

// The order an agenda is shown, stored and numbered in: the shown items in their sections' fixed order (keeping the
// chair's order inside each section), then the removed ones. Positions become 1..n, so a shown item's position is
// the number the agenda, the invitation and the minutes print and that `--item N` names.
void order_agenda(std::vector<AgendaItem>& items);

// The numbers an item of `section` can move to in an agenda of shown items (the item itself left out): a move
// stays inside its section, so numbers never run out of order under the section headings.
struct SectionRange {
    int first = 1;
    int last = 1;
};
SectionRange section_range(const std::vector<AgendaItem>& shown_without_item, AgendaSection section);

bool is_edited(const AgendaItem& item, std::string_view field);
void mark_edited(AgendaItem& item, std::string_view field);

} // namespace c9
