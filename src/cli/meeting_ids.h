// Naming meetings and agenda items on the command line: MTG-3 (or 3) for a meeting, and an item by the number the
// agenda shows (4) or its id (AI-17).
#pragma once

#include "app/meetings.h"
#include "store/store.h"

#include <string_view>

namespace c9 {

Result<Id> meeting_id(std::string_view text);
Result<Id> series_id(Tx& tx, std::string_view text);
// The item shown as number N on the agenda of the meeting (removed items are not numbered), or AI-n.
Result<Id> agenda_item_id(Tx& tx, Id meeting, std::string_view text);
// An email or id of a person.
Result<Id> person_id(Tx& tx, std::string_view text, std::string_view field);

} // namespace c9
