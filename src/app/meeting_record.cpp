// What is recorded during a meeting: attendance, notes, decisions, action items and lessons learned.
#include "app/agenda_input.h"
#include "app/meetings.h"
#include "app/registers.h"
#include "core/registry.h"
#include "store/meeting_records.h"

#include <algorithm>
#include <map>

namespace c9 {

namespace {

// The record can be written while the meeting runs and corrected until the minutes are approved.
Result<Meeting> recordable_meeting(Tx& tx, Id meeting_id)
{
    auto meeting = C9_TRY(get_row(tx, meeting_spec(), meeting_id));
    C9_TRY(ensure_record_open(meeting));
    if (meeting.state == MeetingState::planned)
        return Error::conflict(fmt::format("{} has not started; start it before recording what happens in it",
                                           display_id("MTG", meeting_id)));
    return meeting;
}

bool patch_has(const Patch& patch, std::string_view field)
{
    return std::any_of(patch.begin(), patch.end(), [&](const FieldInput& input) { return input.field == field; });
}

// An agenda item given with a record must belong to the meeting.
Result<std::optional<AgendaItem>> item_of_meeting(Tx& tx, const Patch& patch, Id meeting_id)
{
    for (const auto& input : patch) {
        if (input.field != "agenda_item" || is_null(input.value))
            continue;
        const auto* id = std::get_if<std::int64_t>(&input.value);
        if (!id)
            return Error::invalid("agenda_item", "must be an agenda item id");
        auto item = get_row(tx, agenda_item_spec(), *id);
        if (!item || item->meeting != meeting_id)
            return Error::invalid("agenda_item", fmt::format("{} is not an item of {}", display_id("AI", *id),
                                                             display_id("MTG", meeting_id)));
        return std::optional<AgendaItem>(*item);
    }
    return std::optional<AgendaItem>{};
}

std::optional<OriginType> origin_of_prefix(std::string_view prefix)
{
    if (prefix == "INC")
        return OriginType::incident;
    if (prefix == "RSK")
        return OriginType::risk;
    if (prefix == "NC")
        return OriginType::nonconformity;
    if (prefix == "VUL")
        return OriginType::vulnerability;
    if (prefix == "CTL")
        return OriginType::control;
    if (prefix == "MNT")
        return OriginType::activity;
    if (prefix == "LL")
        return OriginType::lesson;
    return std::nullopt;
}

} // namespace

Result<Attendance> record_attendance(Tx& tx, Id meeting_id, const AttendanceInput& input, const Caller& caller)
{
    auto meeting = C9_TRY(get_row(tx, meeting_spec(), meeting_id));
    C9_TRY(ensure_record_open(meeting));
    if (!C9_TRY(tx.exists("people", input.person)))
        return Error::invalid("person", fmt::format("no person has the id {}", input.person));
    auto current = C9_TRY(attendance_of(tx, meeting_id));
    Attendance attendance{meeting_id, input.person, AttendeeRole::member, Presence::invited};
    for (const auto& existing : current)
        if (existing.person == input.person)
            attendance = existing;
    if (input.role)
        attendance.role = *input.role;
    if (input.presence)
        attendance.presence = *input.presence;
    if (attendance.presence == Presence::present && meeting.state == MeetingState::planned &&
        caller.now < meeting.starts_at - std::chrono::hours(1))
        return Error::invalid("presence", "cannot be present at a meeting that has not started; invite or excuse");
    // One chair and one minute taker: handing a role over demotes the previous holder to member.
    if (attendance.role == AttendeeRole::chair || attendance.role == AttendeeRole::minute_taker)
        for (auto other : current)
            if (other.person != input.person && other.role == attendance.role) {
                other.role = AttendeeRole::member;
                C9_TRY(set_attendance(tx, other));
            }
    C9_TRY(set_attendance(tx, attendance));
    if (meeting.state == MeetingState::held)
        C9_TRY(settle_provisional(tx, meeting_id, caller));
    C9_TRY(tx.audit({.at = caller.now,
                     .actor = caller.actor,
                     .action = "attend",
                     .entity = "meeting",
                     .entity_id = meeting_id,
                     .summary = fmt::format("{} at {}: {}, {}", display_id("PER", input.person),
                                            display_id("MTG", meeting_id), to_string(attendance.role),
                                            to_string(attendance.presence))}));
    return attendance;
}

Result<AgendaItem> record_note(Tx& tx, Id item_id, std::string notes, std::optional<Outcome> outcome,
                               const Caller& caller)
{
    const auto& spec = agenda_item_spec();
    auto before = C9_TRY(get_row(tx, spec, item_id));
    C9_TRY(recordable_meeting(tx, before.meeting));
    if (before.removed)
        return Error::invalid("item", fmt::format("{} was removed from the agenda", display_id("AI", item_id)));
    auto item = before;
    item.notes = notes.empty() ? std::nullopt : std::optional(std::move(notes));
    if (outcome)
        item.outcome = outcome;
    return write_changes(tx, spec, before, item, caller, "note");
}

Result<Meeting> set_current_item(Tx& tx, Id meeting_id, Id item_id, const Caller& caller)
{
    auto before = C9_TRY(get_row(tx, meeting_spec(), meeting_id));
    if (before.state != MeetingState::in_progress)
        return Error::conflict(fmt::format("{} is {}; the current item is followed while the meeting is in progress",
            display_id("MTG", meeting_id), to_string(before.state)));
    auto item = C9_TRY(get_row(tx, agenda_item_spec(), item_id));
    if (item.meeting != meeting_id)
        return Error::not_found(
            fmt::format("{} is not on the agenda of {}", display_id("AI", item_id), display_id("MTG", meeting_id)));
    if (item.removed)
        return Error::invalid("item", fmt::format("{} was removed from the agenda", display_id("AI", item_id)));
    if (before.current_item == item_id)
        return before;
    auto meeting = before;
    meeting.current_item = item_id;
    return write_changes(tx, meeting_spec(), before, meeting, caller, "current item");
}

Result<Decision> record_decision(Tx& tx, Id meeting_id, Patch fields, const Caller& caller)
{
    auto meeting = C9_TRY(recordable_meeting(tx, meeting_id));
    auto item = C9_TRY(item_of_meeting(tx, fields, meeting_id));
    if (patch_has(fields, "meeting"))
        return Error::invalid("meeting", "is the meeting the decision is recorded in");
    fields.push_back({"meeting", meeting_id});
    if (item && !patch_has(fields, "links") && !item->sources.empty())
        fields.push_back({"links", item->sources});
    // Confirming a provisional decision: what is not said again is taken from it.
    auto confirms = std::find_if(fields.begin(), fields.end(),
        [](const FieldInput& input) { return input.field == "confirms" && !is_null(input.value); });
    if (confirms != fields.end()) {
        Problems problems;
        auto resolved = C9_TRY(resolve_references(tx, decision_spec(), Patch {*confirms}, problems));
        C9_TRY(problems.result());
        const auto* id = std::get_if<std::int64_t>(&resolved.front().value);
        if (!id)
            return Error::invalid("confirms", "must name a decision: DEC-n");
        auto original = C9_TRY(get_row(tx, decision_spec(), *id));
        C9_TRY(check_confirmable(tx, original, meeting));
        Patch taken;
        if (!patch_has(fields, "text"))
            taken.push_back({"text", "Confirmed: " + original.text});
        if (!patch_has(fields, "type"))
            taken.push_back({"type", std::string(to_string(original.type))});
        if (!patch_has(fields, "links"))
            taken.push_back({"links", original.links});
        if (!patch_has(fields, "owner") && original.owner)
            taken.push_back({"owner", *original.owner});
        if (!patch_has(fields, "due") && original.due)
            taken.push_back({"due", format_date(*original.due)});
        fields.insert(fields.end(), taken.begin(), taken.end());
    }
    auto decision = C9_TRY(create_in(tx, decision_spec(), fields, caller));
    // Taken while the meeting lacks quorum, it is provisional; closing the meeting settles it for good.
    auto series = C9_TRY(get_row(tx, series_spec(), meeting.series));
    if (!quorum_reached(series, C9_TRY(attendance_of(tx, meeting_id)))) {
        auto provisional = decision;
        provisional.provisional = true;
        decision = C9_TRY(write_changes(tx, decision_spec(), decision, provisional, caller, "provisional"));
    }
    return decision;
}

Result<void> check_confirmable(Tx& tx, const Decision& original, const Meeting& meeting)
{
    auto ref = display_id("DEC", original.id);
    if (!original.provisional)
        return Error::invalid("confirms", fmt::format("{} is not provisional: it was taken with quorum", ref));
    auto of = C9_TRY(get_row(tx, meeting_spec(), original.meeting));
    if (of.series != meeting.series || of.id == meeting.id || of.starts_at >= meeting.starts_at)
        return Error::invalid("confirms",
            fmt::format(
                "{} was taken in {}: a later meeting of the same series confirms it", ref, display_id("MTG", of.id)));
    for (const auto& other : C9_TRY(all_rows(tx, decision_spec(), {where("confirms", FilterOp::eq, original.id)})))
        if (!other.provisional && other.meeting != meeting.id)
            return Error::invalid(
                "confirms", fmt::format("{} was already confirmed by {}", ref, display_id("DEC", other.id)));
    return {};
}

Result<void> settle_provisional(Tx& tx, Id meeting_id, const Caller& caller)
{
    auto meeting = C9_TRY(get_row(tx, meeting_spec(), meeting_id));
    auto series = C9_TRY(get_row(tx, series_spec(), meeting.series));
    bool provisional = !quorum_reached(series, C9_TRY(attendance_of(tx, meeting_id)));
    for (const auto& decision : C9_TRY(all_rows(tx, decision_spec(), {where("meeting", FilterOp::eq, meeting_id)}))) {
        if (decision.provisional == provisional)
            continue;
        auto settled = decision;
        settled.provisional = provisional;
        C9_TRY(write_changes(tx, decision_spec(), decision, settled, caller, provisional ? "provisional" : "binding"));
    }
    return {};
}

Result<std::vector<Decision>> unconfirmed_decisions(Tx& tx, const Meeting& meeting)
{
    std::vector<Decision> open;
    std::map<Id, bool> earlier_in_series;
    for (const auto& decision :
        C9_TRY(all_rows(tx, decision_spec(), {where("provisional", FilterOp::eq, std::int64_t {1})}))) {
        auto known = earlier_in_series.find(decision.meeting);
        if (known == earlier_in_series.end()) {
            auto of = C9_TRY(get_row(tx, meeting_spec(), decision.meeting));
            bool earlier = of.series == meeting.series && of.id != meeting.id && of.starts_at < meeting.starts_at
                && (of.state == MeetingState::held || of.state == MeetingState::approved);
            known = earlier_in_series.emplace(decision.meeting, earlier).first;
        }
        if (!known->second)
            continue;
        bool confirmed = false;
        for (const auto& other : C9_TRY(all_rows(tx, decision_spec(), {where("confirms", FilterOp::eq, decision.id)})))
            confirmed = confirmed || !other.provisional;
        if (!confirmed)
            open.push_back(decision);
    }
    return open;
}

Result<ActionItem> raise_action(Tx& tx, Id meeting_id, Patch fields, const Caller& caller)
{
    auto meeting = C9_TRY(recordable_meeting(tx, meeting_id));
    auto item = C9_TRY(item_of_meeting(tx, fields, meeting_id));
    if (patch_has(fields, "meeting"))
        return Error::invalid("meeting", "is the meeting the action is raised in");
    fields.push_back({"meeting", meeting_id});
    if (!patch_has(fields, "due")) {
        // Default: due at the next meeting of the series, where it will be followed up.
        auto series = C9_TRY(get_row(tx, series_spec(), meeting.series));
        fields.push_back({"due", format_date(C9_TRY(following_meeting_date(tx, meeting, series)))});
    }
    if (!patch_has(fields, "origin_type")) {
        // Raised under an item about a row: the action comes from that row (the first one named).
        std::optional<std::pair<OriginType, Id>> origin;
        if (item && !item->sources.empty()) {
            auto first = item->sources.substr(0, item->sources.find(','));
            auto dash = first.find('-');
            auto type = origin_of_prefix(first.substr(0, dash));
            auto id = type ? parse_display_id(first.substr(0, dash), first) : std::nullopt;
            if (type && id)
                origin = std::pair{*type, *id};
        }
        fields.push_back({"origin_type", std::string(to_string(origin ? origin->first : OriginType::meeting))});
        fields.push_back({"origin_id", origin ? origin->second : meeting_id});
    }
    return create_in(tx, action_spec(), fields, caller);
}

Result<Lesson> record_lesson(Tx& tx, Id meeting_id, Patch fields, const Caller& caller)
{
    C9_TRY(recordable_meeting(tx, meeting_id));
    if (patch_has(fields, "meeting"))
        return Error::invalid("meeting", "is the meeting the lesson is recorded in");
    fields.push_back({"meeting", meeting_id});
    return create_in(tx, lesson_spec(), fields, caller);
}

} // namespace c9
