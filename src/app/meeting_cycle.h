// The meeting cycle as use cases (DESIGN.md section 2): plan, start, record attendance, notes, decisions, action
// items and lessons, close, approve and verify. Each function takes the rows as a person names them (MTG-3, SER-1,
// PER-2 or an email), owns its transaction and applies the access rules; the steps it is made of are in
// app/meetings.h and app/meeting_docs.h.
#pragma once

#include "app/registers.h"

#include "app/meeting_docs.h"
#include "app/meetings.h"

#include <string_view>

namespace c9 {

// How an agenda item is named: by the number the agenda shows (CLI: `--item 4`) or by its id (API paths); AI-17
// names an item by id either way. An item of another meeting, or none, is not found.
enum class ItemNumbering { shown, id };
struct ItemRef {
    std::string text;
    ItemNumbering numbering = ItemNumbering::shown;
};

Result<Meeting> find_meeting(Tx& tx, std::string_view ref);
Result<AgendaItem> find_agenda_item(Tx& tx, Id meeting, const ItemRef& item);

Result<Meeting> plan_meeting(
    Store& store, std::string_view series_ref, std::optional<Timestamp> starts_at, const Caller& caller);
Result<Meeting> start_meeting(Store& store, std::string_view meeting_ref, const Caller& caller);
Result<Meeting> close_meeting(
    Store& store, std::string_view meeting_ref, std::optional<std::string> uncovered_reason, const Caller& caller);
// 9.3.3, 7.5.3: renders, hashes and seals the minutes. Without `approver` the caller's own person approves.
Result<Meeting> approve_meeting(Store& store, std::string_view meeting_ref, std::optional<std::string> approver,
    const Caller& caller, const MinutesRenderers& renderers);
Result<SealCheck> verify_minutes(Store& store, std::string_view meeting_ref);

// Attendance of one or more people (PER-2, 2 or an email), with the role and presence given; what is not given
// stays as recorded (a person not yet recorded is an invited member).
struct AttendanceChange {
    std::vector<std::string> people;
    std::optional<AttendeeRole> role;
    std::optional<Presence> presence;
};
Result<std::vector<Attendance>> record_attendance(
    Store& store, std::string_view meeting_ref, const AttendanceChange& change, const Caller& caller);

// The notes and outcome of an agenda item; at least one of them. Notes not given stay as they are; given, they
// replace the item's notes, or with NoteMode::append are added to them as a new paragraph. With
// `expected_version` (the item's version the writer started from) notes someone else saved meanwhile are not
// overwritten: the write is refused as stale, and the writer merges the two texts and saves again.
enum class NoteMode { replace, append };
Result<AgendaItem> record_note(Store& store, std::string_view meeting_ref, const ItemRef& item,
    std::optional<std::string> notes, std::optional<Outcome> outcome, const Caller& caller,
    NoteMode mode = NoteMode::replace, std::optional<std::int64_t> expected_version = std::nullopt);

// A live meeting (issue: the whole room follows the meeting). While the meeting is in progress its chair or minute
// taker, or an account that manages meetings, says which agenda item the room is on; every attendee's view follows.
Result<Meeting> set_current_item(Store& store, std::string_view meeting_ref, const ItemRef& item, const Caller& caller);

// What a live view shows, read in one snapshot: the meeting, its agenda with each item's notes and version, and
// the minutes as they stand (decisions, actions, lessons, attendance).
struct LiveMeeting {
    Meeting meeting;
    AgendaDoc agenda;
    std::vector<AgendaItem> items; // stored items in order, for their versions
    MinutesDoc minutes;
};
// The meeting a caller may follow live: any meeting the caller may read. Returns its id.
Result<Id> watchable_meeting(Store& store, std::string_view meeting_ref, const Caller& caller);
Result<LiveMeeting> live_meeting(Store& store, Id meeting, const Caller& caller);
// The version of everything stored (store/audit_log.h data_version): unchanged means no live view needs redrawing.
Result<std::int64_t> stored_data_version(Store& store);

// What recording a decision, an action or a lesson in a meeting takes: the register's own fields but the meeting
// and the agenda item (the command names them) and what the system sets; an action's `due` is optional, the next
// meeting of the series by default, and its origin is the row its agenda item is about.
std::vector<ParamSpec> decision_params();
std::vector<ParamSpec> action_params();
std::vector<ParamSpec> lesson_params();

// A decision, action item or lesson recorded in the meeting, under the agenda item `item` names if any (else the
// agenda_item field of the row, by id).
Result<Decision> record_decision(Store& store, std::string_view meeting_ref, std::optional<ItemRef> item,
    Patch fields, const Caller& caller);
Result<ActionItem> raise_action(Store& store, std::string_view meeting_ref, std::optional<ItemRef> item,
    Patch fields, const Caller& caller);
Result<Lesson> record_lesson(Store& store, std::string_view meeting_ref, std::optional<ItemRef> item,
    Patch fields, const Caller& caller);

// Decisions across meetings (the decision log): of one series, owned by one person, taken since a date, only the
// provisional ones; in the order they were taken. Each with its meeting.
struct DecisionQuery {
    std::string series;
    std::string owner;
    std::string since; // YYYY-MM-DD
    bool provisional_only = false;
};
struct DecisionEntry {
    Decision decision;
    Meeting meeting;
};
struct DecisionLog {
    std::vector<DecisionEntry> entries;
    PersonNames names;
};
Result<DecisionLog> list_decisions(Store& store, const DecisionQuery& query, const Caller& caller);

// Standing members of a series: who `meeting plan` invites to each of its meetings, with their roles. Changing
// them leaves meetings already planned or held as they are.
struct StandingMembers {
    MeetingSeries series;
    std::vector<SeriesMember> members; // by person id
    PersonNames names;
};
Result<StandingMembers> list_series_members(Store& store, std::string_view series_ref, const Caller& caller);
// Adds the person, or changes the role of a member. Roles: member (the default), chair, minute_taker; a guest is
// invited to one meeting, not a standing member. One chair: the series' own chair, when it names one.
Result<SeriesMember> add_series_member(Store& store, std::string_view series_ref, std::string_view person_ref,
    std::optional<AttendeeRole> role, const Caller& caller);
Result<SeriesMember> remove_series_member(
    Store& store, std::string_view series_ref, std::string_view person_ref, const Caller& caller);

} // namespace c9
