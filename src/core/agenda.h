// The agenda builder (DESIGN.md section 4). For meeting M of a series, with P the previous held meeting, it turns
// what changed since P (and what is overdue or due before the next meeting) into draft agenda items, each with its
// source rows, a presenter and a timebox. It is a pure function of AgendaInput; the store gathers that input with
// indexed queries on what changed, so the cost follows the volume of change, not the size of the registers.
#pragma once

#include "core/action_item.h"
#include "core/activity.h"
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

struct ControlChange {
    Control control;
    std::string field; // "status" or "applicable"
    std::string before;
    std::string after;
    Timestamp at{};
};

struct RiskChange {
    Risk risk;
    int before = 0; // current score at the previous meeting (0: the risk is new)
    int after = 0;
};

struct CompletedActivity {
    Completion completion;
    std::string title;
    std::optional<Id> owner;
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

    std::vector<ActionItem> open_actions;   // open, raised in earlier meetings of the series
    std::vector<ActionItem> closed_actions; // done or cancelled since P, raised in the series

    std::vector<CompletedActivity> completions; // logged since P
    std::vector<Activity> overdue_activities;
    std::vector<Activity> due_activities; // due from today to the next meeting

    std::vector<ControlChange> control_changes; // since P
    std::vector<Control> reviews_overdue;

    std::vector<Incident> new_incidents;          // detected since P
    std::vector<Incident> closed_without_lessons; // closed since P with no lessons learned

    std::vector<Vulnerability> new_vulnerabilities; // recorded since P
    std::vector<Vulnerability> overdue_vulnerabilities;

    std::vector<Risk> new_risks;
    std::vector<RiskChange> changed_risks; // score changed since P
    std::vector<Risk> above_appetite;      // open, current score above appetite
    std::vector<Risk> reviews_due;         // open, next review before the next meeting
    std::vector<Risk> treatments_overdue;  // open, treatment due date passed

    std::vector<KpiStatus> kpis;

    // Management review only.
    std::vector<Nonconformity> nonconformities; // open, or closed since P
    std::vector<Lesson> lessons;                // recorded since P
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

// Where a new item of the section goes in an agenda: after the last item of that section or an earlier one.
size_t insertion_index(const std::vector<AgendaItem>& items, AgendaSection section);

bool is_edited(const AgendaItem& item, std::string_view field);
void mark_edited(AgendaItem& item, std::string_view field);

} // namespace c9
