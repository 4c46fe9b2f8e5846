#include "export/doc_words.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

TEST(DocWords, KpiWording)
{
    KpiStatus status;
    status.kpi.unit = "%";
    status.kpi.target = 95;
    status.kpi.amber = 90;
    status.kpi.frequency = KpiFrequency::quarterly;
    status.period = *parse_date("2026-04-01");
    status.value = 92.5;
    EXPECT_EQ(kpi_value_text(status), "92.5%");
    EXPECT_EQ(kpi_target_text(status.kpi), "at least 95% (amber down to 90%)");
    EXPECT_EQ(kpi_period_text(status), "2026-Q2");
    status.kpi.direction = Direction::lower_is_better;
    status.kpi.unit = "days";
    status.kpi.amber.reset();
    EXPECT_EQ(kpi_target_text(status.kpi), "at most 95 days");
    status.value.reset();
    EXPECT_EQ(kpi_value_text(status), "no value");
    EXPECT_EQ(rag_words(std::nullopt), "No value");
}

TEST(DocWords, ItemNumbersAndLinkedRows)
{
    EXPECT_EQ(item_number_words(3), "3");
    EXPECT_EQ(item_number_words(0), "none");
    DocDecision decision;
    EXPECT_EQ(linked_rows_words(decision), "none");
    decision.links = "INC-4;RSK-12\nACT-3";
    EXPECT_EQ(linked_rows_words(decision), "INC-4, RSK-12, ACT-3");
    decision.links = " , "; // typed, but no ref in it
    EXPECT_EQ(linked_rows_words(decision), "");
}

} // namespace
} // namespace c9
