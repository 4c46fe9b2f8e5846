// Rules of the smaller registers: actions, activities, KPIs, nonconformities, controls, people, meetings.
#include "core/action_item.h"
#include "core/activity.h"
#include "core/control.h"
#include "core/kpi.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "rules_support.h"

#include <functional>
#include <gtest/gtest.h>

namespace c9 {
namespace {

using test::none;
using test::only;

TEST(ActionRules, TableOfCases)
{
    auto make = [] {
        ActionItem action;
        action.title = "Enable MFA on VPN";
        action.owner = 3;
        action.due = *parse_date("2026-07-01");
        return action;
    };
    struct Case {
        const char* name;
        std::function<void(ActionItem&)> change;
        std::set<std::string> refused;
    };
    std::vector<Case> cases {
        {"valid", [](ActionItem&) {}, none()},
        // Recording the past: taken, and marked back-dated in the audit trail (app/registers.h).
        {"due before creation", [](ActionItem& a) { a.due = *parse_date("2026-06-14"); }, none()},
        {"due on the day of creation", [](ActionItem& a) { a.due = *parse_date("2026-06-15"); }, none()},
        {"cancelled without a reason", [](ActionItem& a) { a.status = ActionStatus::cancelled; }, only("progress")},
        {"origin id without type", [](ActionItem& a) { a.origin_id = 4; }, only("origin_type")},
    };
    for (auto& test_case : cases) {
        auto action = make();
        test_case.change(action);
        EXPECT_EQ(test::refused_fields(action), test_case.refused) << test_case.name;
    }
}

TEST(ActionRules, CompletionTimeAndOverdue)
{
    ActionItem action;
    action.title = "x";
    action.owner = 1;
    action.due = *parse_date("2026-06-20");
    EXPECT_FALSE(is_overdue(action, *parse_date("2026-06-20")));
    EXPECT_TRUE(is_overdue(action, *parse_date("2026-06-21")));
    action.status = ActionStatus::done;
    test::refused_fields(action);
    ASSERT_TRUE(action.completed_at);
    EXPECT_TRUE(closed_on_time(action));
    EXPECT_FALSE(is_overdue(action, *parse_date("2026-07-21")));
    action.status = ActionStatus::open;
    test::refused_fields(action);
    EXPECT_FALSE(action.completed_at);
}

TEST(ActivityRules, CompletionMovesTheDueDate)
{
    auto rules = test::rules_at();
    Activity activity;
    activity.title = "Patch servers";
    activity.recurrence = "monthly";
    activity.next_due = *parse_date("2026-05-31");
    EXPECT_TRUE(test::refused_fields(activity).empty());
    EXPECT_EQ(activity.recurrence, "FREQ=MONTHLY");

    // Done late: the entry records the due date it satisfied; the next due date is after the completion.
    auto late = complete(activity, *parse_date("2026-06-10"), ActivityResult::ok, "ticket 42", {}, rules);
    ASSERT_TRUE(late) << late.error().message();
    EXPECT_FALSE(late->on_time());
    EXPECT_EQ(format_date(late->due), "2026-05-31");
    EXPECT_EQ(format_date(activity.next_due), "2026-06-30");
    EXPECT_EQ(format_date(*activity.last_done), "2026-06-10");

    // Done early: the schedule moves one period on.
    auto early = complete(activity, *parse_date("2026-06-15"), ActivityResult::ok, {}, {}, rules);
    ASSERT_TRUE(early);
    EXPECT_TRUE(early->on_time());
    EXPECT_EQ(format_date(activity.next_due), "2026-07-31");
}

TEST(ActivityRules, CompletionRefusals)
{
    auto rules = test::rules_at();
    Activity activity;
    activity.title = "Restore test";
    activity.recurrence = "quarterly";
    activity.next_due = *parse_date("2026-06-30");
    auto future = complete(activity, *parse_date("2026-06-16"), ActivityResult::ok, {}, {}, rules);
    ASSERT_FALSE(future);
    EXPECT_EQ(future.error().fields().at(0).field, "date");
    auto unexplained = complete(activity, *parse_date("2026-06-15"), ActivityResult::failed, {}, {}, rules);
    ASSERT_FALSE(unexplained);
    EXPECT_EQ(unexplained.error().fields().at(0).field, "note");
    EXPECT_EQ(format_date(activity.next_due), "2026-06-30"); // a refused completion changes nothing
    activity.recurrence = "every now and then";
    EXPECT_EQ(test::refused_fields(activity), only("recurrence"));
}

TEST(KpiRules, RagInBothDirections)
{
    Kpi higher;
    higher.name = "Vulnerabilities remediated within SLA";
    higher.target = 95;
    higher.amber = 90;
    EXPECT_EQ(rag(higher, 97), Rag::green);
    EXPECT_EQ(rag(higher, 95), Rag::green);
    EXPECT_EQ(rag(higher, 92), Rag::amber);
    EXPECT_EQ(rag(higher, 89.9), Rag::red);

    Kpi lower;
    lower.name = "Mean time to remediate";
    lower.direction = Direction::lower_is_better;
    lower.target = 30;
    lower.amber = 45;
    EXPECT_EQ(rag(lower, 20), Rag::green);
    EXPECT_EQ(rag(lower, 40), Rag::amber);
    EXPECT_EQ(rag(lower, 46), Rag::red);
    lower.amber.reset();
    EXPECT_EQ(rag(lower, 31), Rag::red);

    higher.amber = 99;
    EXPECT_EQ(test::refused_fields(higher), only("amber"));
    lower.amber = 10;
    EXPECT_EQ(test::refused_fields(lower), only("amber"));
}

TEST(KpiRules, Periods)
{
    EXPECT_EQ(format_date(*parse_period("2026-10", KpiFrequency::monthly)), "2026-10-01");
    EXPECT_EQ(format_date(*parse_period("2026-11-17", KpiFrequency::quarterly)), "2026-10-01");
    EXPECT_EQ(format_date(*parse_period("2026", KpiFrequency::yearly)), "2026-01-01");
    EXPECT_FALSE(parse_period("2026-13", KpiFrequency::monthly));
    EXPECT_FALSE(parse_period("October", KpiFrequency::monthly));
}

TEST(NonconformityRules, ClosingNeedsCauseActionAndAnEffectiveCheck)
{
    Nonconformity nc;
    nc.title = "Access review not performed for HR system";
    nc.identified_on = *parse_date("2026-05-02");
    nc.status = NcStatus::closed;
    EXPECT_EQ(test::refused_fields(nc),
              (std::set<std::string>{"root_cause", "corrective_action", "effectiveness_check", "effective"}));
    nc.root_cause = "no owner for the HR system";
    nc.corrective_action = "owner assigned, review scheduled quarterly";
    nc.effectiveness_check = "two reviews done on time";
    nc.effective = false;
    EXPECT_EQ(test::refused_fields(nc), only("effective"));
    nc.effective = true;
    EXPECT_EQ(test::refused_fields(nc), none());
    EXPECT_EQ(format_date(*nc.closed_on), "2026-06-15");
    nc.due = *parse_date("2026-05-01");
    EXPECT_EQ(test::refused_fields(nc), only("due"));
}

TEST(ControlRules, StatementOfApplicability)
{
    Control control;
    control.code = "7.4";
    control.title = "Physical security monitoring";
    control.applicable = false;
    EXPECT_EQ(test::refused_fields(control), only("justification"));
    control.justification = "no premises of our own; office provider monitors";
    EXPECT_EQ(test::refused_fields(control), none());
    control.status = ImplementationStatus::implemented;
    EXPECT_EQ(test::refused_fields(control), only("status"));
    control.applicable = true;
    control.last_review = *parse_date("2026-06-01");
    control.next_review = *parse_date("2026-05-01");
    EXPECT_EQ(test::refused_fields(control), only("next_review"));
}

TEST(PersonRules, EmailAndRoles)
{
    Person person;
    person.name = "Alice";
    person.email = "  Alice@Example.ORG ";
    person.roles = "ISO, it it";
    EXPECT_EQ(test::refused_fields(person), none());
    EXPECT_EQ(person.email, "alice@example.org");
    EXPECT_EQ(*person.roles, "iso, it");
    EXPECT_TRUE(has_role(person, IsmsRole::iso));
    EXPECT_FALSE(has_role(person, IsmsRole::management));
    person.roles = "iso, wizard";
    EXPECT_EQ(test::refused_fields(person), only("roles"));
    for (const char* bad : {"alice", "@example.org", "alice@", "a b@example.org", "alice@localhost", "a@b@c.org"}) {
        Person other;
        other.name = "x";
        other.email = bad;
        EXPECT_EQ(test::refused_fields(other), only("email")) << bad;
    }
}

TEST(MeetingRules, ReferencesAndRiskAcceptanceDecisions)
{
    EXPECT_EQ(*normalize_refs("inc-4 RSK-12,act-3"), "INC-4, RSK-12, ACT-3");
    EXPECT_FALSE(normalize_refs("FOO-1"));
    EXPECT_FALSE(normalize_refs("RSK-x"));
    Decision decision;
    decision.meeting = 1;
    decision.text = "Accept the residual risk of legacy ERP until migration";
    decision.type = DecisionType::risk_acceptance;
    EXPECT_EQ(test::refused_fields(decision), only("links"));
    decision.links = "rsk-7";
    EXPECT_EQ(test::refused_fields(decision), none());
    EXPECT_EQ(decision.links, "RSK-7");
    MeetingSeries series;
    series.name = "ISMS maintenance";
    series.cadence = "monthly";
    EXPECT_EQ(test::refused_fields(series), none());
    series.duration_minutes = 2;
    EXPECT_EQ(test::refused_fields(series), only("duration_minutes"));
}

} // namespace
} // namespace c9
