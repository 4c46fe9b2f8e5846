#include "app/meeting_cycle.h"

#include "app/access.h"
#include "app/refs.h"
#include "core/text.h"
#include "store/audit_log.h"
#include "store/lookups.h"
#include "store/meeting_records.h"
#include "store/typed.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <tuple>

namespace c9 {

Result<Meeting> find_meeting(Tx& tx, std::string_view ref)
{
    return get_row(tx, meeting_spec(), C9_TRY(find_row_id(tx, meeting_spec(), ref)));
}

Result<AgendaItem> find_agenda_item(Tx& tx, Id meeting, const ItemRef& ref)
{
    auto text = trim(ref.text);
    auto not_on_agenda = [&](std::string_view what) {
        return Error::not_found(fmt::format("{} has no agenda item {}", display_id("MTG", meeting), what));
    };
    bool by_id = ref.numbering == ItemNumbering::id || text.starts_with("AI-") || text.starts_with("ai-");
    if (by_id) {
        auto id = parse_display_id("AI", text);
        if (!id)
            return not_on_agenda(fmt::format("\"{}\" (items are named like AI-17)", text.substr(0, 64)));
        auto item = get_row(tx, agenda_item_spec(), *id);
        if (!item || item->meeting != meeting)
            return not_on_agenda(display_id("AI", *id));
        return std::move(*item);
    }
    // The number the agenda shows: items in order, removed ones not counted.
    int number = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || number < 1)
        return not_on_agenda(fmt::format("\"{}\" (give the number the agenda shows, or AI-n)", text.substr(0, 64)));
    ListQuery query;
    query.filters = {where("meeting", FilterOp::eq, meeting), where("removed", FilterOp::eq, std::int64_t{0})};
    query.sort = "position";
    auto items = C9_TRY(list_rows(tx, agenda_item_spec(), query)).rows;
    if (number > static_cast<int>(items.size()))
        return not_on_agenda(fmt::format("{} (it has {})", number, items.size()));
    return items[static_cast<size_t>(number - 1)];
}

Result<Meeting> plan_meeting(
    Store& store, std::string_view series_ref, std::optional<Timestamp> starts_at, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meetings"));
    return store.write([&](Tx& tx) -> Result<Meeting> {
        auto series = C9_TRY(get_row(tx, series_spec(), C9_TRY(find_row_id(tx, series_spec(), series_ref))));
        return plan_meeting(tx, series.id, starts_at, caller);
    });
}

Result<Meeting> start_meeting(Store& store, std::string_view meeting_ref, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meetings"));
    return store.write(
        [&](Tx& tx) -> Result<Meeting> { return start_meeting(tx, C9_TRY(find_meeting(tx, meeting_ref)).id, caller); });
}

Result<Meeting> close_meeting(
    Store& store, std::string_view meeting_ref, std::optional<std::string> uncovered_reason, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meetings"));
    return store.write([&](Tx& tx) -> Result<Meeting> {
        return close_meeting(tx, C9_TRY(find_meeting(tx, meeting_ref)).id, uncovered_reason, caller);
    });
}

Result<Meeting> approve_meeting(Store& store, std::string_view meeting_ref, std::optional<std::string> approver,
    const Caller& caller, const MinutesRenderers& renderers)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meetings"));
    return store.write([&](Tx& tx) -> Result<Meeting> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        std::optional<Id> by;
        if (approver)
            by = C9_TRY(resolve_person(tx, "by", *approver));
        return approve_meeting(tx, meeting.id, by, caller, renderers);
    });
}

Result<SealCheck> verify_minutes(Store& store, std::string_view meeting_ref)
{
    return store.read(
        [&](Tx& tx) -> Result<SealCheck> { return verify_minutes(tx, C9_TRY(find_meeting(tx, meeting_ref)).id); });
}

