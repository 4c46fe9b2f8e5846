#include "core/meeting.h"

#include "core/recurrence.h"
#include "core/registry.h"
#include "core/review_inputs.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace c9 {

const EntitySpec<MeetingSeries>& series_spec()
{
    static const EntitySpec<MeetingSeries> spec {
        "series",
        "meeting-series",
        "meeting_series",
        "SER",
        "Meeting series",
        {
            field<&MeetingSeries::name>("name", FieldKind::text, required | listed, "name of the series"),
            field<&MeetingSeries::type>("type", FieldKind::choice, required | listed | filterable,
                "maintenance, management_review, incident_review or risk_review"),
            field<&MeetingSeries::cadence>("cadence", FieldKind::text, required | listed,
                "how often: monthly, quarterly, half-yearly, yearly or an RRULE"),
            field<&MeetingSeries::duration_minutes>(
                "duration_minutes", FieldKind::integer, listed, "default length of a meeting in minutes")
                .labelled("Duration (minutes)"),
            field<&MeetingSeries::location>("location", FieldKind::text, no_flags, "room or video link"),
            field<&MeetingSeries::chair>("chair", FieldKind::person, listed, "default chair (id or email)"),
            field<&MeetingSeries::minute_taker>(
                "minute_taker", FieldKind::person, no_flags, "default minute taker (id or email)"),
            field<&MeetingSeries::quorum>(
                "quorum", FieldKind::integer, no_flags, "attendees who must be present for decisions"),
            field<&MeetingSeries::active>("active", FieldKind::boolean, filterable, "meetings are still planned"),
            field<&MeetingSeries::approvers>("approvers", FieldKind::text, no_flags,
                "who approves the minutes: PER-2, PER-7 (empty: the chair or an attendee who was present)"),
        },
    };
    return spec;
}

void derive(MeetingSeries& row, const MeetingSeries*, const Rules&)
{
    if (auto recurrence = Recurrence::parse(row.cadence))
        row.cadence = recurrence->to_rrule();
    if (auto refs = normalize_refs(row.approvers))
        row.approvers = *refs;
}

void validate(const MeetingSeries& row, const MeetingSeries*, const Rules&, Problems& problems)
{
    if (!row.cadence.empty() && !Recurrence::parse(row.cadence))
        problems.add("cadence", "must be monthly, quarterly, half-yearly, yearly or an RRULE like FREQ=MONTHLY");
    if (row.duration_minutes < 5 || row.duration_minutes > 24 * 60)
        problems.add("duration_minutes", "must be between 5 and 1440");
    if (row.quorum && *row.quorum < 1)
        problems.add("quorum", "must be at least 1");
    if (!people_of(row.approvers))
        problems.add("approvers", "must list people as PER-n, separated by commas");
}

bool quorum_reached(const MeetingSeries& series, const std::vector<Attendance>& attendance)
{
    if (!series.quorum)
        return true;
    auto present = std::count_if(attendance.begin(), attendance.end(),
        [](const Attendance& entry) { return entry.presence == Presence::present; });
    return present >= *series.quorum;
}

