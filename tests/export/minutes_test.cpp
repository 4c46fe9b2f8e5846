#include "core/audit.h"
#include "export/doc_json.h"
#include "export/minutes_markdown.h"
#include "sample_docs.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

using test::review_minutes;
using test::sample_approval;

void expect_in_order(const std::string& text, std::initializer_list<std::string_view> expected_in_order)
{
    size_t position = 0;
    for (auto expected : expected_in_order) {
        auto found = text.find(expected, position);
        ASSERT_NE(found, std::string::npos) << "missing or out of order: " << expected << "\n" << text;
        position = found + expected.size();
    }
}

TEST(MinutesMarkdown, RecordsDecisionsOwnersAndDueDates)
{
    auto body = minutes_markdown_body(review_minutes());
    expect_in_order(body,
        {
            "# Minutes: Management review Q1 2026\n",
            "- **Actual start:** 2026-03-31 14:03 UTC",
            "- **Actual end:** 2026-03-31 15:12 UTC",
            "## Attendance",
            "| Name | Role | Attendance |",
            "| Alice Chair | Chair | Present |",
            "| Carol Member | Member | Excused |",
            "**Quorum:** reached: 3 present, 3 required.",
            "## Agenda items and discussion",
            "### Action items",
            "#### 2. Open action items",
            "- **Presenter:** Bob Notes",
            "- **Sources:** ACT-103",
            "- **Outcome:** Action",
            "**Notes:**\n\nTwo actions overdue.\\\nACT-103 moved to the next meeting.",
            "#### 3. Incident INC-4: phishing",
            "- **Actions raised:** ACT-121",
            "No notes recorded.",
            "#### 5. Risks above appetite",
            "- **Covers 9.3.2 inputs:** f",
            "- **Outcome:** Decision",
            "- **Decisions:** DEC-3",
            "- **Actions raised:** ACT-120",
            "## Decisions",
            "| Ref | Item | Type | Decision | Rationale | Owner | Due | Linked rows | Standing |",
            "| DEC-3 | 5 | Risk acceptance | Accept RSK-12 until 2026-06-30 | Compensating monitoring is in place | "
            "Carol Member | 2026-06-30 | RSK-12 | Binding |",
            "| DEC-4 | none | Resource | Fund a second SOC analyst | not recorded | not assigned | none | none | "
            "Confirms DEC-1 |",
            "## Action items raised",
            "| ACT-120 | Review firewall rule base | Carol Member | 2026-04-30 | Open | 5 |",
            "| ACT-121 | Phishing training for finance | not assigned | 2026-05-15 | In progress | 3 |",
            "## Lessons learned",
            "| LL-4 | Report phishing faster | People | Add a report button to the mail client |",
            "## Proposals not taken onto the agenda",
            "| PRP-2 | Discuss the canteen Wi-Fi | Concern | Dan Guest | Declined: Not an ISMS matter; facilities "
            "handle it |",
            "## KPIs",
            "## Coverage of management review inputs (ISO/IEC 27001:2022 9.3.2)",
            "| b | Changes in external and internal issues relevant to the ISMS, including climate change | NOT "
            "COVERED |",
            "**Reason recorded for the uncovered inputs:**\n\nInput b was discussed at the strategy day on 2026-03-10.",
        });
    EXPECT_EQ(body.substr(body.size() - 2), "\n\n");
}

TEST(MinutesMarkdown, QuorumLine)
{
    struct Case {
        std::optional<int> quorum;
        int present;
        std::string_view expected;
    };
    const Case cases[] = {
        {3, 3, "**Quorum:** reached: 3 present, 3 required.\n"},
        {4, 3,
            "**Quorum: NOT reached:** 3 present, 4 required. The decisions below are provisional: they were taken "
            "without the required quorum and come back to the next meeting of the series for confirmation.\n"},
        {std::nullopt, 2, "**Quorum:** none required; 2 present.\n"},
    };
    for (const auto& test : cases) {
        auto doc = review_minutes();
        doc.quorum = test.quorum;
        doc.present = test.present;
        EXPECT_NE(minutes_markdown_body(doc).find(test.expected), std::string::npos) << test.expected;
    }
}

TEST(MinutesMarkdown, UncoveredInputWithoutReasonSaysSo)
{
    auto doc = review_minutes();
    doc.uncovered_reason.clear();
    EXPECT_NE(minutes_markdown_body(doc).find("**Reason recorded for the uncovered inputs:** none recorded."),
              std::string::npos);
}

