// Meeting and agenda item ids in paths: "12" or "MTG-12", "40" or "AI-40"; an item must belong to the meeting
// the path names.
#pragma once

#include "api/register_routes.h"
#include "core/meeting.h"

namespace c9 {

Result<Id> path_meeting(Tx& tx, const Call& call);
Result<AgendaItem> path_item(Tx& tx, const Call& call, Id meeting);

} // namespace c9
