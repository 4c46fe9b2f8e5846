// Recurring maintenance activities (patching, access reviews, backup restore tests, log reviews ...) and their
// completion log, the evidence that the controls they support operate (ISO/IEC 27001:2022 9.1, 7.5).
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/recurrence.h"
#include "core/rules.h"

namespace c9 {

enum class ActivityResult { ok, issues_found, failed };
C9_ENUM_NAMES(ActivityResult, "ok", "issues_found", "failed");

struct Activity : Row {
    std::string title;
    std::optional<std::string> description;
    std::optional<Id> owner;
    std::string recurrence; // canonical RRULE, such as FREQ=MONTHLY;INTERVAL=3
    Date next_due{};
    std::optional<Date> last_done;
    std::string controls;
    bool active = true;
};

const EntitySpec<Activity>& activity_spec();
void derive(Activity& row, const Activity* before, const Rules& rules);
void validate(const Activity& row, const Activity* before, const Rules& rules, Problems& problems);

// One entry of the completion log.
struct Completion {
    Id id = 0;
    Id activity = 0;
    Date done_on{};
    Date due{}; // the due date this completion satisfied
    std::optional<Id> done_by;
    ActivityResult result = ActivityResult::ok;
    std::optional<std::string> evidence; // link or reference to the evidence
    std::optional<std::string> note;
    Timestamp recorded_at{};
    std::string recorded_by;

    bool on_time() const { return done_on <= due; }
};

// True when the completion is dated before the activity was entered: a past fact recorded afterwards.
bool backdated(const Activity& activity, const Completion& completion);

// A completion as a log entry: id, done_on, due, on_time, done_by, result, evidence, note, recorded_at, backdated,
// recorded_by.
LogEntry log_entry(const Activity& activity, const Completion& completion);

// Records a completion: the entry satisfies the current due date and the activity moves to its next occurrence
// after the completion date (missed occurrences are not owed twice). Fails on a date in the future and on a failed
// result without a note saying what went wrong. A date before the activity was entered records the past: it is
// taken, and marked back-dated.
Result<Completion> complete(Activity& activity, Date done_on, ActivityResult result, std::optional<std::string> evidence,
                            std::optional<std::string> note, const Rules& rules);

} // namespace c9
