#include "core/minutes.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

MinutesDoc minutes_of(MeetingType type)
{
    MinutesDoc doc;
    doc.agenda.meeting.type = type;
    for (int number = 1; number <= 3; ++number) {
        DocItem item;
        item.number = number;
        item.covers = number == 1 ? "D1, a" : "";
        doc.agenda.items.push_back(item);
    }
    doc.decisions = {{.ref = "DEC-7", .item_number = 2}, {.ref = "DEC-3", .item_number = 0},
        {.ref = "DEC-9", .item_number = 2}};
    doc.actions = {{.ref = "ACT-4", .item_number = 1}, {.ref = "ACT-2", .item_number = 2}};
    return doc;
}

TEST(MinutesFacts, DecisionsAndActionsBelongToTheirItemInTheOrderOfTheMinutes)
{
    auto doc = minutes_of(MeetingType::maintenance);
    struct Case {
        int item;
        std::vector<std::string> decisions;
        std::vector<std::string> actions;
    };
    const Case cases[] = {
        {1, {}, {"ACT-4"}},
        {2, {"DEC-7", "DEC-9"}, {"ACT-2"}},
        {3, {}, {}}, // DEC-3 belongs to no item, not to an item numbered 0
    };
    for (const auto& test : cases) {
        auto facts = minutes_item_facts(doc, doc.agenda.items.at(static_cast<size_t>(test.item - 1)));
        EXPECT_EQ(facts.decisions, test.decisions) << "item " << test.item;
        EXPECT_EQ(facts.actions, test.actions) << "item " << test.item;
    }
}

TEST(MinutesFacts, OnlyAManagementReviewStatesTheInputsAnItemCovers)
{
    auto review = minutes_of(MeetingType::management_review);
    EXPECT_EQ(minutes_item_facts(review, review.agenda.items[0]).covers, (std::vector<std::string> {"d1", "a"}));
    EXPECT_TRUE(minutes_item_facts(review, review.agenda.items[1]).covers.empty());
    auto maintenance = minutes_of(MeetingType::maintenance);
    EXPECT_TRUE(minutes_item_facts(maintenance, maintenance.agenda.items[0]).covers.empty());
}

TEST(MinutesFacts, LinkedRefsAreTheRefsTyped)
{
    DocDecision decision;
    EXPECT_TRUE(linked_refs(decision).empty());
    decision.links = "INC-4, RSK-12;ACT-3 ";
    EXPECT_EQ(linked_refs(decision), (std::vector<std::string> {"INC-4", "RSK-12", "ACT-3"}));
}

TEST(MinutesFacts, CoverageCountsForManagementReviewsOnly)
{
    AgendaDoc doc;
    doc.coverage = {{"a", "Status of actions", {1}}, {"b", "Changes", {}}};
    EXPECT_TRUE(review_coverage_of(doc).empty());
    EXPECT_FALSE(has_uncovered_input(doc));
    doc.meeting.type = MeetingType::management_review;
    EXPECT_EQ(review_coverage_of(doc).size(), 2U);
    EXPECT_TRUE(has_uncovered_input(doc));
    doc.coverage[1].items = {2};
    EXPECT_FALSE(has_uncovered_input(doc));
}

} // namespace
} // namespace c9