Result<std::vector<Attendance>> record_attendance(
    Store& store, std::string_view meeting_ref, const AttendanceChange& change, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meetings"));
    if (change.people.empty())
        return Error::invalid("person", "name at least one person");
    return store.write([&](Tx& tx) -> Result<std::vector<Attendance>> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        std::vector<Attendance> recorded;
        for (const auto& person : change.people) {
            AttendanceInput input{C9_TRY(resolve_person(tx, "person", person)), change.role, change.presence};
            recorded.push_back(C9_TRY(record_attendance(tx, meeting.id, input, caller)));
        }
        return recorded;
    });
}

Result<AgendaItem> record_note(Store& store, std::string_view meeting_ref, const ItemRef& item,
    std::optional<std::string> notes, std::optional<Outcome> outcome, const Caller& caller, NoteMode mode,
    std::optional<std::int64_t> expected_version)
{
    if (!notes && !outcome)
        return Error::invalid("notes", "give notes, an outcome or both");
    if (mode == NoteMode::append && (!notes || trim(*notes).empty()))
        return Error::invalid("notes", "give the text to add");
    return store.write([&](Tx& tx) -> Result<AgendaItem> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        C9_TRY(require_attendee(tx, caller, meeting.id));
        auto current = C9_TRY(find_agenda_item(tx, meeting.id, item));
        if (expected_version && *expected_version != current.version)
            return Error::stale(fmt::format(
                "the notes of item {} were saved by someone else meanwhile (version {} is now {}); merge their text "
                "with yours and save again",
                display_id("AI", current.id), *expected_version, current.version));
        auto before = current.notes.value_or("");
        std::string text = !notes ? before
            : mode == NoteMode::replace || trim(before).empty() ? *notes
                                                                 : before + "\n\n" + *notes;
        return record_note(tx, current.id, std::move(text), outcome, caller);
    });
}

Result<Meeting> set_current_item(Store& store, std::string_view meeting_ref, const ItemRef& item, const Caller& caller)
{
    return store.write([&](Tx& tx) -> Result<Meeting> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        if (!require(caller, Permission::manage_meetings, std::nullopt, "meetings")) {
            bool leads = false;
            if (caller.person)
                for (const auto& attendance : C9_TRY(attendance_of(tx, meeting.id)))
                    leads = leads
                        || (attendance.person == *caller.person
                            && (attendance.role == AttendeeRole::chair || attendance.role == AttendeeRole::minute_taker)
                            && attendance.presence != Presence::absent);
            if (!leads)
                return Error(ErrorCode::forbidden,
                    fmt::format(
                        "the chair or the minute taker of {} sets the current item", display_id("MTG", meeting.id)));
        }
        auto chosen = C9_TRY(find_agenda_item(tx, meeting.id, item));
        return set_current_item(tx, meeting.id, chosen.id, caller);
    });
}

Result<Id> watchable_meeting(Store& store, std::string_view meeting_ref, const Caller& caller)
{
    C9_TRY(require(caller, Permission::read, std::nullopt, "meetings"));
    return store.read([&](Tx& tx) -> Result<Id> { return C9_TRY(find_meeting(tx, meeting_ref)).id; });
}

Result<LiveMeeting> live_meeting(Store& store, Id meeting_id, const Caller& caller)
{
    return store.read([&](Tx& tx) -> Result<LiveMeeting> {
        auto record = C9_TRY(load_meeting(tx, meeting_id));
        LiveMeeting live {record.meeting, C9_TRY(agenda_doc(tx, record, caller)), record.agenda,
            C9_TRY(minutes_doc(tx, record, caller))};
        return live;
    });
}

Result<std::int64_t> stored_data_version(Store& store)
{
    return store.read([](Tx& tx) { return data_version(tx); });
}

namespace {

template <class T>
std::vector<ParamSpec> record_params(const EntitySpec<T>& spec, std::vector<std::string_view> system_set)
{
    system_set.push_back("meeting");
    system_set.push_back("agenda_item");
    auto params = field_params(spec, true);
    std::erase_if(params, [&](const ParamSpec& param) {
        return std::find(system_set.begin(), system_set.end(), param.name) != system_set.end();
    });
    return params;
}

} // namespace

std::vector<ParamSpec> decision_params()
{
    auto params = record_params(decision_spec(), {});
    for (auto& param : params)
        if (param.name == "text") {
            param.flags &= ~static_cast<unsigned>(required);
            param.fallback = "required, unless it confirms a decision: then \"Confirmed: \" and that decision's text";
        }
    return params;
}

