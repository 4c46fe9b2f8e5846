#include "export/doc_format.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

TEST(DocFormat, NumbersAndTimes)
{
    EXPECT_EQ(format_number(92.5), "92.5");
    EXPECT_EQ(format_number(3), "3");
    EXPECT_EQ(format_number(1.0 / 3), "0.33");
    EXPECT_EQ(format_number(-0.001), "0");
    EXPECT_EQ(format_number(1234567), "1234567");
    auto at = *parse_timestamp("2026-03-31T14:05:09Z");
    EXPECT_EQ(format_utc_minutes(at), "2026-03-31 14:05 UTC");
    EXPECT_EQ(format_utc_seconds(at), "2026-03-31 14:05:09 UTC");
    EXPECT_EQ(format_utc_time(at), "14:05 UTC");
}

} // namespace
} // namespace c9
