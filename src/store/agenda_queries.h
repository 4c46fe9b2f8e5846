// Aggregates the agenda builder needs beyond plain row lists: who carries the open action items, and what the
// maintenance log says since the last meeting. Each reads through an index only the rows of its question.
#pragma once

#include "core/agenda.h"
#include "store/store.h"

namespace c9 {

// Owners of the open action items raised in meetings of the series, most overdue first, with up to `per_owner`
// of their item ids (overdue first).
Result<std::vector<OwnerLoad>> action_owner_loads(Tx& tx, Id series, Date today, int owners, int per_owner);

struct CompletionSummary {
    std::int64_t total = 0;
    std::int64_t late = 0;
    Sample<Completion> findings; // result other than ok, oldest first
    std::vector<Id> activities;  // the activities completed, up to the sample size
};

// Completions logged after `since` and up to `until` (the agenda's own time: what was logged later did not exist
// then).
Result<CompletionSummary> completions_since(Tx& tx, Timestamp since, Timestamp until, int sample);

} // namespace c9