std::vector<ParamSpec> action_params()
{
    auto params = record_params(action_spec(), {"status", "progress", "origin_type", "origin_id"});
    for (auto& param : params)
        if (param.name == "due") {
            param.flags &= ~static_cast<unsigned>(required);
            param.fallback = "the next meeting of the series";
        }
    return params;
}

std::vector<ParamSpec> lesson_params() { return record_params(lesson_spec(), {}); }

namespace {

// Runs a record step in the meeting `meeting_ref` names, with the agenda item `item` names put into the fields.
template <class T>
Result<T> record_in(Store& store, std::string_view meeting_ref, const std::optional<ItemRef>& item, Patch fields,
    const Caller& caller, Result<T> (*record)(Tx&, Id, Patch, const Caller&))
{
    return store.write([&](Tx& tx) -> Result<T> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        C9_TRY(require_attendee(tx, caller, meeting.id));
        if (item) {
            for (const auto& input : fields)
                if (input.field == "agenda_item")
                    return Error::invalid("agenda_item", "name the agenda item once");
            fields.push_back({"agenda_item", C9_TRY(find_agenda_item(tx, meeting.id, *item)).id});
        }
        return record(tx, meeting.id, std::move(fields), caller);
    });
}

} // namespace

Result<Decision> record_decision(Store& store, std::string_view meeting_ref, std::optional<ItemRef> item,
    Patch fields, const Caller& caller)
{
    return record_in<Decision>(store, meeting_ref, item, std::move(fields), caller, &record_decision);
}

Result<ActionItem> raise_action(Store& store, std::string_view meeting_ref, std::optional<ItemRef> item,
    Patch fields, const Caller& caller)
{
    return record_in<ActionItem>(store, meeting_ref, item, std::move(fields), caller, &raise_action);
}

Result<Lesson> record_lesson(Store& store, std::string_view meeting_ref, std::optional<ItemRef> item,
    Patch fields, const Caller& caller)
{
    return record_in<Lesson>(store, meeting_ref, item, std::move(fields), caller, &record_lesson);
}

Result<DecisionLog> list_decisions(Store& store, const DecisionQuery& query, const Caller& caller)
{
    C9_TRY(require(caller, Permission::read, std::nullopt, "decisions"));
    std::optional<Date> since;
    if (!query.since.empty()) {
        since = parse_date(query.since);
        if (!since)
            return Error::invalid("since", fmt::format("\"{}\" is not a date like 2026-01-31", query.since));
    }
    return store.read([&](Tx& tx) -> Result<DecisionLog> {
        // Series and date pick the meetings; a decision is taken when its meeting is.
        std::vector<Filter> filters;
        std::vector<Filter> of_meetings;
        if (!query.series.empty())
            of_meetings.push_back(where("series", FilterOp::eq,
                C9_TRY(get_row(tx, series_spec(), C9_TRY(find_row_id(tx, series_spec(), query.series)))).id));
        if (since)
            of_meetings.push_back(where("starts_at", FilterOp::ge, format_timestamp(start_of(*since))));
        if (!of_meetings.empty()) {
            std::vector<Value> meetings;
            for (const auto& meeting : C9_TRY(all_rows(tx, meeting_spec(), std::move(of_meetings))))
                meetings.push_back(meeting.id);
            if (meetings.empty())
                return DecisionLog {};
            filters.push_back(where_in("meeting", std::move(meetings)));
        }
        if (!query.owner.empty())
            filters.push_back(where("owner", FilterOp::eq, C9_TRY(resolve_person(tx, "owner", query.owner))));
        if (query.provisional_only)
            filters.push_back(where("provisional", FilterOp::eq, std::int64_t {1}));
        DecisionLog log;
        std::map<Id, Meeting> meetings;
        for (auto& decision : C9_TRY(all_rows(tx, decision_spec(), std::move(filters)))) {
            auto found = meetings.find(decision.meeting);
            if (found == meetings.end())
                found = meetings.emplace(decision.meeting, C9_TRY(get_row(tx, meeting_spec(), decision.meeting))).first;
            log.entries.push_back({std::move(decision), found->second});
        }
        std::stable_sort(log.entries.begin(), log.entries.end(), [](const DecisionEntry& a, const DecisionEntry& b) {
            return std::tie(a.meeting.starts_at, a.decision.id) < std::tie(b.meeting.starts_at, b.decision.id);
        });
        log.names = C9_TRY(person_names(tx));
        return log;
    });
}