std::optional<std::vector<Id>> people_of(std::string_view refs)
{
    auto normal = normalize_refs(refs);
    if (!normal)
        return std::nullopt;
    std::vector<Id> people;
    std::string_view rest = *normal;
    while (!rest.empty()) {
        auto comma = rest.find(',');
        auto token = trim(rest.substr(0, comma));
        auto id = parse_display_id("PER", token);
        if (!id)
            return std::nullopt;
        people.push_back(*id);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return people;
}

const EntitySpec<Proposal>& proposal_spec()
{
    static const EntitySpec<Proposal> spec {
        "proposal",
        "proposals",
        "agenda_proposals",
        "PRP",
        "Agenda proposal",
        {
            field<&Proposal::meeting>(
                "meeting", FieldKind::reference, required | read_only | listed | filterable, "meeting", "meeting"),
            field<&Proposal::title>("title", FieldKind::text, required | listed, "what the attendee wants discussed"),
            field<&Proposal::kind>("kind", FieldKind::choice, required | listed | filterable,
                "concern (a problem to raise), suggestion (a solution to propose) or update (news to give)"),
            field<&Proposal::detail>("detail", FieldKind::text, multiline, "background for the chair and the room"),
            field<&Proposal::sources>("sources", FieldKind::text, no_flags, "rows it is about: RSK-4, INC-7"),
            field<&Proposal::proposed_by>(
                "proposed_by", FieldKind::person, required | read_only | listed | filterable, "who proposes it"),
            field<&Proposal::status>(
                "status", FieldKind::choice, read_only | listed | filterable, "open, accepted or declined"),
            field<&Proposal::reason>("reason", FieldKind::text, read_only, "why the chair declined it"),
            field<&Proposal::agenda_item>(
                "agenda_item", FieldKind::reference, read_only, "the agenda item it became", "agenda_item"),
            field<&Proposal::decided_by>(
                "decided_by", FieldKind::person, read_only, "who accepted or declined it"),
        },
    };
    return spec;
}

void derive(Proposal& row, const Proposal*, const Rules&)
{
    if (auto refs = normalize_refs(row.sources))
        row.sources = *refs;
}

void validate(const Proposal& row, const Proposal*, const Rules&, Problems& problems)
{
    if (auto refs = normalize_refs(row.sources); !refs)
        problems.add("sources", refs.error().fields().at(0).message);
    if (row.status == ProposalStatus::declined && (!row.reason || trim(*row.reason).empty()))
        problems.add("reason", "is required to decline a proposal: the minutes say why it was not discussed");
}

const EntitySpec<Meeting>& meeting_spec()
{
    static const EntitySpec<Meeting> spec {
        "meeting",
        "meetings",
        "meetings",
        "MTG",
        "Meeting",
        {
            field<&Meeting::series>(
                "series", FieldKind::reference, required | listed | filterable, "meeting series (SER-1)", "series"),
            field<&Meeting::title>("title", FieldKind::text, required | listed, "title"),
            field<&Meeting::starts_at>("starts_at", FieldKind::timestamp, required | listed, "start (UTC)")
                .labelled("Starts"),
            field<&Meeting::duration_minutes>("duration_minutes", FieldKind::integer, listed, "length in minutes")
                .labelled("Duration (minutes)"),
            field<&Meeting::location>("location", FieldKind::text, no_flags, "room or video link"),
            field<&Meeting::state>("state", FieldKind::choice, read_only | listed | filterable,
                "planned, in_progress, held, approved or cancelled"),
            field<&Meeting::started_at>("started_at", FieldKind::timestamp, read_only, "when it started")
                .labelled("Started"),
            field<&Meeting::ended_at>("ended_at", FieldKind::timestamp, read_only, "when it was closed")
                .labelled("Ended"),
            field<&Meeting::approved_at>(
                "approved_at", FieldKind::timestamp, read_only, "when the minutes were approved")
                .labelled("Approved"),
            field<&Meeting::approved_by>("approved_by", FieldKind::person, read_only, "who approved the minutes"),
            field<&Meeting::minutes_hash>("minutes_hash", FieldKind::text, read_only, "SHA-256 of the approved minutes")
                .labelled("SHA-256 of the minutes"),
            field<&Meeting::audit_head>(
                "audit_head", FieldKind::text, read_only, "audit trail head when the minutes were approved")
                .labelled("Audit trail head at approval"),
            field<&Meeting::uncovered_reason>("uncovered_reason", FieldKind::text, multiline,
                "management review: why an input of 9.3.2 is not covered")
                .labelled("Why a 9.3.2 input is not covered"),
            field<&Meeting::cancel_reason>(
                "cancel_reason", FieldKind::text, multiline, "why the meeting was cancelled (given when cancelling it)")
                .labelled("Why it was cancelled"),
            field<&Meeting::current_item>("current_item", FieldKind::reference, read_only,
                "while in progress: the agenda item under discussion (`meeting current`)", "agenda_item")
                .labelled("Current item"),
        },
        nullptr,
        nullptr,
        {
            // Moving a planned meeting is an update of starts_at; both are refused once it has started.
            {.name = "cancel",
                .help = "Cancel a planned meeting (--cancel-reason says why; the invitees' record keeps it)",
                .fields = {"cancel_reason"},
                .state = "state",
                .to = {"cancelled"},
                .from = {"planned"},
                // The state is the meeting cycle's own (read-only to edits): the verb sets it.
                .stamp = [](Meeting& row, Timestamp) { row.state = MeetingState::cancelled; }},
        },
        false,
    };
    return spec;
}

void derive(Meeting&, const Meeting*, const Rules&) {}

void validate(const Meeting& row, const Meeting* before, const Rules& rules, Problems& problems)
{
    if (row.duration_minutes < 5 || row.duration_minutes > 24 * 60)
        problems.add("duration_minutes", "must be between 5 and 1440");
    // A meeting is planned, or moved, to a time still ahead; held meetings keep the time they had.
    if (row.state == MeetingState::planned && (!before || before->starts_at != row.starts_at)
        && row.starts_at < rules.now)
        problems.add("starts_at", fmt::format("{} is in the past; plan or move a meeting to a time from now on",
                                              format_timestamp(row.starts_at)));
    bool has_reason = row.cancel_reason && !trim(*row.cancel_reason).empty();
    if (row.state == MeetingState::cancelled && !has_reason)
        problems.add("cancel_reason", "is required: say why the meeting is cancelled");
    if (row.state != MeetingState::cancelled && has_reason)
        problems.add("cancel_reason", "is given when cancelling the meeting (`meeting cancel`)");
}

const EntitySpec<AgendaItem>& agenda_item_spec()
{
    static const EntitySpec<AgendaItem> spec{
        "agenda_item",
        "agenda-items",
        "agenda_items",
        "AI",
        "Agenda item",
        {
            field<&AgendaItem::meeting>("meeting", FieldKind::reference, required | read_only, "meeting", "meeting"),
            field<&AgendaItem::position>("position", FieldKind::integer, listed, "order on the agenda"),
            field<&AgendaItem::section>("section", FieldKind::choice, listed, "agenda section"),
            field<&AgendaItem::title>("title", FieldKind::text, required | listed, "title"),
            field<&AgendaItem::presenter>("presenter", FieldKind::person, listed, "who presents it (id or email)"),
            field<&AgendaItem::timebox_minutes>("timebox_minutes", FieldKind::integer, listed, "minutes allotted"),
            field<&AgendaItem::sources>("sources", FieldKind::text, no_flags, "rows it is about: INC-4, RSK-12"),
            field<&AgendaItem::covers>("covers", FieldKind::text, no_flags,
                                       "management review inputs (9.3.2) it covers: a, b, c, d1-d4, e, f, g"),
            field<&AgendaItem::key>("key", FieldKind::text, read_only, "generator key"),
            field<&AgendaItem::removed>("removed", FieldKind::boolean, no_flags, "removed from the agenda"),
            field<&AgendaItem::edited>("edited", FieldKind::text, read_only, "fields changed by hand"),
            field<&AgendaItem::notes>("notes", FieldKind::text, multiline, "notes taken in the meeting"),
            field<&AgendaItem::outcome>("outcome", FieldKind::choice, no_flags, "information, decision or action"),
        },
    };
    return spec;
}

void derive(AgendaItem& row, const AgendaItem*, const Rules&)
{
    if (auto refs = normalize_refs(row.sources))
        row.sources = *refs;
    std::string covers;
    for (const auto& code : parse_covers(row.covers))
        covers += (covers.empty() ? "" : ", ") + code;
    row.covers = covers;
}

void validate(const AgendaItem& row, const AgendaItem*, const Rules&, Problems& problems)
{
    if (row.timebox_minutes < 0 || row.timebox_minutes > 600)
        problems.add("timebox_minutes", "must be between 0 and 600");
    if (auto refs = normalize_refs(row.sources); !refs)
        problems.add("sources", refs.error().fields().at(0).message);
    std::vector<std::string> unknown;
    parse_covers(row.covers, &unknown);
    if (!unknown.empty())
        problems.add("covers", "\"" + unknown.front() + "\" is not an input of 9.3.2; use a, b, c, d1, d2, d3, d4, e, f or g");
}

const EntitySpec<Decision>& decision_spec()
{
    static const EntitySpec<Decision> spec{
        "decision",
        "decisions",
        "decisions",
        "DEC",
        "Decision",
        {
            field<&Decision::meeting>("meeting", FieldKind::reference, required | listed | filterable, "meeting",
                                      "meeting"),
            field<&Decision::agenda_item>("agenda_item", FieldKind::reference, no_flags, "agenda item",
                                          "agenda_item"),
            field<&Decision::text>("text", FieldKind::text, required | listed, "what was decided"),
            field<&Decision::rationale>("rationale", FieldKind::text, multiline, "why"),
            field<&Decision::type>("type", FieldKind::choice, listed | filterable,
                                   "risk_acceptance, resource, policy_change, improvement or other"),
            field<&Decision::links>("links", FieldKind::text, no_flags, "rows it is about: RSK-12, INC-4"),
            field<&Decision::owner>(
                "owner", FieldKind::person, listed | filterable, "who is accountable for carrying it out"),
            field<&Decision::due>("due", FieldKind::date, filterable, "by when it is carried out"),
            field<&Decision::provisional>("provisional", FieldKind::boolean, read_only | filterable,
                "taken without quorum: stands once a meeting with quorum confirms it"),
            field<&Decision::confirms>(
                "confirms", FieldKind::reference, no_flags, "the provisional decision it confirms", "decision"),
        },
    };
    return spec;
}

void derive(Decision& row, const Decision*, const Rules&)
{
    if (auto refs = normalize_refs(row.links))
        row.links = *refs;
}

void validate(const Decision& row, const Decision*, const Rules&, Problems& problems)
{
    if (auto refs = normalize_refs(row.links); !refs)
        problems.add("links", refs.error().fields().at(0).message);
    if (row.type == DecisionType::risk_acceptance && row.links.find("RSK-") == std::string::npos)
        problems.add("links", "a risk acceptance must name the risk it accepts (RSK-n)");
    if (row.confirms && *row.confirms == row.id)
        problems.add("confirms", "a decision cannot confirm itself");
}

std::string_view section_title(AgendaSection section)
{
    switch (section) {
    case AgendaSection::opening: return "Opening";
    case AgendaSection::actions: return "Action items";
    case AgendaSection::maintenance: return "Maintenance activities";
    case AgendaSection::controls: return "Controls";
    case AgendaSection::incidents: return "Incidents";
    case AgendaSection::vulnerabilities: return "Vulnerabilities";
    case AgendaSection::risks: return "Risks";
    case AgendaSection::nonconformities: return "Nonconformities and corrective action (10.2)";
    case AgendaSection::kpis: return "KPIs";
    case AgendaSection::management_review: return "Management review inputs (9.3.2)";
    case AgendaSection::other_business: return "Any other business";
    }
    return "";
}

Result<std::string> normalize_refs(std::string_view text)
{
    std::string out;
    std::string token;
    auto flush = [&]() -> Result<void> {
        if (token.empty())
            return {};
        auto dash = token.find('-');
        std::string prefix = dash == std::string::npos ? std::string() : token.substr(0, dash);
        for (auto& c : prefix)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        const RegisterInfo* info = nullptr;
        for (const auto& candidate : registers())
            if (candidate.prefix == prefix)
                info = &candidate;
        auto id = info ? parse_display_id(info->prefix, prefix + token.substr(dash)) : std::nullopt;
        if (!id)
            return Error::invalid("sources", fmt::format("\"{}\" is not a row reference like RSK-12", token));
        out += (out.empty() ? "" : ", ") + display_id(info->prefix, *id);
        token.clear();
        return {};
    };
    for (char c : text) {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
            C9_TRY(flush());
        } else {
            token += c;
        }
    }
    C9_TRY(flush());
    return out;
}

