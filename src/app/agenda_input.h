// Gathers what the agenda builder needs for one meeting, with indexed queries on what changed since the previous
// held meeting of its series and on what is open now.
#pragma once

#include "core/agenda.h"
#include "store/store.h"

namespace c9 {

Result<std::optional<Meeting>> previous_held_meeting(Tx& tx, const Meeting& meeting);
// The next meeting of the series after this one, planned or by cadence.
Result<Date> following_meeting_date(Tx& tx, const Meeting& meeting, const MeetingSeries& series);

Result<AgendaInput> gather_agenda_input(Tx& tx, const Meeting& meeting, const MeetingSeries& series,
                                        const Rules& rules);

} // namespace c9
