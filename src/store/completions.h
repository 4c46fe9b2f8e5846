// The completion log of maintenance activities.
#pragma once

#include "core/activity.h"
#include "store/store.h"

namespace c9 {

Result<Id> insert_completion(Tx& tx, const Completion& completion);
Result<std::vector<Completion>> completions_of(Tx& tx, Id activity);
// Completions with done_on in [from, to), oldest first.
Result<std::vector<Completion>> completions_between(Tx& tx, Date from, Date to);
// Completions logged after `since`, oldest first.
Result<std::vector<Completion>> completions_recorded_since(Tx& tx, Timestamp since);
// The first `limit` completions logged after `since` and up to `until` whose result was not ok.
Result<std::vector<Completion>> findings_recorded_since(Tx& tx, Timestamp since, Timestamp until, int limit);

} // namespace c9
