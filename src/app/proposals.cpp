// Agenda proposals: attendees raise concerns and suggest solutions before the meeting, and the chair takes them onto
// the agenda or says why not.
#include "app/access.h"
#include "app/agenda.h"
#include "app/meetings.h"
#include "app/refs.h"
#include "app/registers.h"
#include "core/agenda.h"
#include "core/person.h"
#include "core/text.h"
#include "store/meeting_records.h"
#include "store/typed.h"

#include <fmt/format.h>

namespace c9 {

namespace {

// A proposal of the meeting named; a proposal of another meeting is not found here.
Result<Proposal> find_proposal(Tx& tx, const Meeting& meeting, std::string_view ref)
{
    auto id = C9_TRY(find_row_id(tx, proposal_spec(), ref));
    auto proposal = get_row(tx, proposal_spec(), id);
    if (!proposal || proposal->meeting != meeting.id)
        return Error::not_found(
            fmt::format("{} has no proposal {}", display_id("MTG", meeting.id), display_id("PRP", id)));
    return *proposal;
}

Result<void> ensure_open(const Proposal& proposal)
{
    if (proposal.status == ProposalStatus::open)
        return {};
    return Error::conflict(fmt::format("{} was already {}{}", display_id("PRP", proposal.id),
        to_string(proposal.status),
        proposal.agenda_item ? fmt::format(" (it is {})", display_id("AI", *proposal.agenda_item)) : std::string()));
}

// Who decides on a proposal: the caller's person, when the caller is one.
Result<Proposal> decide(Tx& tx, const Proposal& before, Proposal after, const Caller& caller, std::string_view action)
{
    after.decided_by = caller.person;
    auto rules = C9_TRY(load_rules(tx, caller.now));
    Problems problems;
    C9_TRY(check_row(tx, proposal_spec(), &before, after, rules, problems));
    return write_changes(tx, proposal_spec(), before, std::move(after), caller, action);
}

} // namespace

Result<Proposal> propose_agenda_item(
    Tx& tx, const Meeting& meeting, const Patch& fields, std::optional<Id> proposer, const Caller& caller)
{
    C9_TRY(ensure_record_open(meeting));
    if (meeting.state != MeetingState::planned)
        return Error::conflict(fmt::format("{} has started: proposals are made before the meeting; the chair adds "
                                           "items once it runs",
            display_id("MTG", meeting.id)));
    if (!proposer)
        return Error::invalid("by",
            "name the person who proposes the item (--by PER-n, or act as a person with "
            "--as)");
    // An account that may not run meetings proposes in its own name only.
    if (caller.standing == Standing::account && caller.role
        && grant(*caller.role, Permission::manage_meetings) != Grant::granted && proposer != caller.person)
        return Error(ErrorCode::forbidden,
            fmt::format(
                "the {} role proposes items in the name of the account's person only", to_string(*caller.role)));
    auto person = C9_TRY(get_row(tx, person_spec(), *proposer));
    if (!person.active)
        return Error::invalid("by", fmt::format("{} is no longer active", display_id("PER", person.id)));
    bool invited = false;
    for (const auto& attendance : C9_TRY(attendance_of(tx, meeting.id)))
        invited = invited || attendance.person == person.id;
    if (!invited)
        return Error::invalid("by",
            fmt::format("{} is not invited to {}: items are proposed by the meeting's invitees; the chair can "
                        "invite them first",
                display_id("PER", person.id), display_id("MTG", meeting.id)));

    // The proposal's own fields come from the caller; the meeting, the proposer and the status from here.
    const auto& spec = proposal_spec();
    Problems problems;
    Patch editable;
    for (const auto& input : fields) {
        const auto* field = spec.find(input.field);
        if (field && field->has(read_only))
            problems.add(input.field, "is set by the system");
        else
            editable.push_back(input);
    }
    editable = C9_TRY(resolve_references(tx, spec, editable, problems));
    Proposal proposal;
    C9_TRY(apply_patch(spec, proposal, editable));
    proposal.meeting = meeting.id;
    proposal.proposed_by = person.id;
    proposal.status = ProposalStatus::open;
    proposal.created_at = caller.now;
    auto rules = C9_TRY(load_rules(tx, caller.now));
    C9_TRY(check_row(tx, spec, static_cast<const Proposal*>(nullptr), proposal, rules, problems));
    auto stamp = caller.stamp();
    proposal.id = C9_TRY(tx.insert(table_of(spec), values_of(spec, proposal), stamp));
    proposal.version = 1;
    proposal.created_by = proposal.updated_by = stamp.actor;
    proposal.updated_at = stamp.at;
    C9_TRY(tx.audit({.at = stamp.at,
        .actor = stamp.actor,
        .action = "propose",
        .entity = "meeting",
        .entity_id = meeting.id,
        .summary = fmt::format("{} proposed {} \"{}\" ({}) for {}", display_id("PER", person.id),
            display_id("PRP", proposal.id), proposal.title, to_string(proposal.kind), display_id("MTG", meeting.id))}));
    return proposal;
}

Result<AcceptedProposal> accept_proposal(
    Tx& tx, const Meeting& meeting, const Proposal& before, std::optional<AgendaSection> section, const Caller& caller)
{
    C9_TRY(ensure_agenda_editable(meeting));
    C9_TRY(ensure_open(before));
    auto chosen = section.value_or(AgendaSection::other_business);
    auto series = C9_TRY(get_row(tx, series_spec(), meeting.series));
    if (!has_section(series.type, chosen))
        return Error::invalid(
            "section", fmt::format("a {} has no {} section", to_string(series.type), to_string(chosen)));
    // The item is the chair's own: presented by the proposer, about the rows the proposal names.
    Patch item_fields {
        {"title", before.title}, {"section", std::string(to_string(chosen))}, {"presenter", before.proposed_by}};
    if (!before.sources.empty())
        item_fields.push_back({"sources", before.sources});
    auto item = C9_TRY(add_agenda_item(tx, meeting.id, item_fields, caller));
    auto after = before;
    after.status = ProposalStatus::accepted;
    after.agenda_item = item.id;
    auto proposal = C9_TRY(decide(tx, before, std::move(after), caller, "accept"));
    return AcceptedProposal {std::move(proposal), C9_TRY(get_row(tx, agenda_item_spec(), item.id))};
}

Result<Proposal> decline_proposal(
    Tx& tx, const Meeting& meeting, const Proposal& before, std::string reason, const Caller& caller)
{
    if (trim(reason).empty())
        return Error::invalid("reason", "say why the proposal is declined: the minutes list it with the reason");
    C9_TRY(ensure_record_open(meeting));
    C9_TRY(ensure_open(before));
    auto after = before;
    after.status = ProposalStatus::declined;
    after.reason = std::string(trim(reason));
    return decide(tx, before, std::move(after), caller, "decline");
}

Result<Proposal> propose_agenda_item(Store& store, std::string_view meeting_ref, const Patch& fields,
    std::optional<std::string> by, const Caller& caller)
{
    return store.write([&](Tx& tx) -> Result<Proposal> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        C9_TRY(require_attendee(tx, caller, meeting.id));
        std::optional<Id> proposer = caller.person;
        if (by)
            proposer = C9_TRY(resolve_person(tx, "by", *by));
        return propose_agenda_item(tx, meeting, fields, proposer, caller);
    });
}

