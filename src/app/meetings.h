// The meeting cycle (DESIGN.md section 2): plan, build the agenda, start, record, close, approve. Every function
// runs inside the caller's write transaction and refuses what the meeting's state does not allow:
//   planned     -> agenda may be built, regenerated and edited; attendance may be recorded
//   in_progress -> the agenda is frozen; attendance, notes, decisions, actions and lessons are recorded
//   held        -> the record may still be corrected before approval
//   approved    -> sealed: every change is refused
#pragma once

#include "app/caller.h"
#include "core/action_item.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/patch.h"
#include "store/store.h"

namespace c9 {

struct MeetingRecord {
    Meeting meeting;
    MeetingSeries series;
    std::vector<Attendance> attendance;
    std::vector<AgendaItem> agenda; // in order, including items the chair removed
    std::vector<Decision> decisions;
    std::vector<ActionItem> actions; // raised in this meeting
    std::vector<Lesson> lessons;     // recorded in this meeting
    std::vector<Proposal> proposals; // proposed for its agenda, in the order they came
};

Result<MeetingRecord> load_meeting(Tx& tx, Id meeting);

// Plans the next meeting of a series: start from the cadence after the last meeting (or the given time), default
// duration and place, the series' members invited with their roles.
Result<Meeting> plan_meeting(Tx& tx, Id series, std::optional<Timestamp> starts_at, const Caller& caller);

// The next planned meeting: the earliest planned meeting starting from today on, of the series if given. Not
// found when there is none; showing an agenda never plans a meeting.
Result<Meeting> next_planned_meeting(Tx& tx, std::optional<Id> series, const Caller& caller);

// Builds the agenda of a planned meeting, or merges fresh findings into it (keeping the chair's edits).
Result<std::vector<AgendaItem>> build_meeting_agenda(Tx& tx, Id meeting, const Caller& caller);

// The chair's agenda edits; each is recorded in the item's `edited` fields so regeneration keeps it.
Result<AgendaItem> add_agenda_item(Tx& tx, Id meeting, const Patch& fields, const Caller& caller);
Result<AgendaItem> edit_agenda_item(Tx& tx, Id item, const Patch& fields, const Caller& caller);
Result<AgendaItem> remove_agenda_item(Tx& tx, Id item, const Caller& caller);
// Moves an item to the number `position` among the items shown; a move stays inside the item's section.
Result<std::vector<AgendaItem>> move_agenda_item(Tx& tx, Id item, int position, const Caller& caller);
// Puts the shown items in the given order (the others are removed ones, after them). The order must keep the
// sections' fixed order; the first item out of place is refused as `items[i].section`.
Result<std::vector<AgendaItem>> order_agenda_items(Tx& tx, Id meeting, const std::vector<Id>& shown, const Caller& caller);

Result<Meeting> start_meeting(Tx& tx, Id meeting, const Caller& caller);

struct AttendanceInput {
    Id person = 0;
    std::optional<AttendeeRole> role;
    std::optional<Presence> presence;
};
Result<Attendance> record_attendance(Tx& tx, Id meeting, const AttendanceInput& input, const Caller& caller);

// Notes and outcome of an agenda item, taken during the meeting (or corrected before approval).
Result<AgendaItem> record_note(Tx& tx, Id item, std::string notes, std::optional<Outcome> outcome,
                               const Caller& caller);

// The agenda item the room is on, while the meeting is in progress (a removed item is refused).
Result<Meeting> set_current_item(Tx& tx, Id meeting, Id item, const Caller& caller);

Result<Decision> record_decision(Tx& tx, Id meeting, Patch fields, const Caller& caller);
// An action item raised in the meeting; its due date defaults to the next meeting of the series, and an action
// raised under an agenda item inherits the item's first source row as its origin.
Result<ActionItem> raise_action(Tx& tx, Id meeting, Patch fields, const Caller& caller);
Result<Lesson> record_lesson(Tx& tx, Id meeting, Patch fields, const Caller& caller);

// Ends the meeting. A management review with a 9.3.2 input no item covers needs a recorded reason.
Result<Meeting> close_meeting(Tx& tx, Id meeting, std::optional<std::string> uncovered_reason, const Caller& caller);

// Refuses changes to a sealed meeting (locked) and to a frozen agenda (conflict).
Result<void> ensure_record_open(const Meeting& meeting);

// Decisions and quorum (issue: a meeting without quorum decides as if it had one). A decision taken while the meeting
// lacks quorum is provisional; closing the meeting, and a change of attendance after it, settles every decision of the
// meeting by the quorum as it then stands. A provisional decision comes back on the agenda of the series' following
// meetings until a decision of a later meeting confirms it (`confirms`) with quorum.
Result<void> check_confirmable(Tx& tx, const Decision& original, const Meeting& meeting);
Result<void> settle_provisional(Tx& tx, Id meeting, const Caller& caller);
// The provisional decisions of the series' meetings before `meeting` that no decision with quorum has confirmed.
Result<std::vector<Decision>> unconfirmed_decisions(Tx& tx, const Meeting& meeting);
Result<void> ensure_agenda_editable(const Meeting& meeting);

} // namespace c9
