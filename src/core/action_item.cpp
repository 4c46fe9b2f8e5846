#include "core/action_item.h"

namespace c9 {

const EntitySpec<ActionItem>& action_spec()
{
    static const EntitySpec<ActionItem> spec {
        "action",
        "actions",
        "actions",
        "ACT",
        "Action item",
        {
            field<&ActionItem::title>("title", FieldKind::text, required | listed, "what is to be done"),
            field<&ActionItem::description>("description", FieldKind::text, multiline, "details"),
            field<&ActionItem::owner>(
                "owner", FieldKind::person, required | listed | filterable, "who does it (id or email)"),
            field<&ActionItem::due>("due", FieldKind::date, required | listed | filterable | backdatable, "due date"),
            field<&ActionItem::status>(
                "status", FieldKind::choice, listed | filterable, "open, in_progress, done or cancelled"),
            field<&ActionItem::meeting>(
                "meeting", FieldKind::reference, filterable, "meeting that raised it", "meeting"),
            field<&ActionItem::series>("series", FieldKind::reference, read_only | filterable,
                "series of the meeting that raised it (followed up at its next meetings)", "series")
                .labelled("Meeting series"),
            field<&ActionItem::agenda_item>(
                "agenda_item", FieldKind::reference, no_flags, "agenda item it was raised under", "agenda_item"),
            field<&ActionItem::origin_type>("origin_type", FieldKind::choice, filterable,
                "kind of row it comes from: incident, risk, nonconformity, ...")
                .labelled("Origin"),
            field<&ActionItem::origin_id>("origin_id", FieldKind::reference, filterable,
                "the row it comes from, e.g. RSK-12 (of the kind origin_type names)", "@origin_type"),
            field<&ActionItem::progress>(
                "progress", FieldKind::text, multiline, "latest progress note (earlier notes stay in the history)"),
            field<&ActionItem::completed_at>(
                "completed_at", FieldKind::timestamp, read_only, "when it was done or cancelled")
                .labelled("Completed"),
        },
        [] {
            return std::vector<Filter> {where_in("status", {std::string("open"), std::string("in_progress")})};
        },
        [](Date today) {
            return std::vector<Filter>{where_in("status", {std::string("open"), std::string("in_progress")}),
                                       where("due", FilterOp::lt, format_date(today))};
        },
        {
            {.name = "done",
                .help = "Mark an action item done (--progress says what was done)",
                .fields = {"progress"},
                .state = "status",
                .to = {"done"},
                .from = {"open", "in_progress"}},
            {.name = "cancel",
                .help = "Cancel an action item (--progress says why)",
                .fields = {"progress"},
                .state = "status",
                .to = {"cancelled"},
                .from = {"open", "in_progress"}},
        },
    };
    return spec;
}

bool is_open(ActionStatus status) { return status == ActionStatus::open || status == ActionStatus::in_progress; }

bool is_overdue(const ActionItem& action, Date today) { return is_open(action.status) && action.due < today; }

bool closed_on_time(const ActionItem& action)
{
    return action.status == ActionStatus::done && action.completed_at && to_date(*action.completed_at) <= action.due;
}

void derive(ActionItem& row, const ActionItem*, const Rules& rules)
{
    if (!is_open(row.status) && !row.completed_at)
        row.completed_at = rules.now;
    if (is_open(row.status))
        row.completed_at.reset();
}

void validate(const ActionItem& row, const ActionItem*, const Rules&, Problems& problems)
{
    if (row.origin_id && !row.origin_type)
        problems.add("origin_type", "is required when origin_id is given");
    if (row.status == ActionStatus::cancelled && (!row.progress || row.progress->empty()))
        problems.add("progress", "must say why the action is cancelled");
}

} // namespace c9