TEST(MinutesMarkdown, BodyIsByteStableAndUnaffectedByApproval)
{
    auto draft = review_minutes();
    auto body = minutes_markdown_body(draft);
    EXPECT_EQ(minutes_markdown_body(review_minutes()), body);

    auto approved = review_minutes();
    approved.agenda.meeting.state = MeetingState::approved;
    approved.approval = sample_approval();
    EXPECT_EQ(minutes_markdown_body(approved), body);
    EXPECT_EQ(body.find("approved"), std::string::npos);
    EXPECT_EQ(body.find("held"), std::string::npos);

    auto full_draft = minutes_markdown(draft);
    EXPECT_EQ(full_draft.rfind(body, 0), 0u);
    EXPECT_NE(full_draft.find("Draft: not approved", body.size()), std::string::npos);

    auto full = minutes_markdown(approved);
    EXPECT_EQ(full, body + minutes_approval_markdown(*approved.approval));
}

TEST(MinutesMarkdown, ApprovalSectionNamesTheHashAndHowToCheckIt)
{
    auto approval = sample_approval();
    auto section = minutes_approval_markdown(approval);
    EXPECT_EQ(section.rfind("## Approval\n\n", 0), 0u);
    EXPECT_NE(section.find("- **Approved by:** Alice Chair"), std::string::npos);
    EXPECT_NE(section.find("- **Approved at:** 2026-04-02 09:15:27 UTC"), std::string::npos);
    EXPECT_NE(section.find("`" + approval.sha256 + "`"), std::string::npos);
    EXPECT_NE(section.find("`" + approval.audit_head + "`"), std::string::npos);
    EXPECT_NE(section.find("covers exactly the text above this section"), std::string::npos);
}

// What the auditor does by hand: cut the file at the line "## Approval" and hash what is above it.
TEST(MinutesMarkdown, HashOfTheTextAboveTheApprovalLineIsTheSealedHash)
{
    auto doc = review_minutes();
    doc.agenda.items[0].notes = "## Approval\nforged line";
    auto sealed_hash = sha256_hex(minutes_markdown_body(doc));
    doc.approval = sample_approval();
    doc.approval->sha256 = sealed_hash;
    auto file = minutes_markdown(doc);
    auto cut = file.find("\n## Approval\n");
    ASSERT_NE(cut, std::string::npos);
    EXPECT_EQ(file.find("\n## Approval\n", cut + 1), std::string::npos) << "model text produced the marker line";
    EXPECT_EQ(sha256_hex(std::string_view(file).substr(0, cut + 1)), sealed_hash);
}

TEST(MinutesJson, AddsRecordToTheAgenda)
{
    auto doc = review_minutes();
    auto json = minutes_json(doc);
    EXPECT_EQ(json["meeting"]["started_at"], "2026-03-31T14:03:00Z");
    EXPECT_EQ(json["meeting"]["ended_at"], "2026-03-31T15:12:00Z");
    EXPECT_EQ(json["quorum"], 3);
    EXPECT_EQ(json["present"], 3);
    EXPECT_EQ(json["quorum_reached"], true);
    ASSERT_EQ(json["decisions"].size(), 2u);
    EXPECT_EQ(json["decisions"][0],
        (Json {{"ref", "DEC-3"}, {"type", "risk_acceptance"}, {"text", "Accept RSK-12 until 2026-06-30"},
            {"rationale", "Compensating monitoring is in place"}, {"links", {"RSK-12"}}, {"item", 5},
            {"owner", {{"id", 3}, {"name", "Carol Member"}}}, {"due", "2026-06-30"}, {"provisional", false},
            {"confirms", nullptr}}));
    EXPECT_EQ(json["decisions"][1]["confirms"], "DEC-1");
    EXPECT_EQ(json["decisions"][1]["owner"], nullptr);
    ASSERT_EQ(json["proposals_not_taken"].size(), 1u);
    EXPECT_EQ(json["proposals_not_taken"][0]["status"], "declined");
    EXPECT_EQ(json["proposals_not_taken"][0]["reason"], "Not an ISMS matter; facilities handle it");
    EXPECT_EQ(json["decisions"][1]["item"], nullptr);
    EXPECT_EQ(json["decisions"][1]["rationale"], nullptr);
    ASSERT_EQ(json["actions"].size(), 2u);
    EXPECT_EQ(json["actions"][0]["owner"], (Json{{"id", 3}, {"name", "Carol Member"}}));
    EXPECT_EQ(json["actions"][0]["due"], "2026-04-30");
    EXPECT_EQ(json["actions"][1]["owner"], nullptr);
    EXPECT_EQ(json["actions"][1]["status"], "in_progress");
    EXPECT_EQ(json["lessons"][0]["category"], "people");
    EXPECT_EQ(json["uncovered_reason"], "Input b was discussed at the strategy day on 2026-03-10.");
    EXPECT_EQ(json["approval"], nullptr);

    doc.approval = sample_approval();
    json = minutes_json(doc);
    EXPECT_EQ(json["approval"]["approved_at"], "2026-04-02T09:15:27Z");
    EXPECT_EQ(json["approval"]["approved_by"]["name"], "Alice Chair");
    EXPECT_EQ(json["approval"]["sha256"], doc.approval->sha256);
    EXPECT_EQ(json["approval"]["audit_head"], doc.approval->audit_head);
}

} // namespace
} // namespace c9
