#include "export/agenda_markdown.h"
#include "export/doc_json.h"
#include "sample_docs.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

using test::review_agenda;

TEST(AgendaMarkdown, ListsFactsAttendeesAndSectionsInOrder)
{
    auto markdown = agenda_markdown(review_agenda());
    EXPECT_EQ(markdown.rfind("# Agenda: Management review Q1 2026\n", 0), 0u);
    const std::string_view expected_in_order[] = {
        "- **Meeting:** MTG-12",
        "- **Date and time:** 2026-03-31 14:00 UTC to 15:00 UTC",
        "- **Duration:** 60 minutes",
        "- **Place:** Board room",
        "- **Chair:** Alice Chair",
        "- **Minute taker:** Bob Notes",
        "## Attendees invited",
        "| Dan Guest | Guest |",
        "## Agenda",
        "Total timebox: 70 of 60 minutes.",
        "> **Warning: over time.** The timeboxes add up to 70 minutes, 10 more",
        "### Opening",
        "| 1 | Attendance and roles | Alice Chair | 5 min |  |",
        "### Action items",
        "| 2 | Open action items | Bob Notes | 10 min | ACT-103 |",
        "### Incidents",
        "### Risks",
        "| 5 | Risks above appetite | Carol Member | 15 min | RSK-12, RSK-14 |",
        "### KPIs",
        "### Any other business",
        "## Coverage of management review inputs (ISO/IEC 27001:2022 9.3.2)",
        "| a | Status of actions from previous management reviews | 2 |",
        "| b | Changes in external and internal issues relevant to the ISMS, including climate change | NOT COVERED |",
        "| d1 | Nonconformities and corrective actions | 3 |",
        "**Warning: 1 input is not covered by any item:** b.",
        "## KPIs",
        "| Vulnerabilities remediated within SLA | 92.5% | at least 95% (amber down to 90%) | Amber | Improving | 2026-Q1 |",
        "| Mean time to contain | no value | at most 4 hours (amber up to 8 hours) | No value | Unknown | 2026-Q1 |",
    };
    size_t position = 0;
    for (auto expected : expected_in_order) {
        auto found = markdown.find(expected, position);
        ASSERT_NE(found, std::string::npos) << "missing or out of order: " << expected << "\n" << markdown;
        position = found + expected.size();
    }
    EXPECT_EQ(markdown.back(), '\n');
    EXPECT_NE(markdown.substr(markdown.size() - 2), "\n\n");
}

TEST(AgendaMarkdown, NoWarningWithinTimeAndNoCoverageOutsideManagementReview)
{
    auto doc = review_agenda();
    doc.over_time = false;
    doc.meeting.type = MeetingType::maintenance;
    auto markdown = agenda_markdown(doc);
    EXPECT_EQ(markdown.find("over time"), std::string::npos);
    EXPECT_EQ(markdown.find("9.3.2"), std::string::npos);
    EXPECT_EQ(markdown.find("NOT COVERED"), std::string::npos);
}

TEST(AgendaJson, HasTheDocumentedShape)
{
    auto json = agenda_json(review_agenda());
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items())
        keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"meeting", "attendees", "sections", "total_minutes", "duration_minutes",
                                              "over_time", "coverage", "kpis"}));

    const auto& meeting = json["meeting"];
    EXPECT_EQ(meeting["id"], 12);
    EXPECT_EQ(meeting["ref"], "MTG-12");
    EXPECT_EQ(meeting["type"], "management_review");
    EXPECT_EQ(meeting["state"], "planned");
    EXPECT_EQ(meeting["starts_at"], "2026-03-31T14:00:00Z");
    EXPECT_EQ(meeting["chair"], (Json{{"id", 1}, {"name", "Alice Chair"}}));
    EXPECT_EQ(meeting["location"], "Board room");

    EXPECT_EQ(json["attendees"].size(), 4u);
    EXPECT_EQ(json["attendees"][3]["email"], nullptr);
    EXPECT_EQ(json["attendees"][1]["role"], "minute_taker");

    // Sections in enum order, empty ones left out.
    std::vector<std::string> section_keys;
    for (const auto& section : json["sections"])
        section_keys.push_back(section["key"]);
    EXPECT_EQ(section_keys,
              (std::vector<std::string>{"opening", "actions", "incidents", "risks", "kpis", "other_business"}));
    EXPECT_EQ(json["sections"][1]["title"], "Action items");
    const auto& risk_item = json["sections"][3]["items"][0];
    EXPECT_EQ(risk_item["id"], 105);
    EXPECT_EQ(risk_item["number"], 5);
    EXPECT_EQ(risk_item["presenter"]["name"], "Carol Member");
    EXPECT_EQ(risk_item["timebox_minutes"], 15);
    EXPECT_EQ(risk_item["sources"], (Json{"RSK-12", "RSK-14"}));
    EXPECT_EQ(risk_item["covers"], (Json{"f"}));
    EXPECT_EQ(risk_item["notes"], nullptr);
    EXPECT_EQ(risk_item["outcome"], nullptr);
    EXPECT_EQ(risk_item["manual"], false);

    EXPECT_EQ(json["total_minutes"], 70);
    EXPECT_EQ(json["duration_minutes"], 60);
    EXPECT_EQ(json["over_time"], true);

    ASSERT_EQ(json["coverage"].size(), 10u);
    EXPECT_EQ(json["coverage"][0], (Json{{"input", "a"},
                                         {"title", "Status of actions from previous management reviews"},
                                         {"items", {2}},
                                         {"covered", true}}));
    EXPECT_EQ(json["coverage"][1]["input"], "b");
    EXPECT_EQ(json["coverage"][1]["items"], Json::array());
    EXPECT_EQ(json["coverage"][1]["covered"], false);
    int uncovered = 0;
    for (const auto& input : json["coverage"])
        uncovered += input["covered"] ? 0 : 1;
    EXPECT_EQ(uncovered, 1);

    ASSERT_EQ(json["kpis"].size(), 3u);
    EXPECT_EQ(json["kpis"][0]["value"], 92.5);
    EXPECT_EQ(json["kpis"][0]["unit"], "%");
    EXPECT_EQ(json["kpis"][0]["rag"], "amber");
    EXPECT_EQ(json["kpis"][0]["trend"], "improving");
    EXPECT_EQ(json["kpis"][0]["period"], "2026-01-01");
    EXPECT_EQ(json["kpis"][2]["value"], nullptr);
    EXPECT_EQ(json["kpis"][2]["rag"], nullptr);
}

TEST(AgendaJson, CoverageIsEmptyOutsideManagementReview)
{
    auto doc = review_agenda();
    doc.meeting.type = MeetingType::risk_review;
    doc.over_time = false;
    auto json = agenda_json(doc);
    EXPECT_EQ(json["coverage"], Json::array());
    EXPECT_EQ(json["over_time"], false);
}

} // namespace
} // namespace c9
