// The demo's improvement records (ISO/IEC 27001:2022 clause 10): nonconformities from audits, incidents and
// monitoring with their corrective action and effectiveness check, and lessons learned from closed incidents
// (control 5.27).
#include "core/lesson.h"
#include "core/nonconformity.h"
#include "demo/demo.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

struct NcTemplate {
    NcSource source;
    std::string_view title, description, root_cause, corrective_action, check;
};

constexpr std::array<NcTemplate, 10> nc_templates {{
    {NcSource::internal_audit, "Access review of the finance system not done",
        "The quarterly access review of the finance system was skipped for one quarter.",
        "The review was on nobody's calendar after a change of staff in Finance.",
        "The review is a maintenance activity with an owner and reminders.",
        "The next two reviews were done on time; checked in the activity log."},
    {NcSource::internal_audit, "Supplier register incomplete",
        "Four SaaS tools in use were missing from the supplier register.",
        "Tools were bought with a credit card outside procurement.",
        "Procurement checks every new subscription; finance flags card payments to software vendors.",
        "A sample of three months of card payments showed no unregistered tool."},
    {NcSource::internal_audit, "Security training missing for new starters",
        "Five people who joined in the last quarter had not done the security training.",
        "The onboarding checklist did not include the training.",
        "Training added to the onboarding checklist; HR checks completion monthly.",
        "All starters of the following quarter completed the training within two weeks."},
    {NcSource::internal_audit, "Risk treatment plans not approved by the risk owners",
        "Several treatment plans had no recorded approval by the risk owner (6.1.3 f).",
        "Plans were agreed verbally in meetings.", "Risk owners accept plans and residual risks in the register.",
        "The register shows owner acceptance for every treated risk."},
    {NcSource::external_audit, "Management review did not cover all inputs of 9.3.2",
        "The last management review had no input on feedback from interested parties (9.3.2 e).",
        "The agenda template lacked the inputs added in the 2022 edition.",
        "The agenda covers inputs a-g and the chair confirms coverage before closing.",
        "The following review covered all inputs; verified in the minutes."},
    {NcSource::external_audit, "Evidence of backup restore tests incomplete",
        "Two quarterly restore tests had no evidence attached.", "Evidence was kept in personal mailboxes.",
        "Evidence links are required when logging a completion.", "The last three restore tests have evidence links."},
    {NcSource::incident, "Leaver process does not cover systems outside single sign-on",
        "An incident showed that accounts in systems outside SSO stay active after people leave.",
        "The leaver checklist only covered the directory.",
        "Checklist extended; monthly comparison of leavers with all accounts.",
        "No active leaver accounts found in the next three monthly checks."},
    {NcSource::incident, "Emergency changes made without review",
        "An emergency change during an incident was never reviewed afterwards.",
        "The change procedure had no step for emergency changes.",
        "Emergency changes are reviewed within two working days.",
        "All emergency changes of the following quarter were reviewed in time."},
    {NcSource::monitoring, "Vulnerability SLA missed for critical findings",
        "Critical vulnerabilities exceeded the 15-day SLA three months in a row.",
        "Patching depended on one engineer; no escalation of overdue findings.",
        "Weekly overdue report to the IT manager; second engineer trained.",
        "The SLA KPI was green for the following three months."},
    {NcSource::management_review, "Information security objectives not measurable",
        "Two objectives had no measure or target (6.2).", "Objectives were written before the KPIs existed.",
        "Every objective is linked to a KPI with a target.",
        "The following management review assessed every objective against its KPI."},
}};

LessonCategory lesson_category(IncidentCategory category)
{
    switch (category) {
    case IncidentCategory::phishing:
    case IncidentCategory::loss_or_theft:
    case IncidentCategory::policy_violation:
        return LessonCategory::people;
    case IncidentCategory::malware:
    case IncidentCategory::data_breach:
    case IncidentCategory::denial_of_service:
        return LessonCategory::technology;
    case IncidentCategory::supplier:
        return LessonCategory::supplier;
    default:
        return LessonCategory::process;
    }
}

std::string_view improvement_for(LessonCategory category)
{
    switch (category) {
    case LessonCategory::people:
        return "Awareness session for the team concerned and a reminder to all staff.";
    case LessonCategory::technology:
        return "Technical control added and checked by a maintenance activity.";
    case LessonCategory::supplier:
        return "Supplier contract and the supplier review checklist updated.";
    default:
        return "Procedure updated; owners informed at the maintenance meeting.";
    }
}

} // namespace

