#include "core/agenda.h"

#include <algorithm>
#include <fmt/format.h>

namespace c9 {

namespace {

// Beyond this many open action items the agenda lists them per owner, so it stays readable.
constexpr size_t max_individual_actions = 15;

class Builder {
public:
    explicit Builder(const AgendaInput& input) : m_input(input) {}

    std::vector<AgendaDraft> take() { return std::move(m_items); }

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

    const AgendaInput& input() const { return m_input; }

private:
    const AgendaInput& m_input;
    std::vector<AgendaDraft> m_items;
};

template <class T>
std::vector<std::string> refs(std::string_view prefix, const std::vector<T>& rows)
{
    std::vector<std::string> out;
    out.reserve(rows.size());
    for (const auto& row : rows)
        out.push_back(display_id(prefix, row.id));
    return out;
}

std::string plural(size_t count, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", count, count == 1 ? one : many);
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
}

void actions(Builder& builder)
{
    const auto& input = builder.input();
    std::string covers = builder.is_review() ? "a" : "";
    auto today = to_date(input.now);
    std::vector<ActionItem> open = input.open_actions;
    // Overdue first, then by due date.
    std::stable_sort(open.begin(), open.end(), [&](const ActionItem& a, const ActionItem& b) {
        bool a_late = is_overdue(a, today), b_late = is_overdue(b, today);
        if (a_late != b_late)
            return a_late;
        return a.due < b.due;
    });
    if (open.size() <= max_individual_actions) {
        for (const auto& action : open) {
            auto ref = display_id("ACT", action.id);
            builder.add("actions.open:" + ref, AgendaSection::actions,
                        fmt::format("{}{}: {} (due {})", is_overdue(action, today) ? "Overdue " : "", ref,
                                    action.title, format_date(action.due)),
                        action.owner, 2, {ref}, covers);
        }
    } else {
        // One item per owner, owners with overdue items first.
        std::map<Id, std::vector<const ActionItem*>> by_owner;
        for (const auto& action : open)
            by_owner[action.owner.value_or(0)].push_back(&action);
        std::vector<std::pair<Id, std::vector<const ActionItem*>>> owners(by_owner.begin(), by_owner.end());
        auto overdue_count = [&](const std::vector<const ActionItem*>& list) {
            return std::count_if(list.begin(), list.end(), [&](const ActionItem* a) { return is_overdue(*a, today); });
        };
        std::stable_sort(owners.begin(), owners.end(),
                         [&](const auto& a, const auto& b) { return overdue_count(a.second) > overdue_count(b.second); });
        for (const auto& [owner, list] : owners) {
            std::vector<std::string> sources;
            for (const auto* action : list)
                sources.push_back(display_id("ACT", action->id));
            auto late = overdue_count(list);
            builder.add(fmt::format("actions.owner:PER-{}", owner), AgendaSection::actions,
                        fmt::format("Open action items of the owner: {}{}", plural(list.size(), "item", "items"),
                                    late ? fmt::format(", {} overdue", late) : std::string()),
                        owner ? std::optional<Id>(owner) : std::nullopt, late ? 5 : 3, sources, covers);
        }
    }
    if (!input.closed_actions.empty())
        builder.add("actions.closed", AgendaSection::actions,
                    fmt::format("Action items closed since the last meeting, for confirmation ({})",
                                input.closed_actions.size()),
                    {}, 3, refs("ACT", input.closed_actions), covers);
}

void maintenance(Builder& builder)
{
    const auto& input = builder.input();
    if (!input.completions.empty()) {
        std::vector<std::string> sources;
        int late = 0, with_issues = 0;
        for (const auto& done : input.completions) {
            auto ref = display_id("MNT", done.completion.activity);
            if (std::find(sources.begin(), sources.end(), ref) == sources.end())
                sources.push_back(ref);
            late += done.completion.on_time() ? 0 : 1;
            with_issues += done.completion.result == ActivityResult::ok ? 0 : 1;
        }
        builder.add("maintenance.completed", AgendaSection::maintenance,
                    fmt::format("Maintenance completed since the last meeting: {}, {} late, {} with findings",
                                plural(input.completions.size(), "completion", "completions"), late, with_issues),
                    {}, 5, sources);
        for (const auto& done : input.completions) {
            if (done.completion.result == ActivityResult::ok)
                continue;
            auto ref = display_id("MNT", done.completion.activity);
            builder.add(fmt::format("maintenance.findings:{}:{}", ref, format_date(done.completion.done_on)),
                        AgendaSection::maintenance,
                        fmt::format("{} {} on {}: {}", ref, done.title, format_date(done.completion.done_on),
                                    to_string(done.completion.result)),
                        done.owner, 5, {ref});
        }
    }
    for (const auto& activity : input.overdue_activities) {
        auto ref = display_id("MNT", activity.id);
        builder.add("maintenance.overdue:" + ref, AgendaSection::maintenance,
                    fmt::format("Overdue: {} {} (due {})", ref, activity.title, format_date(activity.next_due)),
                    activity.owner, 3, {ref});
    }
    if (!input.due_activities.empty())
        builder.add("maintenance.due", AgendaSection::maintenance,
                    fmt::format("Maintenance due before the next meeting ({})", input.due_activities.size()), {}, 2,
                    refs("MNT", input.due_activities));
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
    std::vector<Incident> routine;
    for (const auto& incident : input.new_incidents) {
        if (!is_severe(incident.severity)) {
            routine.push_back(incident);
            continue;
        }
        // Each high or critical incident is its own item: impact, response, root cause, lessons (control 5.27).
        auto ref = display_id("INC", incident.id);
        builder.add("incidents.severe:" + ref, AgendaSection::incidents,
                    fmt::format("{} {} incident: {} ({})", ref, to_string(incident.severity), incident.title,
                                to_string(incident.status)),
                    incident.owner, 10, {ref});
    }
    if (!routine.empty()) {
        std::map<Severity, int> counts;
        for (const auto& incident : routine)
            ++counts[incident.severity];
        builder.add("incidents.new", AgendaSection::incidents,
                    fmt::format("Incidents since the last meeting: {} medium, {} low", counts[Severity::medium],
                                counts[Severity::low]),
                    {}, 5, refs("INC", routine));
    }
    if (!input.closed_without_lessons.empty())
        builder.add("incidents.no_lessons", AgendaSection::incidents,
                    fmt::format("Incidents closed without lessons learned ({})", input.closed_without_lessons.size()),
                    {}, 3, refs("INC", input.closed_without_lessons));
}

void vulnerabilities(Builder& builder)
{
    const auto& input = builder.input();
    auto today = to_date(input.now);
    // Known-exploited vulnerabilities come first (CISA KEV: actively exploited, own due date).
    std::vector<Vulnerability> kev;
    for (const auto& vulnerability : input.overdue_vulnerabilities)
        if (vulnerability.kev)
            kev.push_back(vulnerability);
    for (const auto& vulnerability : input.new_vulnerabilities)
        if (vulnerability.kev && is_open(vulnerability.status) &&
            std::none_of(kev.begin(), kev.end(), [&](const auto& known) { return known.id == vulnerability.id; }))
            kev.push_back(vulnerability);
    for (const auto& vulnerability : kev) {
        auto ref = display_id("VUL", vulnerability.id);
        bool overdue = vulnerability.due && *vulnerability.due < today;
        builder.add("vulnerabilities.kev:" + ref, AgendaSection::vulnerabilities,
                    fmt::format("Known exploited {}: {}{} on {} ({})", ref, vulnerability.cve.value_or(vulnerability.title),
                                overdue ? ", overdue" : "", vulnerability.asset.value_or("unknown asset"),
                                to_string(vulnerability.status)),
                    vulnerability.owner, 5, {ref});
    }
    if (!input.new_vulnerabilities.empty()) {
        std::map<Severity, int> counts;
        for (const auto& vulnerability : input.new_vulnerabilities)
            ++counts[vulnerability.severity];
        builder.add("vulnerabilities.new", AgendaSection::vulnerabilities,
                    fmt::format("New vulnerabilities since the last meeting: {} critical, {} high, {} medium, {} low",
                                counts[Severity::critical], counts[Severity::high], counts[Severity::medium],
                                counts[Severity::low] + counts[Severity::none]),
                    {}, 5, refs("VUL", input.new_vulnerabilities));
    }
    std::vector<Vulnerability> overdue;
    for (const auto& vulnerability : input.overdue_vulnerabilities)
        if (!vulnerability.kev)
            overdue.push_back(vulnerability);
    if (!overdue.empty()) {
        std::map<Severity, int> counts;
        for (const auto& vulnerability : overdue)
            ++counts[vulnerability.severity];
        builder.add("vulnerabilities.overdue", AgendaSection::vulnerabilities,
                    fmt::format("Vulnerabilities past their remediation SLA: {} critical, {} high, {} medium, {} low",
                                counts[Severity::critical], counts[Severity::high], counts[Severity::medium],
                                counts[Severity::low]),
                    {}, 5, refs("VUL", overdue));
    }
}

void risks(Builder& builder)
{
    const auto& input = builder.input();
    std::string covers = builder.is_review() ? "f" : "";
    if (!input.new_risks.empty())
        builder.add("risks.new", AgendaSection::risks,
                    fmt::format("New risks since the last meeting ({})", input.new_risks.size()), {}, 5,
                    refs("RSK", input.new_risks), covers);
    std::vector<std::string> rose, fell;
    for (const auto& change : input.changed_risks) {
        if (change.before == 0)
            continue;
        (change.after > change.before ? rose : fell).push_back(display_id("RSK", change.risk.id));
    }
    // A risk whose score rose is a discussion of its own: the treatment is not working or the threat grew.
    for (const auto& change : input.changed_risks) {
        if (change.before == 0 || change.after <= change.before)
            continue;
        auto ref = display_id("RSK", change.risk.id);
        builder.add("risks.rose:" + ref, AgendaSection::risks,
                    fmt::format("{} score rose from {} to {}: {}", ref, change.before, change.after, change.risk.title),
                    change.risk.owner, 5, {ref}, covers);
    }
    if (!fell.empty())
        builder.add("risks.lowered", AgendaSection::risks,
                    fmt::format("Risk scores lowered since the last meeting ({})", fell.size()), {}, 3, fell, covers);
    if (!input.above_appetite.empty())
        builder.add("risks.above_appetite", AgendaSection::risks,
                    fmt::format("Risks above the appetite of {} ({})", input.matrix.appetite,
                                input.above_appetite.size()),
                    {}, 5, refs("RSK", input.above_appetite), covers);
    if (!input.treatments_overdue.empty())
        builder.add("risks.treatment_overdue", AgendaSection::risks,
                    fmt::format("Risk treatment plans overdue ({})", input.treatments_overdue.size()), {}, 5,
                    refs("RSK", input.treatments_overdue), covers);
    if (!input.reviews_due.empty())
        builder.add("risks.review_due", AgendaSection::risks,
                    fmt::format("Risk reviews due before the next meeting ({})", input.reviews_due.size()), {}, 3,
                    refs("RSK", input.reviews_due), covers);
    // Mitigation effectiveness: how far treatment brought scores down, and where it did not (6.1.3, 8.3).
    if (!input.changed_risks.empty() || !input.above_appetite.empty())
        builder.add("risks.effectiveness", AgendaSection::risks,
                    fmt::format("Mitigation effectiveness: {} risk scores lowered, {} rose since the last meeting",
                                fell.size(), rose.size()),
                    {}, 5, {}, covers);
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
                    fmt::format("{} {} is {}: {:g}{} against a target of {:g} ({})", ref, status.kpi.name,
                                to_string(*status.rag), *status.value, status.kpi.unit.value_or(""), status.kpi.target,
                                to_string(status.trend)),
                    status.kpi.owner, 5, {ref}, covers);
    }
}