Result<StandingMembers> list_series_members(Store& store, std::string_view series_ref, const Caller&)
{
    return store.read([&](Tx& tx) -> Result<StandingMembers> {
        auto series = C9_TRY(get_row(tx, series_spec(), C9_TRY(find_row_id(tx, series_spec(), series_ref))));
        auto members = C9_TRY(series_members(tx, series.id));
        return StandingMembers{std::move(series), std::move(members), C9_TRY(person_names(tx))};
    });
}

Result<SeriesMember> add_series_member(Store& store, std::string_view series_ref, std::string_view person_ref,
    std::optional<AttendeeRole> role, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meeting series"));
    if (role == AttendeeRole::guest)
        return Error::invalid("role", "a guest is invited to one meeting (`meeting attend --role guest`), not a "
                                      "standing member; use member, chair or minute_taker");
    return store.write([&](Tx& tx) -> Result<SeriesMember> {
        auto series = C9_TRY(get_row(tx, series_spec(), C9_TRY(find_row_id(tx, series_spec(), series_ref))));
        auto person = C9_TRY(get_row(tx, person_spec(), C9_TRY(resolve_person(tx, "person", person_ref))));
        if (!person.active)
            return Error::invalid("person", fmt::format("{} is no longer active", display_id("PER", person.id)));
        SeriesMember member{series.id, person.id, role.value_or(AttendeeRole::member)};
        if (member.role == AttendeeRole::chair && series.chair && *series.chair != person.id)
            return Error::conflict(fmt::format("{} is chaired by {}; change the chair with `clause9 series update {} "
                                               "--chair {}`",
                display_id("SER", series.id), display_id("PER", *series.chair), display_id("SER", series.id),
                display_id("PER", person.id)));
        for (const auto& other : C9_TRY(series_members(tx, series.id)))
            if (other.role == AttendeeRole::chair && member.role == AttendeeRole::chair && other.person != person.id)
                return Error::conflict(fmt::format("{} is already the chair among the standing members of {}; give "
                                                   "them another role first",
                    display_id("PER", other.person), display_id("SER", series.id)));
        C9_TRY(add_series_member(tx, member));
        C9_TRY(tx.audit({.at = caller.now,
                         .actor = caller.actor,
                         .action = "member",
                         .entity = "series",
                         .entity_id = series.id,
                         .summary = fmt::format("{} is a standing member of {} as {}", display_id("PER", person.id),
                             display_id("SER", series.id), to_string(member.role))}));
        return member;
    });
}

Result<SeriesMember> remove_series_member(
    Store& store, std::string_view series_ref, std::string_view person_ref, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "meeting series"));
    return store.write([&](Tx& tx) -> Result<SeriesMember> {
        auto series = C9_TRY(get_row(tx, series_spec(), C9_TRY(find_row_id(tx, series_spec(), series_ref))));
        auto person = C9_TRY(resolve_person(tx, "person", person_ref));
        std::optional<SeriesMember> found;
        for (const auto& member : C9_TRY(series_members(tx, series.id)))
            if (member.person == person)
                found = member;
        if (!found || !C9_TRY(remove_series_member(tx, series.id, person)))
            return Error::not_found(fmt::format(
                "{} is not a standing member of {}", display_id("PER", person), display_id("SER", series.id)));
        C9_TRY(tx.audit({.at = caller.now,
                         .actor = caller.actor,
                         .action = "member",
                         .entity = "series",
                         .entity_id = series.id,
                         .summary = fmt::format("{} is no longer a standing member of {}", display_id("PER", person),
                             display_id("SER", series.id))}));
        return *found;
    });
}

} // namespace c9
