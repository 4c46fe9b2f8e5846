#include "core/control.h"

namespace c9 {

const EntitySpec<Control>& control_spec()
{
    static const EntitySpec<Control> spec {
        "control",
        "controls",
        "controls",
        "CTL",
        "Control",
        {
            field<&Control::code>("code", FieldKind::text, read_only | listed, "Annex A id, such as 5.1")
                .labelled("Annex A id"),
            field<&Control::title>("title", FieldKind::text, read_only | listed, "short title"),
            field<&Control::theme>("theme", FieldKind::choice, read_only | listed | filterable,
                "Organizational, People, Physical or Technological"),
            field<&Control::new_in_2022>(
                "new_in_2022", FieldKind::boolean, read_only | filterable, "introduced by the 2022 edition"),
            field<&Control::replaces_2013>(
                "replaces_2013", FieldKind::text, read_only, "ISO/IEC 27001:2013 controls it replaces")
                .labelled("Replaces (2013)"),
            field<&Control::applicable>("applicable", FieldKind::boolean, listed | filterable,
                "Statement of Applicability: is the control applicable (yes/no)"),
            field<&Control::justification>(
                "justification", FieldKind::text, multiline, "why the control is included or excluded"),
            field<&Control::status>("status", FieldKind::choice, listed | filterable,
                "implementation status: not_started, planned, partial, implemented")
                .labelled("Implementation"),
            field<&Control::owner>("owner", FieldKind::person, listed | filterable, "control owner (id or email)"),
            field<&Control::last_review>("last_review", FieldKind::date, no_flags, "date of the last review"),
            field<&Control::next_review>("next_review", FieldKind::date, filterable, "date the next review is due"),
        },
        nullptr,
        [](Date today) { return std::vector<Filter> {where("next_review", FilterOp::lt, format_date(today))}; },
        {},
        false,
    };
    return spec;
}

void derive(Control&, const Control*, const Rules&) {}

void validate(const Control& row, const Control*, const Rules& rules, Problems& problems)
{
    // 6.1.3 d): the SoA justifies exclusions; an excluded control cannot be in progress or implemented.
    if (row.applicable == false) {
        if (!row.justification || row.justification->empty())
            problems.add("justification", "is required when a control is marked not applicable");
        if (row.status != ImplementationStatus::not_started)
            problems.add("status", "must be not_started for a control marked not applicable");
    }
    if (row.last_review && *row.last_review > rules.today())
        problems.add("last_review", "cannot be in the future");
    if (row.last_review && row.next_review && *row.next_review < *row.last_review)
        problems.add("next_review", "cannot be before the last review");
}

} // namespace c9