void management_review(Builder& builder)
{
    const auto& input = builder.input();
    auto section = AgendaSection::management_review;
    std::vector<Nonconformity> audits;
    for (const auto& nc : input.nonconformities)
        if (nc.source == NcSource::internal_audit || nc.source == NcSource::external_audit)
            audits.push_back(nc);
    // 9.3.2 b), c) and e) have no register behind them: the item is where the chair records them.
    builder.add("review.b", section, "Changes in external and internal issues, including climate change (9.3.2 b)", {},
                10, {}, "b");
    builder.add("review.c", section, "Changes in needs and expectations of interested parties (9.3.2 c)", {}, 10, {},
                "c");
    builder.add("review.d1", section,
                fmt::format("Nonconformities and corrective actions (9.3.2 d1): {} open or closed since the last review",
                            input.nonconformities.size()),
                {}, 10, refs("NC", input.nonconformities), "d1");
    builder.add("review.d3", section, fmt::format("Audit results (9.3.2 d3): {} findings", audits.size()), {}, 10,
                refs("NC", audits), "d3");
    builder.add("review.e", section, "Feedback from interested parties (9.3.2 e)", {}, 5, {}, "e");
    builder.add("review.g", section,
                fmt::format("Opportunities for continual improvement (9.3.2 g): {} lessons learned",
                            input.lessons.size()),
                {}, 10, refs("LL", input.lessons), "g");
    // a), d2), d4) and f) are covered by the action, KPI and risk sections; these items make sure they are never
    // left out even when those sections have nothing new.
    builder.add("review.a", section, "Status of actions from previous management reviews (9.3.2 a)", {}, 5, {}, "a");
    builder.add("review.d2", section, "Monitoring and measurement results and objectives (9.3.2 d2, d4)", {}, 5, {},
                "d2, d4");
    builder.add("review.f", section, "Risk assessment results and risk treatment plan status (9.3.2 f)", {}, 5, {},
                "f");
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
    kpis(builder);
    management_review(builder);
    closing(builder);
    return builder.take();
}

} // namespace c9
