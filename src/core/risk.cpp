#include "core/risk.h"

#include <fmt/format.h>

namespace c9 {

const EntitySpec<Risk>& risk_spec()
{
    static const EntitySpec<Risk> spec {
        "risk",
        "risks",
        "risks",
        "RSK",
        "Risk",
        {
            field<&Risk::title>("title", FieldKind::text, required | listed, "short name of the risk"),
            field<&Risk::description>("description", FieldKind::text, multiline, "the risk scenario in words")
                .labelled("Scenario"),
            field<&Risk::asset>("asset", FieldKind::reference, filterable, "asset at risk (AST-3)", "asset"),
            field<&Risk::threat>("threat", FieldKind::text, no_flags, "threat"),
            field<&Risk::vulnerability>("vulnerability", FieldKind::text, no_flags, "weakness the threat exploits"),
            field<&Risk::owner>("owner", FieldKind::person, required | listed | filterable,
                "risk owner (id or email), accountable for the treatment (6.1.2 c)"),
            field<&Risk::likelihood>("likelihood", FieldKind::integer, required | listed,
                "likelihood level on the risk matrix, 1 (rare) to the matrix size"),
            field<&Risk::impact>("impact", FieldKind::integer, required | listed,
                "impact level on the risk matrix, 1 (negligible) to the matrix size"),
            field<&Risk::inherent_score>(
                "inherent_score", FieldKind::integer, read_only | listed, "likelihood x impact"),
            field<&Risk::treatment>(
                "treatment", FieldKind::choice, listed | filterable, "mitigate, accept, avoid or transfer"),
            field<&Risk::treatment_plan>("treatment_plan", FieldKind::text, multiline, "what will be done"),
            field<&Risk::treatment_due>(
                "treatment_due", FieldKind::date, filterable | backdatable, "date the plan is due"),
            field<&Risk::treatment_status>("treatment_status", FieldKind::choice, listed | filterable,
                "planned, in_progress or done (default planned once a treatment is chosen); the residual levels "
                "count only once it is done"),
            field<&Risk::residual_likelihood>(
                "residual_likelihood", FieldKind::integer, no_flags, "likelihood once the treatment is in place"),
            field<&Risk::residual_impact>(
                "residual_impact", FieldKind::integer, no_flags, "impact once the treatment is in place"),
            field<&Risk::residual_score>(
                "residual_score", FieldKind::integer, read_only | listed, "residual likelihood x residual impact"),
            field<&Risk::current_score>("current_score", FieldKind::integer, read_only | filterable,
                "the score the appetite is compared with: residual once the treatment is done, else inherent"),
            field<&Risk::accepted_by>("accepted_by", FieldKind::person, no_flags,
                "the risk owner, accepting the residual risk (6.1.3 f); cleared when the score rises above the "
                "accepted one"),
            field<&Risk::accepted_on>(
                "accepted_on", FieldKind::date, no_flags, "date of the acceptance (default today)"),
            field<&Risk::accepted_score>(
                "accepted_score", FieldKind::integer, read_only, "the current score the owner accepted"),
            field<&Risk::acceptance_note>("acceptance_note", FieldKind::text, no_flags,
                "how the owner accepted; required when someone else records the owner's acceptance"),
            field<&Risk::next_review>("next_review", FieldKind::date, listed | filterable | backdatable,
                "date of the next review (default: one year on)"),
            field<&Risk::status>("status", FieldKind::choice, filterable, "open or closed"),
            field<&Risk::controls>(
                "controls", FieldKind::controls, filterable, "Annex A controls that treat it, e.g. \"5.15, 8.5\""),
        },
        [] { return std::vector<Filter> {where("status", FilterOp::eq, std::string("open"))}; },
        [](Date today) {
            return std::vector<Filter> {where("status", FilterOp::eq, std::string("open")),
                where("treatment_due", FilterOp::lt, format_date(today)),
                where("treatment_status", FilterOp::ne, std::string("done"))};
        },
        {
            {.name = "close",
                .help = "Close a risk that no longer applies (--description may say why)",
                .fields = {"description"},
                .state = "status",
                .to = {"closed"},
                .from = {"open"}},
        },
    };
    return spec;
}

void derive(Risk& row, const Risk* before, const Rules& rules)
{
    row.inherent_score = row.likelihood * row.impact;
    if (row.residual_likelihood && row.residual_impact)
        row.residual_score = *row.residual_likelihood * *row.residual_impact;
    else
        row.residual_score.reset();
    if ((row.treatment || row.treatment_due) && !row.treatment_status)
        row.treatment_status = TreatmentStatus::planned;
    // Accepting is the whole of an accept treatment.
    if (row.treatment == Treatment::accept && row.accepted_by)
        row.treatment_status = TreatmentStatus::done;
    row.current_score = current_score(row);
    if (!before && !row.next_review)
        row.next_review = add_months(rules.today(), 12);

    // 6.1.3 f: an acceptance is of a score. It lapses when the score rises above it, when the risk changes owner,
    // and when it is withdrawn; the history keeps what was accepted.
    auto lapse = [&row] {
        row.accepted_by.reset();
        row.accepted_on.reset();
        row.accepted_score.reset();
        row.acceptance_note.reset();
    };
    bool accepting = row.accepted_by && (!before || before->accepted_by != row.accepted_by);
    if (accepting || (row.accepted_by && !row.accepted_score)) {
        row.accepted_score = row.current_score;
        if (!row.accepted_on || (before && row.accepted_on == before->accepted_on))
            row.accepted_on = rules.today();
    } else if (before && before->accepted_by && !row.accepted_by)
        lapse();
    else if (before && row.accepted_by && (row.current_score > *row.accepted_score || row.owner != before->owner))
        lapse();
}

void validate(const Risk& row, const Risk* before, const Rules& rules, Problems& problems)
{
    const auto& matrix = rules.matrix;
    auto check_level = [&](const char* name, int level) {
        if (!matrix.contains(level))
            problems.add(name, fmt::format("must be between 1 and {} on the {}x{} risk matrix, not {}", matrix.size,
                                           matrix.size, matrix.size, level));
    };
    if (!problems.has("likelihood"))
        check_level("likelihood", row.likelihood);
    if (!problems.has("impact"))
        check_level("impact", row.impact);
    if (row.residual_likelihood)
        check_level("residual_likelihood", *row.residual_likelihood);
    if (row.residual_impact)
        check_level("residual_impact", *row.residual_impact);
    if (row.residual_likelihood.has_value() != row.residual_impact.has_value())
        problems.add(row.residual_likelihood ? "residual_impact" : "residual_likelihood",
                     "is required together with the other residual level");
    if (row.residual_score && matrix.contains(row.likelihood) && matrix.contains(row.impact) &&
        *row.residual_score > row.inherent_score)
        problems.add("residual_score", fmt::format("{} cannot be above the inherent score {}: treatment does not "
                                                   "raise a risk; reassess the inherent levels instead",
                                                   *row.residual_score, row.inherent_score));

    if (row.accepted_on && *row.accepted_on > rules.today())
        problems.add("accepted_on", "cannot be in the future");
    if (row.accepted_on && !row.accepted_by)
        problems.add("accepted_by", "is required when accepted_on is set");
    if (row.acceptance_note && !row.accepted_by && !problems.has("accepted_by"))
        problems.add("acceptance_note", "belongs to an acceptance: give accepted_by too");
    // Only the owner accepts the residual risk; someone recording it for them names the owner (app/hooks.h).
    bool acceptance_given = row.accepted_by && (!before || before->accepted_by != row.accepted_by);
    if (acceptance_given && row.owner && *row.accepted_by != *row.owner)
        problems.add("accepted_by",
            fmt::format("must be the risk owner ({}): only the owner accepts a residual risk "
                        "(6.1.3 f)",
                display_id("PER", *row.owner)));

    // 6.1.3: mitigation needs a plan; accepting a risk above appetite needs the owner's recorded acceptance. An
    // acceptance that lapsed (the score rose) leaves the risk above appetite, for the next meeting to see, rather
    // than refusing the reassessment.
    if (row.treatment == Treatment::mitigate && (!row.treatment_plan || row.treatment_plan->empty()) &&
        row.status == RiskStatus::open && matrix.above_appetite(row.inherent_score))
        problems.add("treatment_plan", "is required to mitigate a risk above appetite");
    bool choosing = !before || before->treatment != row.treatment;
    if (row.treatment == Treatment::accept && choosing && matrix.above_appetite(current_score(row)) && !row.accepted_by
        && !problems.has("accepted_by"))
        problems.add("accepted_by", fmt::format("is required to accept a risk scored {} above the appetite of {}",
                                                current_score(row), matrix.appetite));
}

bool residual_in_effect(const Risk& risk)
{
    return risk.residual_score && risk.treatment_status == TreatmentStatus::done;
}

int current_score(const Risk& risk) { return residual_in_effect(risk) ? *risk.residual_score : risk.inherent_score; }

bool scores_changed(const Risk& before, const Risk& after)
{
    return before.likelihood != after.likelihood || before.impact != after.impact
        || before.residual_likelihood != after.residual_likelihood || before.residual_impact != after.residual_impact
        || current_score(before) != current_score(after);
}

RiskScore score_of(const Risk& risk, Timestamp at)
{
    return {
        risk.id, at, risk.likelihood, risk.impact, risk.residual_likelihood, risk.residual_impact, current_score(risk)};
}

} // namespace c9
