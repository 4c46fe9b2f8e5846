#include "app/hooks.h"

#include "app/access.h"
#include "store/lookups.h"
#include "store/risk_scores.h"
#include "store/typed.h"

#include <fmt/format.h>

namespace c9 {

Result<void> check_against_store(Tx& tx, const Person* before, const Person& row, Problems& problems)
{
    if (before && before->email == row.email)
        return {};
    auto existing = C9_TRY(person_by_email(tx, row.email));
    if (existing && (!before || *existing != before->id))
        problems.add("email", "is already used by " + display_id("PER", *existing));
    return {};
}

Result<void> complete_from_store(Tx& tx, ActionItem& row)
{
    row.series.reset();
    if (row.meeting) {
        auto meeting = get_row(tx, meeting_spec(), *row.meeting);
        if (meeting)
            row.series = meeting->series;
    }
    return {};
}

Result<void> check_against_store(Tx&, const Meeting* before, const Meeting& row, Problems& problems)
{
    if (!before)
        return {};
    if (before->state == MeetingState::approved)
        return Error::locked(fmt::format("{} is approved: its record is sealed and cannot change",
                                         display_id("MTG", before->id)));
    if (before->state == MeetingState::cancelled)
        return Error::conflict(fmt::format("{} is cancelled; plan another meeting instead", display_id("MTG", before->id)));
    if (before->state != MeetingState::planned && before->starts_at != row.starts_at)
        problems.add("starts_at", "cannot change once the meeting has started");
    if (before->series != row.series)
        problems.add("series", "cannot change; plan a meeting in the other series instead");
    return {};
}

Result<void> check_against_store(Tx& tx, const MeetingSeries* before, const MeetingSeries& row, Problems& problems)
{
    if ((before && before->approvers == row.approvers) || problems.has("approvers"))
        return {};
    for (auto person : people_of(row.approvers).value_or(std::vector<Id>{})) {
        auto found = get_row(tx, person_spec(), person);
        if (!found)
            problems.add("approvers", fmt::format("no person has the id {}", display_id("PER", person)));
        else if (!found->active)
            problems.add("approvers", fmt::format("{} is no longer active", display_id("PER", person)));
    }
    return {};
}

Result<void> check_caller(const Caller& caller, const Risk* before, const Risk& row, Problems& problems)
{
    bool accepting = row.accepted_by && (!before || before->accepted_by != row.accepted_by);
    // Someone other than the owner named as accepting is refused by the register's own rules (core/risk.h).
    if (!accepting || row.accepted_by != row.owner || caller.person == row.accepted_by)
        return {};
    auto owner = display_id("PER", *row.owner);
    if (!manages_accounts(caller))
        problems.add("accepted_by",
            fmt::format("only the risk owner ({}) accepts their residual risk; an admin may "
                        "record the owner's acceptance with a note",
                owner));
    else if (!row.acceptance_note || row.acceptance_note->empty())
        problems.add("acceptance_note",
            fmt::format("is required when you record the acceptance of {} for them: say "
                        "how and when they accepted",
                owner));
    return {};
}

Result<void> after_write(Tx& tx, const Risk* before, const Risk& row, const Stamp& stamp)
{
    if (before && !scores_changed(*before, row))
        return {};
    return insert_risk_score(tx, score_of(row, stamp.at));
}

} // namespace c9
