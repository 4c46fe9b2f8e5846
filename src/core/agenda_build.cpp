#include "core/agenda.h"

#include <algorithm>
#include <fmt/format.h>

namespace c9 {

namespace {

// Open action items are listed one by one up to this many; beyond it, per owner.
constexpr std::int64_t max_individual_actions = 15;
// Rows that each deserve an item of their own (severe incidents, rising risks ...) are listed up to this many;
// the rest share one item, so that a bad month still gives an agenda a meeting can get through.
constexpr size_t max_each = 10;

class Builder {
public:
    explicit Builder(const AgendaInput& input) : m_input(input) {}

    std::vector<AgendaDraft> take() { return std::move(m_items); }
    const AgendaInput& input() const { return m_input; }
    bool is_review() const { return m_input.type == MeetingType::management_review; }

    std::optional<Id> holder(IsmsRole role) const
    {
        auto found = m_input.role_holders.find(role);
        if (found == m_input.role_holders.end())
            return std::nullopt;
        return found->second;
    }

    // The row's owner presents; without one, the holder of the role mapped to the section.
    std::optional<Id> presenter(AgendaSection section, std::optional<Id> owner = {}) const
    {
        if (owner)
            return owner;
        switch (section) {
        case AgendaSection::opening:
        case AgendaSection::other_business: return m_input.chair ? m_input.chair : holder(IsmsRole::iso);
        case AgendaSection::maintenance:
        case AgendaSection::incidents:
        case AgendaSection::vulnerabilities: return holder(IsmsRole::it) ? holder(IsmsRole::it) : holder(IsmsRole::iso);
        default: return holder(IsmsRole::iso);
        }
    }

