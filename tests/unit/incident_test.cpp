#include "core/incident.h"
#include "rules_support.h"

#include <functional>
#include <gtest/gtest.h>

namespace c9 {
namespace {

using test::none;
using test::only;

Incident valid_incident()
{
    Incident incident;
    incident.title = "Ransomware on file server";
    incident.severity = Severity::high;
    incident.occurred_at = *parse_timestamp("2026-06-10T08:00:00Z");
    incident.detected_at = *parse_timestamp("2026-06-10T09:30:00Z");
    return incident;
}

TEST(IncidentRules, TableOfCases)
{
    struct Case {
        const char* name;
        std::function<void(Incident&)> change;
        std::set<std::string> refused;
    };
    std::vector<Case> cases{
        {"valid", [](Incident&) {}, none()},
        {"severity none", [](Incident& i) { i.severity = Severity::none; }, only("severity")},
        {"occurred after detection", [](Incident& i) { i.occurred_at = *parse_timestamp("2026-06-10T10:00:00Z"); },
         only("occurred_at")},
        {"contained before detection", [](Incident& i) { i.contained_at = *parse_timestamp("2026-06-10T09:00:00Z"); },
         only("contained_at")},
        {"resolved before contained",
         [](Incident& i) {
             i.contained_at = *parse_timestamp("2026-06-11T09:00:00Z");
             i.resolved_at = *parse_timestamp("2026-06-10T12:00:00Z");
         },
         only("resolved_at")},
        {"detected in the future", [](Incident& i) { i.detected_at = *parse_timestamp("2026-06-16T00:00:00Z"); },
         only("detected_at")},
        {"closing a high incident without lessons learned or root cause",
         [](Incident& i) { i.closed_at = *parse_timestamp("2026-06-12T00:00:00Z"); },
         std::set<std::string>{"lessons_learned", "root_cause"}},
        {"closing a high incident with its review",
         [](Incident& i) {
             i.closed_at = *parse_timestamp("2026-06-12T00:00:00Z");
             i.root_cause = "unpatched VPN appliance";
             i.lessons_learned = "patch edge devices within 48 hours";
         },
         none()},
        {"closing a low incident needs no lessons",
         [](Incident& i) {
             i.severity = Severity::low;
             i.closed_at = *parse_timestamp("2026-06-12T00:00:00Z");
         },
         none()},
        {"closing a critical incident without lessons",
         [](Incident& i) {
             i.severity = Severity::critical;
             i.root_cause = "x";
             i.closed_at = *parse_timestamp("2026-06-12T00:00:00Z");
         },
         only("lessons_learned")},
    };
    for (auto& test_case : cases) {
        auto incident = valid_incident();
        test_case.change(incident);
        EXPECT_EQ(test::refused_fields(incident), test_case.refused) << test_case.name;
    }
}

TEST(IncidentRules, StatusFollowsTheTimeline)
{
    auto incident = valid_incident();
    test::refused_fields(incident);
    EXPECT_EQ(incident.status, IncidentStatus::open);
    incident.contained_at = *parse_timestamp("2026-06-10T11:00:00Z");
    test::refused_fields(incident);
    EXPECT_EQ(incident.status, IncidentStatus::contained);
    incident.severity = Severity::low;
    incident.closed_at = *parse_timestamp("2026-06-11T11:00:00Z");
    test::refused_fields(incident);
    EXPECT_EQ(incident.status, IncidentStatus::closed);
    ASSERT_TRUE(incident.resolved_at);
    EXPECT_EQ(*incident.resolved_at, *incident.closed_at);
}

TEST(IncidentRules, MeanTimeFigures)
{
    auto incident = valid_incident();
    incident.contained_at = *parse_timestamp("2026-06-10T10:30:00Z");
    incident.resolved_at = *parse_timestamp("2026-06-11T09:30:00Z");
    EXPECT_EQ(time_to_detect(incident), 5400);
    EXPECT_EQ(time_to_contain(incident), 3600);
    EXPECT_EQ(time_to_resolve(incident), 86400);
    incident.occurred_at.reset();
    EXPECT_FALSE(time_to_detect(incident));
}

} // namespace
} // namespace c9