Result<void> create_nonconformities(Tx& tx, World& world)
{
    Random random(world.options.seed, "nonconformities");
    const auto& spec = nonconformity_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    std::vector<const IncidentFact*> severe;
    for (const auto& incident : world.incidents)
        if (is_severe(incident.severity) && incident.resolved)
            severe.push_back(&incident);
    auto total = world.volume(10);
    long window_days = days_between(to_date(world.start), world.today);
    for (std::int64_t index = 0; index < total; ++index) {
        const auto& pattern = nc_templates[static_cast<std::size_t>(index % 10)];
        Nonconformity nc;
        nc.title = std::string(pattern.title);
        nc.description = std::string(pattern.description);
        nc.source = pattern.source;
        nc.grade = static_cast<NcGrade>(random.weighted({10, 60, 30}));
        nc.owner = random.chance(0.5) ? world.staff.iso : random.pick(world.staff.representatives);
        nc.identified_on = add_days(to_date(world.start), random.between(7, static_cast<int>(window_days)));
        if (pattern.source == NcSource::incident && !severe.empty()) {
            const auto* incident = random.pick(severe);
            nc.incident = incident->id;
            nc.identified_on = std::min(add_days(to_date(*incident->resolved), random.between(1, 10)), world.today);
        }
        nc.due = add_days(nc.identified_on, random.between(30, 90));
        auto created = world.working_hours(random, nc.identified_on);
        nc.created_at = created;
        C9_TRY(check_generated(spec, nc, static_cast<const Nonconformity*>(nullptr), world.at(created)));
        Nonconformity initial = nc;

        auto last = created;
        Date closing = add_days(nc.identified_on, random.between(40, 150));
        // Older than a year: closed by now (steady state over --years).
        if (closing < world.today && (random.chance(0.7) || days_between(nc.identified_on, world.today) > 365)) {
            nc.status = NcStatus::closed;
            nc.closed_on = closing;
            nc.effective = true;
            nc.effectiveness_check = std::string(pattern.check);
            last = world.working_hours(random, closing);
        } else if (days_between(nc.identified_on, world.today) > 14 && random.chance(0.6)) {
            nc.status = NcStatus::in_progress;
            last = world.working_hours(random, add_days(nc.identified_on, 14));
        }
        if (nc.status != NcStatus::open) {
            nc.root_cause = std::string(pattern.root_cause);
            nc.corrective_action = std::string(pattern.corrective_action);
        }
        C9_TRY(check_generated(spec, nc, &initial, world.at(std::max(created, last))));
        nc.id = C9_TRY(inserter.insert(values_of(spec, nc), world.stamp(created)));
        world.nonconformities.emplace_back(nc.id, nc.identified_on);
        world.advance(1, "nonconformities");
    }
    world.counts.nonconformities = total;
    return audit_created(tx, world, "nonconformity", fmt::format("demo: created {} nonconformities", total));
}

Result<void> create_lessons(Tx& tx, World& world)
{
    Random random(world.options.seed, "lessons");
    const auto& spec = lesson_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    // Lessons come from closed incidents, those whose review recorded one first.
    std::vector<const IncidentFact*> reviewed, closed;
    for (const auto& incident : world.incidents) {
        if (!incident.closed)
            continue;
        (incident.has_lessons ? reviewed : closed).push_back(&incident);
    }
    auto total = world.volume(20);
    std::int64_t written = 0;
    for (std::int64_t index = 0; index < total && !(reviewed.empty() && closed.empty()); ++index) {
        const auto* incident
            = !reviewed.empty() && (closed.empty() || random.chance(0.8)) ? random.pick(reviewed) : random.pick(closed);
        Lesson lesson;
        lesson.title = incident->lesson;
        lesson.detail = fmt::format("Learned from {} ({}), {} severity.", display_id("INC", incident->id),
            incident->title, to_string(incident->severity));
        lesson.category = lesson_category(incident->category);
        lesson.incident = incident->id;
        lesson.owner = random.chance(0.6) ? world.staff.iso : random.pick(world.staff.it);
        lesson.improvement = std::string(improvement_for(lesson.category));
        auto created = world.capped(*incident->closed + std::chrono::hours(random.between(1, 72)));
        // About half are recorded in the maintenance meeting that follows (demo/meetings.cpp records them there).
        if (random.chance(0.5)) {
            Patch fields {{"title", lesson.title}, {"detail", *lesson.detail},
                {"category", std::string(to_string(lesson.category))}, {"incident", *lesson.incident},
                {"owner", *lesson.owner}, {"improvement", *lesson.improvement}};
            world.pending_lessons.push_back({created, std::move(fields)});
            continue;
        }
        lesson.created_at = created;
        C9_TRY(check_generated(spec, lesson, static_cast<const Lesson*>(nullptr), world.at(created)));
        lesson.id = C9_TRY(inserter.insert(values_of(spec, lesson), world.stamp(created)));
        ++written;
        world.advance(1, "lessons learned");
    }
    std::stable_sort(world.pending_lessons.begin(), world.pending_lessons.end(),
        [](const PendingLesson& a, const PendingLesson& b) { return a.ready < b.ready; });
    world.counts.lessons = written;
    return audit_created(tx, world, "lesson",
        fmt::format("demo: created {} lessons learned; {} more are recorded in meetings", written,
            world.pending_lessons.size()));
}

} // namespace c9::demo
