#include "core/nonconformity.h"

namespace c9 {

const EntitySpec<Nonconformity>& nonconformity_spec()
{
    static const EntitySpec<Nonconformity> spec{
        "nonconformity",
        "nonconformities",
        "nonconformities",
        "NC",
        "Nonconformity",
        {
            field<&Nonconformity::title>("title", FieldKind::text, required | listed, "short description"),
            field<&Nonconformity::description>("description", FieldKind::text, multiline, "what does not conform"),
            field<&Nonconformity::source>("source", FieldKind::choice, listed | filterable,
                                          "internal_audit, external_audit, incident, management_review, monitoring "
                                          "or other"),
            field<&Nonconformity::grade>("grade", FieldKind::choice, listed | filterable, "major, minor or observation"),
            field<&Nonconformity::owner>("owner", FieldKind::person, listed | filterable, "who fixes it (id or email)"),
            field<&Nonconformity::identified_on>("identified_on", FieldKind::date, listed,
                                                 "date it was found (default: today)"),
            field<&Nonconformity::incident>("incident", FieldKind::reference, no_flags, "incident it came from",
                                            "incident"),
            field<&Nonconformity::root_cause>("root_cause", FieldKind::text, multiline, "why it happened (10.2 b)"),
            field<&Nonconformity::corrective_action>("corrective_action", FieldKind::text, multiline,
                                                     "what is done so it does not recur (10.2 c)"),
            field<&Nonconformity::due>("due", FieldKind::date, listed | filterable, "date the corrective action is due"),
            field<&Nonconformity::status>("status", FieldKind::choice, listed | filterable,
                                          "open, in_progress or closed"),
            field<&Nonconformity::effectiveness_check>("effectiveness_check", FieldKind::text, multiline,
                                                       "how the effectiveness was checked (10.2 d)"),
            field<&Nonconformity::effective>("effective", FieldKind::boolean, no_flags,
                                             "the corrective action was effective (yes/no)"),
            field<&Nonconformity::closed_on>("closed_on", FieldKind::date, read_only, "date it was closed"),
        },
        [] { return std::vector<Filter>{where("status", FilterOp::ne, std::string("closed"))}; },
        [](Date today) {
            return std::vector<Filter>{where("status", FilterOp::ne, std::string("closed")),
                                       where("due", FilterOp::lt, format_date(today))};
        },
        {
            // 10.2 d): closed once the corrective action proved effective.
            {.name = "close",
                .help = "Close a nonconformity once the corrective action proved effective (10.2 d)",
                .fields = {"root_cause", "corrective_action", "effectiveness_check", "effective"},
                .state = "status",
                .to = {"closed"},
                .from = {"open", "in_progress"}},
        },
    };
    return spec;
}

void derive(Nonconformity& row, const Nonconformity* before, const Rules& rules)
{
    if (!before && row.identified_on == Date{})
        row.identified_on = rules.today();
    if (row.status == NcStatus::closed && !row.closed_on)
        row.closed_on = rules.today();
    if (row.status != NcStatus::closed)
        row.closed_on.reset();
}

void validate(const Nonconformity& row, const Nonconformity*, const Rules& rules, Problems& problems)
{
    if (row.identified_on > rules.today())
        problems.add("identified_on", "cannot be in the future");
    if (row.due && *row.due < row.identified_on)
        problems.add("due", "cannot be before the date it was identified");
    // 10.2: closing needs the cause, the action and a positive effectiveness review.
    if (row.status == NcStatus::closed) {
        if (!row.root_cause || row.root_cause->empty())
            problems.add("root_cause", "is required to close a nonconformity (10.2 b)");
        if (!row.corrective_action || row.corrective_action->empty())
            problems.add("corrective_action", "is required to close a nonconformity (10.2 c)");
        if (!row.effectiveness_check || row.effectiveness_check->empty())
            problems.add("effectiveness_check", "is required to close a nonconformity (10.2 d)");
        if (row.effective != true)
            problems.add("effective", "must be yes to close; an ineffective action needs a new corrective action");
    }
}

} // namespace c9
