#include "core/activity.h"

namespace c9 {

const EntitySpec<Activity>& activity_spec()
{
    static const EntitySpec<Activity> spec{
        "activity",
        "activities",
        "activities",
        "MNT",
        "Maintenance activity",
        {
            field<&Activity::title>("title", FieldKind::text, required | listed, "what is done, e.g. \"Patch servers\""),
            field<&Activity::description>("description", FieldKind::text, multiline, "how it is done"),
            field<&Activity::owner>("owner", FieldKind::person, listed | filterable, "who does it (id or email)"),
            field<&Activity::recurrence>("recurrence", FieldKind::text, required | listed,
                                         "how often: daily, weekly, monthly, quarterly, half-yearly, yearly or an "
                                         "RRULE such as FREQ=WEEKLY;INTERVAL=2"),
            field<&Activity::next_due>("next_due", FieldKind::date, required | listed | filterable,
                                       "date the next occurrence is due"),
            field<&Activity::last_done>("last_done", FieldKind::date, read_only | listed,
                                        "date of the last completion"),
            field<&Activity::controls>("controls", FieldKind::controls, filterable,
                                       "Annex A controls it supports, e.g. \"8.8, 8.13\""),
            field<&Activity::active>("active", FieldKind::boolean, filterable, "still scheduled"),
        },
        [] { return std::vector<Filter>{where("active", FilterOp::eq, std::int64_t{1})}; },
        [](Date today) {
            return std::vector<Filter>{where("active", FilterOp::eq, std::int64_t{1}),
                                       where("next_due", FilterOp::lt, format_date(today))};
        },
        {
            // 9.1 and 7.5: the completion log is the evidence that the controls the activity supports operate.
            {.name = "complete",
                .help = "Log that an activity was done; its next due date moves on",
                .log = "completions",
                .list_name = "log",
                .params = {
                    {"date", FieldKind::date, no_flags, "date it was done", {}, {}, "today"},
                    {"result", FieldKind::choice, no_flags, "how it went", enum_names<ActivityResult>(), {}, "ok"},
                    {"evidence", FieldKind::text, no_flags, "link to or reference of the evidence"},
                    {"note", FieldKind::text, multiline, "what was found; required unless the result is ok"},
                    {"by", FieldKind::person, no_flags, "who did it (PER-3, 3 or an email)", {}, {}, "the owner"},
                }},
        },
    };
    return spec;
}

void derive(Activity& row, const Activity*, const Rules&)
{
    if (auto recurrence = Recurrence::parse(row.recurrence))
        row.recurrence = recurrence->to_rrule();
}

void validate(const Activity& row, const Activity*, const Rules&, Problems& problems)
{
    if (!row.recurrence.empty() && !Recurrence::parse(row.recurrence))
        problems.add("recurrence", "must be daily, weekly, fortnightly, monthly, quarterly, half-yearly, yearly or an "
                                   "RRULE like FREQ=MONTHLY;INTERVAL=3");
}

bool backdated(const Activity& activity, const Completion& completion)
{
    return activity.id != 0 && completion.done_on < to_date(activity.created_at);
}

LogEntry log_entry(const Activity& activity, const Completion& completion)
{
    return {{"id", FieldKind::integer, completion.id}, {"done_on", FieldKind::date, format_date(completion.done_on)},
        {"due", FieldKind::date, format_date(completion.due)},
        {"on_time", FieldKind::boolean, std::int64_t {completion.on_time() ? 1 : 0}},
        {"done_by", FieldKind::person, to_value(completion.done_by)},
        {"result", FieldKind::choice, std::string(to_string(completion.result))},
        {"evidence", FieldKind::text, to_value(completion.evidence)},
        {"note", FieldKind::text, to_value(completion.note)},
        {"recorded_at", FieldKind::timestamp, format_timestamp(completion.recorded_at)},
        {"backdated", FieldKind::boolean, std::int64_t {backdated(activity, completion) ? 1 : 0}},
        {"recorded_by", FieldKind::text, completion.recorded_by}};
}

Result<Completion> complete(Activity& activity, Date done_on, ActivityResult result, std::optional<std::string> evidence,
                            std::optional<std::string> note, const Rules& rules)
{
    Problems problems;
    if (done_on > rules.today())
        problems.add("date", "cannot be in the future");
    if (result != ActivityResult::ok && (!note || note->empty()))
        problems.add("note", "is required when the result is not ok: say what was found");
    if (!activity.active)
        problems.add("activity", "is no longer active");
    auto recurrence = Recurrence::parse(activity.recurrence);
    if (!recurrence)
        problems.add("recurrence", "is not a valid recurrence");
    C9_TRY(problems.result());

    Completion completion;
    completion.activity = activity.id;
    completion.done_on = done_on;
    completion.due = activity.next_due;
    completion.result = result;
    completion.evidence = std::move(evidence);
    completion.note = std::move(note);
    completion.recorded_at = rules.now;

    activity.next_due = recurrence->next_after(activity.next_due, std::max(done_on, activity.next_due));
    if (!activity.last_done || done_on > *activity.last_done)
        activity.last_done = done_on;
    return completion;
}

} // namespace c9
