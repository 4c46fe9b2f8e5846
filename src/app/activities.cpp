#include "app/activities.h"

#include "app/registers.h"
#include "store/completions.h"

namespace c9 {

Result<CompletionOutcome> complete_activity(Tx& tx, Id id, const CompletionInput& input, const Caller& caller)
{
    const auto& spec = activity_spec();
    auto rules = C9_TRY(load_rules(tx, caller.now));
    auto before = C9_TRY(get_row(tx, spec, id));
    if (input.done_by && !C9_TRY(tx.exists("people", *input.done_by)))
        return Error::invalid("by", fmt::format("no person has the id {}", *input.done_by));
    auto activity = before;
    auto completion = C9_TRY(complete(activity, input.done_on.value_or(rules.today()), input.result, input.evidence,
                                      input.note, rules));
    completion.done_by = input.done_by ? input.done_by : activity.owner;
    completion.recorded_by = caller.actor;
    completion.id = C9_TRY(insert_completion(tx, completion));
    // The audit trail says when a completion records the past.
    auto note = backdated(before, completion) ? fmt::format(" (back-dated: done {}, activity entered {})",
                    format_date(completion.done_on), format_date(to_date(before.created_at)))
                                              : std::string();
    activity = C9_TRY(write_changes(tx, spec, before, activity, caller, "complete", note));
    return CompletionOutcome{std::move(activity), std::move(completion)};
}

} // namespace c9
