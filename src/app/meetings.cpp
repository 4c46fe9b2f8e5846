#include "app/meetings.h"

#include "app/agenda_input.h"
#include "app/kpi_review.h"
#include "app/registers.h"
#include "core/agenda.h"
#include "core/recurrence.h"
#include "core/review_inputs.h"
#include "store/meeting_records.h"

namespace c9 {

Result<void> ensure_record_open(const Meeting& meeting)
{
    if (meeting.state == MeetingState::approved)
        return Error::locked(fmt::format("{} is approved: its record is sealed and cannot change",
                                         display_id("MTG", meeting.id)));
    if (meeting.state == MeetingState::cancelled)
        return Error::conflict(
            fmt::format("{} is cancelled; plan another meeting instead", display_id("MTG", meeting.id)));
    return {};
}

Result<void> ensure_agenda_editable(const Meeting& meeting)
{
    C9_TRY(ensure_record_open(meeting));
    if (meeting.state != MeetingState::planned)
        return Error::conflict(fmt::format("the agenda of {} is frozen: the meeting has started",
                                           display_id("MTG", meeting.id)));
    return {};
}

Result<MeetingRecord> load_meeting(Tx& tx, Id id)
{
    MeetingRecord record;
    record.meeting = C9_TRY(get_row(tx, meeting_spec(), id));
    record.series = C9_TRY(get_row(tx, series_spec(), record.meeting.series));
    record.attendance = C9_TRY(attendance_of(tx, id));
    ListQuery items;
    items.filters = {where("meeting", FilterOp::eq, id)};
    items.sort = "position";
    record.agenda = C9_TRY(list_rows(tx, agenda_item_spec(), items)).rows;
    record.decisions = C9_TRY(all_rows(tx, decision_spec(), {where("meeting", FilterOp::eq, id)}));
    record.actions = C9_TRY(all_rows(tx, action_spec(), {where("meeting", FilterOp::eq, id)}));
    record.lessons = C9_TRY(all_rows(tx, lesson_spec(), {where("meeting", FilterOp::eq, id)}));
    record.proposals = C9_TRY(all_rows(tx, proposal_spec(), {where("meeting", FilterOp::eq, id)}));
    return record;
}

Result<Meeting> plan_meeting(Tx& tx, Id series_id, std::optional<Timestamp> starts_at, const Caller& caller)
{
    auto series = C9_TRY(get_row(tx, series_spec(), series_id));
    if (!series.active)
        return Error::invalid("series", fmt::format("{} is no longer active", display_id("SER", series_id)));
    if (!starts_at) {
        // The cadence after the latest meeting of the series, at the same time of day; else tomorrow at 09:00 UTC.
        ListQuery latest;
        latest.filters = {where("series", FilterOp::eq, series_id)};
        latest.sort = "starts_at";
        latest.descending = true;
        latest.limit = 1;
        auto page = C9_TRY(list_rows(tx, meeting_spec(), latest));
        if (!page.rows.empty()) {
            // The next date of the cadence still ahead: a series that paused skips the dates it missed.
            auto last = page.rows.front().starts_at;
            auto time_of_day = last - start_of(to_date(last));
            auto cadence = Recurrence::parse(series.cadence).value_or(Recurrence{});
            auto day = cadence.next(to_date(last));
            for (int step = 0; step < 1000 && start_of(day) + time_of_day < caller.now; ++step)
                day = cadence.next(day);
            starts_at = start_of(day) + time_of_day;
        } else {
            starts_at = start_of(add_days(to_date(caller.now), 1)) + std::chrono::hours(9);
        }
    }
    // One meeting of a series runs at a time: the next is planned once the running one is closed.
    ListQuery running;
    running.filters = {where("series", FilterOp::eq, series_id),
        where("state", FilterOp::eq, std::string(to_string(MeetingState::in_progress)))};
    running.limit = 1;
    auto in_progress = C9_TRY(list_rows(tx, meeting_spec(), running));
    if (!in_progress.rows.empty())
        return Error::conflict(fmt::format("{} is in progress; close it before planning the next meeting of {}",
            display_id("MTG", in_progress.rows.front().id), display_id("SER", series_id)));
    auto clash = C9_TRY(tx.count(table_of(meeting_spec()), {where("series", FilterOp::eq, series_id),
                                                            where("state", FilterOp::ne, std::string("cancelled")),
                                                            where("starts_at", FilterOp::eq, format_timestamp(*starts_at))}));
    if (clash > 0)
        return Error::conflict(fmt::format("{} already has a meeting at {}", display_id("SER", series_id),
                                           format_timestamp(*starts_at)));
    Patch fields{{"series", series_id},
                 {"title", fmt::format("{} {}", series.name, format_date(to_date(*starts_at)))},
                 {"starts_at", format_timestamp(*starts_at)},
                 {"duration_minutes", std::int64_t{series.duration_minutes}}};
    if (series.location)
        fields.push_back({"location", *series.location});
    auto meeting = C9_TRY(create_in(tx, meeting_spec(), fields, caller));

    // Invite the series' members with their roles; the series' chair and minute taker take those roles.
    std::map<Id, AttendeeRole> invited;
    for (const auto& member : C9_TRY(series_members(tx, series_id)))
        invited[member.person] = member.role;
    if (series.chair)
        invited[*series.chair] = AttendeeRole::chair;
    if (series.minute_taker && series.minute_taker != series.chair)
        invited[*series.minute_taker] = AttendeeRole::minute_taker;
    for (const auto& [person, role] : invited)
        C9_TRY(set_attendance(tx, {meeting.id, person, role, Presence::invited}));
    return meeting;
}

Result<Meeting> next_planned_meeting(Tx& tx, std::optional<Id> series, const Caller& caller)
{
    ListQuery planned;
    planned.filters = {where("state", FilterOp::eq, std::string("planned")),
                       where("starts_at", FilterOp::ge, format_timestamp(start_of(to_date(caller.now))))};
    if (series)
        planned.filters.push_back(where("series", FilterOp::eq, *series));
    planned.sort = "starts_at";
    planned.limit = 1;
    auto page = C9_TRY(list_rows(tx, meeting_spec(), planned));
    if (!page.rows.empty())
        return page.rows.front();
    return Error::not_found(fmt::format("no meeting{} is planned from today on; plan one with `clause9 meeting plan "
                                        "--series {}`",
        series ? " of " + display_id("SER", *series) : std::string(), series ? display_id("SER", *series) : "SER-1"));
}

Result<Meeting> start_meeting(Tx& tx, Id id, const Caller& caller)
{
    auto meeting = C9_TRY(get_row(tx, meeting_spec(), id));
    C9_TRY(ensure_record_open(meeting));
    if (meeting.state != MeetingState::planned)
        return Error::conflict(fmt::format("{} cannot start: it is {}", display_id("MTG", id), to_string(meeting.state)));
    // The agenda is built one last time and then frozen.
    C9_TRY(build_meeting_agenda(tx, id, caller));
    auto started = meeting;
    started.state = MeetingState::in_progress;
    started.started_at = caller.now;
    return write_changes(tx, meeting_spec(), meeting, started, caller, "start");
}

Result<Meeting> close_meeting(Tx& tx, Id id, std::optional<std::string> uncovered_reason, const Caller& caller)
{
    auto record = C9_TRY(load_meeting(tx, id));
    auto& meeting = record.meeting;
    C9_TRY(ensure_record_open(meeting));
    if (meeting.state == MeetingState::planned)
        return Error::conflict(fmt::format("{} cannot close: it is planned; start it first", display_id("MTG", id)));
    if (meeting.state != MeetingState::in_progress)
        return Error::conflict(fmt::format("{} is already closed: it is {}", display_id("MTG", id),
                                           to_string(meeting.state)));
    auto closed = meeting;
    if (uncovered_reason && !uncovered_reason->empty())
        closed.uncovered_reason = uncovered_reason;
    // 9.3.2: a management review considers every input, and 9.3.3 wants its results as evidence: an input counts
    // when an item covering it was discussed (notes or an outcome); one left out needs a recorded reason.
    if (record.series.type == MeetingType::management_review) {
        auto uncovered = uncovered_inputs(review_coverage(covered_items(record.agenda), Coverage::discussed));
        if (!uncovered.empty() && (!closed.uncovered_reason || closed.uncovered_reason->empty())) {
            std::string list;
            for (const auto& code : uncovered)
                list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", code, find_review_input(code)->title);
            return Error::invalid("uncovered_reason",
                                  fmt::format("clause 9.3.2 inputs not discussed: {}; record notes or an outcome on "
                                              "an item covering each, or record why they were not considered",
                                              list));
        }
    }
    // The minutes say who was there: anyone still marked invited when the meeting closes did not come.
    std::vector<std::string> absent;
    for (auto attendance : record.attendance)
        if (attendance.presence == Presence::invited) {
            attendance.presence = Presence::absent;
            C9_TRY(set_attendance(tx, attendance));
            absent.push_back(display_id("PER", attendance.person));
        }
    if (!absent.empty())
        C9_TRY(tx.audit({.at = caller.now,
                         .actor = caller.actor,
                         .action = "attend",
                         .entity = "meeting",
                         .entity_id = id,
                         .summary = fmt::format("{} closed with {} still invited, recorded as absent: {}",
                             display_id("MTG", id), absent.size(), fmt::join(absent, ", "))}));
    // The record says whether it could decide: without quorum its decisions are provisional.
    C9_TRY(settle_provisional(tx, id, caller));
    closed.state = MeetingState::held;
    closed.ended_at = caller.now;
    auto rules = C9_TRY(load_rules(tx, caller.now));
    C9_TRY(snapshot_kpis(tx, C9_TRY(review_kpis(tx, rules)), caller));
    return write_changes(tx, meeting_spec(), meeting, closed, caller, "close");
}

} // namespace c9