Result<std::vector<Proposal>> list_proposals(Store& store, std::string_view meeting_ref, const Caller& caller)
{
    C9_TRY(require(caller, Permission::read, std::nullopt, "proposals"));
    return store.read([&](Tx& tx) -> Result<std::vector<Proposal>> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        return all_rows(tx, proposal_spec(), {where("meeting", FilterOp::eq, meeting.id)});
    });
}

Result<AcceptedProposal> accept_proposal(Store& store, std::string_view meeting_ref, std::string_view proposal_ref,
    std::optional<AgendaSection> section, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "agendas"));
    return store.write([&](Tx& tx) -> Result<AcceptedProposal> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        return accept_proposal(tx, meeting, C9_TRY(find_proposal(tx, meeting, proposal_ref)), section, caller);
    });
}

Result<Proposal> decline_proposal(
    Store& store, std::string_view meeting_ref, std::string_view proposal_ref, std::string reason, const Caller& caller)
{
    C9_TRY(require(caller, Permission::manage_meetings, std::nullopt, "agendas"));
    return store.write([&](Tx& tx) -> Result<Proposal> {
        auto meeting = C9_TRY(find_meeting(tx, meeting_ref));
        return decline_proposal(tx, meeting, C9_TRY(find_proposal(tx, meeting, proposal_ref)), reason, caller);
    });
}

} // namespace c9