    void add(std::string key, AgendaSection section, std::string title, std::optional<Id> owner, int timebox,
             std::vector<std::string> sources = {}, std::string covers = {})
    {
        if (!has_section(m_input.type, section))
            return;
        m_items.push_back({std::move(key), section, std::move(title), presenter(section, owner), timebox,
                           std::move(sources), std::move(covers)});
    }

private:
    const AgendaInput& m_input;
    std::vector<AgendaDraft> m_items;
};

template <class T>
std::vector<std::string> refs(std::string_view prefix, const std::vector<T>& rows, size_t skip = 0)
{
    std::vector<std::string> out;
    for (size_t index = skip; index < rows.size(); ++index)
        out.push_back(display_id(prefix, rows[index].id));
    return out;
}

std::vector<std::string> id_refs(std::string_view prefix, const std::vector<Id>& ids)
{
    std::vector<std::string> out;
    for (auto id : ids)
        out.push_back(display_id(prefix, id));
    return out;
}

std::int64_t count_of(const SeverityCounts& counts, Severity severity)
{
    auto found = counts.find(severity);
    return found == counts.end() ? 0 : found->second;
}

std::string by_severity(const SeverityCounts& counts)
{
    return fmt::format("{} critical, {} high, {} medium, {} low", count_of(counts, Severity::critical),
                       count_of(counts, Severity::high), count_of(counts, Severity::medium),
                       count_of(counts, Severity::low) + count_of(counts, Severity::none));
}

void opening(Builder& builder)
{
    const auto& input = builder.input();
    builder.add("opening.attendance", AgendaSection::opening, "Attendance, roles and quorum", {}, 5);
    // Minutes are approved at the next meeting when they were not approved in between (7.5.2: review and approval).
    if (input.previous && input.previous->state != MeetingState::approved)
        builder.add("opening.previous_minutes", AgendaSection::opening,
                    fmt::format("Approval of the minutes of {} ({})", input.previous->title,
                                format_date(to_date(input.previous->starts_at))),
                    {}, 5, {display_id("MTG", input.previous->id)});
    // A meeting without quorum decides provisionally: its decisions come back here until one with quorum confirms
    // them (`meeting decide --confirms DEC-n`).
    constexpr size_t max_individual_confirmations = 5;
    const auto& unconfirmed = input.unconfirmed_decisions;
    if (unconfirmed.size() <= max_individual_confirmations) {
        for (const auto& decision : unconfirmed) {
            auto ref = display_id("DEC", decision.id);
            builder.add("opening.confirm:" + ref, AgendaSection::opening,
                fmt::format("Confirm provisional decision {} of {} (taken without quorum): {}", ref,
                    display_id("MTG", decision.meeting), decision.text),
                {}, 2, {ref});
        }
    } else {
        builder.add("opening.confirm", AgendaSection::opening,
            fmt::format("Confirm {} provisional decisions taken without quorum", unconfirmed.size()), {}, 10,
            refs("DEC", unconfirmed));
    }
}

void actions(Builder& builder)
{
    const auto& input = builder.input();
    std::string covers = builder.is_review() ? "a" : "";
    auto today = to_date(input.now);
    if (input.open_actions.total <= max_individual_actions) {
        for (const auto& action : input.open_actions.rows) {
            auto ref = display_id("ACT", action.id);
            builder.add("actions.open:" + ref, AgendaSection::actions,
                        fmt::format("{}{}: {} (due {})", is_overdue(action, today) ? "Overdue " : "", ref,
                                    action.title, format_date(action.due)),
                        action.owner, 2, {ref}, covers);
        }
    } else {
        // Many open items: one item per owner for those carrying the most overdue ones, and the rest together.
        std::int64_t listed = 0;
        for (const auto& owner : input.action_owners) {
            listed += owner.open;
            builder.add(fmt::format("actions.owner:PER-{}", owner.owner), AgendaSection::actions,
                        fmt::format("Open action items of the owner: {}{}", owner.open,
                                    owner.overdue ? fmt::format(", {} overdue", owner.overdue) : std::string()),
                        owner.owner ? std::optional<Id>(owner.owner) : std::nullopt, owner.overdue ? 5 : 3,
                        id_refs("ACT", owner.actions), covers);
        }
        if (input.open_actions.total > listed)
            builder.add("actions.others", AgendaSection::actions,
                        fmt::format("Other open action items: {} of {} ({} overdue in all)",
                                    input.open_actions.total - listed, input.open_actions.total,
                                    input.overdue_actions),
                        {}, 5, {}, covers);
    }
    if (!input.closed_actions.empty())
        builder.add("actions.closed", AgendaSection::actions,
                    fmt::format("Action items closed since the last meeting, for confirmation ({})",
                                input.closed_actions.total),
                    {}, 3, refs("ACT", input.closed_actions.rows), covers);
}

void maintenance(Builder& builder)
{
    const auto& input = builder.input();
    if (input.completions > 0) {
        builder.add("maintenance.completed", AgendaSection::maintenance,
                    fmt::format("Maintenance completed since the last meeting: {} completions, {} late, {} with "
                                "findings",
                                input.completions, input.late_completions, input.findings.total),
                    {}, 5, id_refs("MNT", input.completed_activities));
        for (size_t index = 0; index < input.findings.rows.size() && index < max_each; ++index) {
            const auto& done = input.findings.rows[index];
            auto ref = display_id("MNT", done.completion.activity);
            builder.add(fmt::format("maintenance.findings:{}:{}", ref, format_date(done.completion.done_on)),
                        AgendaSection::maintenance,
                        fmt::format("{} {} on {}: {}", ref, done.title, format_date(done.completion.done_on),
                                    to_string(done.completion.result)),
                        done.owner, 5, {ref});
        }
    }
    const auto& overdue = input.overdue_activities;
    for (size_t index = 0; index < overdue.rows.size() && index < max_each; ++index) {
        const auto& activity = overdue.rows[index];
        auto ref = display_id("MNT", activity.id);
        builder.add("maintenance.overdue:" + ref, AgendaSection::maintenance,
                    fmt::format("Overdue: {} {} (due {})", ref, activity.title, format_date(activity.next_due)),
                    activity.owner, 3, {ref});
    }
    if (overdue.total > static_cast<std::int64_t>(max_each))
        builder.add("maintenance.overdue_more", AgendaSection::maintenance,
                    fmt::format("Further overdue maintenance activities ({})", overdue.total - max_each), {}, 3,
                    refs("MNT", overdue.rows, max_each));
    if (!input.due_activities.empty())
        builder.add("maintenance.due", AgendaSection::maintenance,
                    fmt::format("Maintenance due before the next meeting ({})", input.due_activities.total), {}, 2,
                    refs("MNT", input.due_activities.rows));
}

void controls(Builder& builder)
{
    const auto& input = builder.input();
    if (!input.control_changes.empty()) {
        std::vector<std::string> codes, sources;
        for (const auto& change : input.control_changes) {
            if (std::find(codes.begin(), codes.end(), change.control.code) != codes.end())
                continue;
            codes.push_back(change.control.code);
            sources.push_back(display_id("CTL", change.control.id));
        }
        builder.add("controls.changed", AgendaSection::controls,
                    fmt::format("Control status changes since the last meeting: {}", fmt::join(codes, ", ")), {}, 5,
                    sources);
    }
    if (!input.reviews_overdue.empty()) {
        std::vector<std::string> codes;
        for (const auto& control : input.reviews_overdue)
            codes.push_back(control.code);
        builder.add("controls.reviews_overdue", AgendaSection::controls,
                    fmt::format("Control reviews overdue: {}", fmt::join(codes, ", ")), {}, 3,
                    refs("CTL", input.reviews_overdue));
    }
}

void incidents(Builder& builder)
{
    const auto& input = builder.input();
    // Each high or critical incident is its own item: impact, response, root cause, lessons (control 5.27).
    const auto& severe = input.severe_incidents;
    for (size_t index = 0; index < severe.rows.size() && index < max_each; ++index) {
        const auto& incident = severe.rows[index];
        auto ref = display_id("INC", incident.id);
        builder.add("incidents.severe:" + ref, AgendaSection::incidents,
                    fmt::format("{} {} incident: {} ({}, detected {})", ref, to_string(incident.severity),
                                incident.title, to_string(incident.status), format_date(to_date(incident.detected_at))),
                    incident.owner, 10, {ref});
    }
    if (severe.total > static_cast<std::int64_t>(max_each))
        builder.add("incidents.severe_more", AgendaSection::incidents,
                    fmt::format("Further high and critical incidents since the last meeting ({})",
                                severe.total - max_each),
                    {}, 10, refs("INC", severe.rows, max_each));
    if (!input.routine_incidents.empty())
        builder.add("incidents.new", AgendaSection::incidents,
                    fmt::format("Incidents since the last meeting: {} medium, {} low",
                                count_of(input.new_incidents, Severity::medium),
                                count_of(input.new_incidents, Severity::low)),
                    {}, 5, refs("INC", input.routine_incidents.rows));
    // Incidents still open long after detection: stuck responses are a management matter (5.26, 5.27).
    if (!input.long_open_incidents.empty())
        builder.add("incidents.long_open", AgendaSection::incidents,
                    fmt::format("Incidents open for more than {} days ({})", input.long_open_days,
                                input.long_open_incidents.total),
                    {}, 5, refs("INC", input.long_open_incidents.rows));
    if (!input.closed_without_lessons.empty())
        builder.add("incidents.no_lessons", AgendaSection::incidents,
                    fmt::format("Incidents closed without lessons learned ({})", input.closed_without_lessons.total),
                    {}, 3, refs("INC", input.closed_without_lessons.rows));
}

std::string asset_name(const AgendaInput& input, std::optional<Id> asset)
{
    if (!asset)
        return "unknown asset";
    auto found = input.asset_names.find(*asset);
    return found != input.asset_names.end() ? found->second : display_id("AST", *asset);
}

void vulnerabilities(Builder& builder)
{
    const auto& input = builder.input();
    auto today = to_date(input.now);
    // Known-exploited vulnerabilities come first (CISA KEV: actively exploited, their own due date).
    const auto& kev = input.known_exploited;
    for (size_t index = 0; index < kev.rows.size() && index < max_each; ++index) {
        const auto& vulnerability = kev.rows[index];
        auto ref = display_id("VUL", vulnerability.id);
        bool overdue = vulnerability.due && *vulnerability.due < today;
        builder.add("vulnerabilities.kev:" + ref, AgendaSection::vulnerabilities,
            fmt::format("Known exploited {}: {}{} on {} ({})", ref, vulnerability.cve.value_or(vulnerability.title),
                overdue ? ", overdue" : "", asset_name(input, vulnerability.asset), to_string(vulnerability.status)),
            vulnerability.owner, 5, {ref});
    }
    if (kev.total > static_cast<std::int64_t>(max_each))
        builder.add("vulnerabilities.kev_more", AgendaSection::vulnerabilities,
                    fmt::format("Further open known-exploited vulnerabilities ({})", kev.total - max_each), {}, 5,
                    refs("VUL", kev.rows, max_each));
    if (!input.new_vulnerability_rows.empty())
        builder.add("vulnerabilities.new", AgendaSection::vulnerabilities,
                    fmt::format("New vulnerabilities since the last meeting: {}", by_severity(input.new_vulnerabilities)),
                    {}, 5, refs("VUL", input.new_vulnerability_rows.rows));
    // Accepting a vulnerability is accepting a risk (6.1.3 e, 8.8): the meeting sees each acceptance once.
    if (!input.accepted_vulnerabilities.empty())
        builder.add("vulnerabilities.accepted", AgendaSection::vulnerabilities,
                    fmt::format("Vulnerabilities accepted as risk since the last meeting ({})",
                                input.accepted_vulnerabilities.total),
                    {}, 5, refs("VUL", input.accepted_vulnerabilities.rows));
    if (!input.overdue_vulnerability_rows.empty())
        builder.add("vulnerabilities.overdue", AgendaSection::vulnerabilities,
                    fmt::format("Vulnerabilities past their remediation SLA: {}",
                                by_severity(input.overdue_vulnerabilities)),
                    {}, 5, refs("VUL", input.overdue_vulnerability_rows.rows));
}

void risks(Builder& builder)
{
    const auto& input = builder.input();
    std::string covers = builder.is_review() ? "f" : "";
    if (!input.new_risks.empty())
        builder.add("risks.new", AgendaSection::risks,
                    fmt::format("New risks since the last meeting ({})", input.new_risks.total), {}, 5,
                    refs("RSK", input.new_risks.rows), covers);
    // A risk whose score rose is a discussion of its own: the treatment is not working or the threat grew.
    for (size_t index = 0; index < input.risen.size() && index < max_each; ++index) {
        const auto& change = input.risen[index];
        auto ref = display_id("RSK", change.risk.id);
        builder.add("risks.rose:" + ref, AgendaSection::risks,
                    fmt::format("{} score rose from {} to {}: {}", ref, change.before, change.after, change.risk.title),
                    change.risk.owner, 5, {ref}, covers);
    }
    if (input.risen_total > static_cast<std::int64_t>(max_each))
        builder.add("risks.rose_more", AgendaSection::risks,
                    fmt::format("Further risks whose score rose ({})", input.risen_total - max_each), {}, 5, {},
                    covers);
    if (!input.lowered.empty())
        builder.add("risks.lowered", AgendaSection::risks,
                    fmt::format("Risk scores lowered since the last meeting ({})", input.lowered.total), {}, 3,
                    id_refs("RSK", input.lowered.rows), covers);
    if (!input.above_appetite.empty())
        builder.add("risks.above_appetite", AgendaSection::risks,
                    fmt::format("Risks above the appetite of {} ({})", input.matrix.appetite,
                                input.above_appetite.total),
                    {}, 5, refs("RSK", input.above_appetite.rows), covers);
    if (!input.treatments_overdue.empty())
        builder.add("risks.treatment_overdue", AgendaSection::risks,
                    fmt::format("Risk treatment plans overdue ({})", input.treatments_overdue.total), {}, 5,
                    refs("RSK", input.treatments_overdue.rows), covers);
    if (!input.reviews_due.empty())
        builder.add("risks.review_due", AgendaSection::risks,
                    fmt::format("Risk reviews due before the next meeting ({})", input.reviews_due.total), {}, 3,
                    refs("RSK", input.reviews_due.rows), covers);
    // Mitigation effectiveness: how far treatment brought scores down, and where it did not (6.1.3, 8.3).
    if (input.risen_total > 0 || !input.lowered.empty() || !input.above_appetite.empty())
        builder.add("risks.effectiveness", AgendaSection::risks,
                    fmt::format("Mitigation effectiveness: {} risk scores lowered, {} rose since the last meeting",
                                input.lowered.total, input.risen_total),
                    {}, 5, {}, covers);
}

void nonconformities(Builder& builder)
{
    const auto& input = builder.input();
    // A management review has its own input for them (9.3.2 d1); the maintenance meeting follows each one up.
    if (input.type == MeetingType::management_review)
        return;
    auto section = AgendaSection::nonconformities;
    if (!input.new_nonconformities.empty())
        builder.add("nonconformities.new", section,
                    fmt::format("New nonconformities since the last meeting ({}): reaction, root cause, corrective "
                                "action (10.2 a-c)",
                                input.new_nonconformities.total),
                    {}, 5, refs("NC", input.new_nonconformities.rows));
    if (!input.overdue_corrective_actions.empty())
        builder.add("nonconformities.overdue", section,
                    fmt::format("Corrective actions past their due date ({})", input.overdue_corrective_actions.total),
                    {}, 5, refs("NC", input.overdue_corrective_actions.rows));
    if (!input.effectiveness_due.empty())
        builder.add("nonconformities.effectiveness", section,
                    fmt::format("Effectiveness of corrective actions to confirm before closing ({}) (10.2 d)",
                                input.effectiveness_due.total),
                    {}, 5, refs("NC", input.effectiveness_due.rows));
}

void kpis(Builder& builder)
{
    const auto& input = builder.input();
    if (input.kpis.empty())
        return;
    std::string covers = builder.is_review() ? "d2, d4" : "";
    int red = 0, amber = 0;
    std::vector<std::string> sources;
    for (const auto& status : input.kpis) {
        sources.push_back(display_id("KPI", status.kpi.id));
        red += status.rag == Rag::red ? 1 : 0;
        amber += status.rag == Rag::amber ? 1 : 0;
    }
    builder.add("kpis.review", AgendaSection::kpis,
                fmt::format("KPI review: {} indicators, {} red, {} amber", input.kpis.size(), red, amber), {}, 10,
                sources, covers);
    for (const auto& status : input.kpis) {
        if (!status.off_target())
            continue;
        auto ref = display_id("KPI", status.kpi.id);
        builder.add("kpis.off_target:" + ref, AgendaSection::kpis,
                    fmt::format("{} {} is {}: {} against a target of {} ({})", ref, status.kpi.name,
                                to_string(*status.rag), kpi_value_text(status), kpi_target_text(status.kpi),
                                to_string(status.trend)),
                    status.kpi.owner, 5, {ref}, covers);
    }
}

void management_review(Builder& builder)
{
    const auto& input = builder.input();
    auto section = AgendaSection::management_review;
    // 9.3.2 b), c) and e): the context registers (4.1, 4.2) and the feedback log, what changed since P.
    builder.add("review.b", section,
        fmt::format("Changes in external and internal issues, including climate change (9.3.2 b): {} since the "
                    "last review",
            input.context_changes.total),
        {}, 10, refs("CTX", input.context_changes.rows), "b");
    builder.add("review.c", section,
        fmt::format("Changes in needs and expectations of interested parties (9.3.2 c): {} since the last "
                    "review",
            input.party_changes.total),
        {}, 10, refs("IP", input.party_changes.rows), "c");
    builder.add("review.d1", section,
                fmt::format("Nonconformities and corrective actions (9.3.2 d1): {} open or changed since the last "
                            "review",
                            input.nonconformities.total),
                {}, 10, refs("NC", input.nonconformities.rows), "d1");
    builder.add("review.d3", section, fmt::format("Audit results (9.3.2 d3): {} findings", input.audit_findings.total),
                {}, 10, refs("NC", input.audit_findings.rows), "d3");
    builder.add("review.e", section,
        fmt::format("Feedback from interested parties (9.3.2 e): {} received", input.feedback.total), {}, 5,
        refs("FB", input.feedback.rows), "e");
    builder.add("review.g", section,
                fmt::format("Opportunities for continual improvement (9.3.2 g): {} lessons learned",
                            input.lessons.total),
                {}, 10, refs("LL", input.lessons.rows), "g");
    // a), d2), d4) and f) are covered by the action, KPI and risk sections; these items make sure they are never
    // left out even when those sections have nothing new, and name the rows they stand on.
    auto actions = refs("ACT", input.open_actions.rows);
    for (auto& ref : refs("ACT", input.closed_actions.rows))
        actions.push_back(std::move(ref));
    builder.add(
        "review.a", section, "Status of actions from previous management reviews (9.3.2 a)", {}, 5, actions, "a");
    std::vector<std::string> kpis;
    for (const auto& status : input.kpis)
        kpis.push_back(display_id("KPI", status.kpi.id));
    builder.add("review.d2", section, "Monitoring and measurement results and objectives (9.3.2 d2, d4)", {}, 5, kpis,
        "d2, d4");
    auto risks = refs("RSK", input.above_appetite.rows);
    for (auto& ref : refs("RSK", input.treatments_overdue.rows))
        if (std::find(risks.begin(), risks.end(), ref) == risks.end())
            risks.push_back(std::move(ref));
    builder.add(
        "review.f", section, "Risk assessment results and risk treatment plan status (9.3.2 f)", {}, 5, risks, "f");
}

void closing(Builder& builder)
{
    const auto& input = builder.input();
    builder.add("other.business", AgendaSection::other_business, "Any other business", {}, 5);
    builder.add("other.next_meeting", AgendaSection::other_business,
                fmt::format("Next meeting: {}", format_date(input.next_meeting)), {}, 2);
}

} // namespace

Timestamp changes_since(const AgendaInput& input)
{
    if (!input.previous)
        return Timestamp{};
    // The previous agenda was frozen when that meeting started; anything after that is new here.
    return input.previous->started_at.value_or(input.previous->starts_at);
}

bool has_section(MeetingType type, AgendaSection section)
{
    switch (type) {
    case MeetingType::maintenance: return section != AgendaSection::management_review;
    case MeetingType::management_review: return true;
    case MeetingType::incident_review:
        return section == AgendaSection::opening || section == AgendaSection::actions ||
               section == AgendaSection::incidents || section == AgendaSection::other_business;
    case MeetingType::risk_review:
        return section == AgendaSection::opening || section == AgendaSection::actions ||
               section == AgendaSection::risks || section == AgendaSection::controls ||
               section == AgendaSection::other_business;
    }
    return true;
}

std::vector<AgendaDraft> build_agenda(const AgendaInput& input)
{
    Builder builder(input);
    opening(builder);
    actions(builder);
    maintenance(builder);
    controls(builder);
    incidents(builder);
    vulnerabilities(builder);
    risks(builder);
    nonconformities(builder);
    kpis(builder);
    management_review(builder);
    closing(builder);
    return builder.take();
}

} // namespace c9
