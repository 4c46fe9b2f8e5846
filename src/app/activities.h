// Logging the completion of a maintenance activity: the log entry and the activity's next due date change together.
#pragma once

#include "app/caller.h"
#include "core/activity.h"
#include "store/store.h"

namespace c9 {

struct CompletionInput {
    std::optional<Date> done_on; // default: today
    ActivityResult result = ActivityResult::ok;
    std::optional<std::string> evidence;
    std::optional<std::string> note;
    std::optional<Id> done_by;
};

struct CompletionOutcome {
    Activity activity;
    Completion completion;
};

Result<CompletionOutcome> complete_activity(Tx& tx, Id activity, const CompletionInput& input, const Caller& caller);

} // namespace c9