std::optional<std::string> approval_refusal(
    Id person, bool active, const std::vector<Attendance>& attendance, const MeetingSeries& series)
{
    auto who = display_id("PER", person);
    if (!active)
        return fmt::format("{} is no longer active and cannot approve minutes", who);
    // The series names who approves: them and nobody else.
    if (auto approvers = people_of(series.approvers); approvers && !approvers->empty()) {
        if (std::find(approvers->begin(), approvers->end(), person) != approvers->end())
            return std::nullopt;
        return fmt::format("{} is not an approver of {}: its minutes are approved by {}", who,
            display_id("SER", series.id), series.approvers);
    }
    std::optional<Id> chair;
    for (const auto& entry : attendance) {
        if (entry.role == AttendeeRole::chair)
            chair = entry.person;
        if (entry.person == person && entry.presence == Presence::present)
            return std::nullopt;
    }
    if (!chair)
        chair = series.chair;
    if (chair == person)
        return std::nullopt;
    return fmt::format("{} did not attend: minutes are approved by the chair{} or by an attendee who was present", who,
                       chair ? fmt::format(" ({})", display_id("PER", *chair)) : std::string());
}

std::vector<CoveredItem> covered_items(const std::vector<AgendaItem>& agenda)
{
    std::vector<CoveredItem> items;
    int number = 0;
    for (const auto& item : agenda)
        if (!item.removed)
            items.push_back({item.covers, std::to_string(++number),
                             (item.notes && !item.notes->empty()) || item.outcome.has_value()});
    return items;
}

} // namespace c9
