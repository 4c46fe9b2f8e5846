// The agenda and the documents of a meeting as use cases (DESIGN.md section 4): show the agenda (a planned
// meeting's agenda follows the registers, so it is regenerated first, keeping the chair's edits), the chair's
// edits, the minutes and the invitation. Each function owns its transaction.
#pragma once

#include "app/meeting_cycle.h"
#include "store/meeting_records.h"

namespace c9 {

// An agenda as documents show it, and its stored items in order (removed ones included), whose versions and
// positions an editor sends back.
struct AgendaView {
    AgendaDoc doc;
    std::vector<AgendaItem> items;
};

// The meeting an agenda is asked for: the one named, else the next planned meeting (of the series, if named).
struct MeetingChoice {
    std::string meeting;
    std::string series;
};

// Regenerating writes agenda rows; it is the system's doing on the caller's behalf, whatever the caller's role,
// and the audit trail says so.
Result<AgendaView> show_agenda(Store& store, const MeetingChoice& choice, const Caller& caller);

// Whether an edit answers with the whole agenda afterwards (the CLI prints it) or only the item (the API).
enum class AgendaAfter { no, yes };
struct AgendaEdit {
    AgendaItem item;
    std::optional<AgendaView> agenda;
};

Result<AgendaEdit> add_agenda_item(
    Store& store, std::string_view meeting_ref, const Patch& fields, const Caller& caller, AgendaAfter after);
// Changes an item's fields and/or moves it to `position` (the number the agenda shows; inside its section). With
// `expected_version`, a change made meanwhile by someone else is refused.
Result<AgendaEdit> edit_agenda_item(Store& store, std::string_view meeting_ref, const ItemRef& item,
    const Patch& fields, std::optional<int> position, std::optional<std::int64_t> expected_version,
    const Caller& caller, AgendaAfter after);
// Removes an item; regenerating does not bring it back.
Result<AgendaEdit> remove_agenda_item(
    Store& store, std::string_view meeting_ref, const ItemRef& item, const Caller& caller, AgendaAfter after);

// The whole agenda at once, in order: listed items are kept (a removed one listed comes back) and changed, entries
// without an id are new manual items, items left out are removed.
struct AgendaEntry {
    std::optional<Id> id;
    Patch fields;
};
Result<AgendaView> replace_agenda(
    Store& store, std::string_view meeting_ref, std::vector<AgendaEntry> entries, const Caller& caller);

// Proposals (issue: attendees raise concerns and suggest solutions before the meeting). Anyone invited to a planned
// meeting proposes an item; an account without the chair's rights proposes as its own person only. `by` names the
// proposer (default: the caller's person). The chair accepts an open proposal into a section of the agenda (it
// becomes an item the chair added, presented by the proposer, which regeneration keeps) or declines it with a
// reason; the minutes list the proposals that did not reach the agenda.
Result<Proposal> propose_agenda_item(Store& store, std::string_view meeting_ref, const Patch& fields,
    std::optional<std::string> by, const Caller& caller);
Result<std::vector<Proposal>> list_proposals(Store& store, std::string_view meeting_ref, const Caller& caller);
struct AcceptedProposal {
    Proposal proposal;
    AgendaItem item;
};
Result<AcceptedProposal> accept_proposal(Store& store, std::string_view meeting_ref, std::string_view proposal_ref,
    std::optional<AgendaSection> section, const Caller& caller);
Result<Proposal> decline_proposal(Store& store, std::string_view meeting_ref, std::string_view proposal_ref,
    std::string reason, const Caller& caller);
// The same inside an open transaction (the demo), with the rows found; access is the caller's business.
Result<Proposal> propose_agenda_item(
    Tx& tx, const Meeting& meeting, const Patch& fields, std::optional<Id> proposer, const Caller& caller);
Result<AcceptedProposal> accept_proposal(Tx& tx, const Meeting& meeting, const Proposal& proposal,
    std::optional<AgendaSection> section, const Caller& caller);
Result<Proposal> decline_proposal(
    Tx& tx, const Meeting& meeting, const Proposal& proposal, std::string reason, const Caller& caller);

// The minutes: as sealed at approval, or a draft from the record as it is now.
struct MinutesView {
    std::optional<SealedMinutes> sealed;
    std::optional<MinutesDoc> draft;
};
Result<MinutesView> show_minutes(Store& store, std::string_view meeting_ref, const Caller& caller);

// What an invitation (iCalendar) is made from.
Result<AgendaDoc> invitation(Store& store, std::string_view meeting_ref, const Caller& caller);

} // namespace c9
