#include "core/recurrence.h"
#include "core/time.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

TEST(Time, ParsesAndFormatsDates)
{
    struct Case {
        const char* text;
        bool valid;
    };
    for (auto [text, valid] : std::vector<Case>{{"2026-03-31", true},
                                                {"2024-02-29", true},
                                                {"2023-02-29", false},
                                                {"2026-13-01", false},
                                                {"2026-3-31", false},
                                                {"26-03-31", false},
                                                {"2026-03-31x", false},
                                                {"", false},
                                                {"1899-12-31", false}}) {
        auto parsed = parse_date(text);
        EXPECT_EQ(parsed.has_value(), valid) << text;
        if (parsed) {
            EXPECT_EQ(format_date(*parsed), text);
        }
    }
}

TEST(Time, ParsesTimestampsInEveryAcceptedForm)
{
    struct Case {
        const char* text;
        const char* expected; // canonical UTC form, or nullptr when invalid
    };
    for (auto [text, expected] : std::vector<Case>{
             {"2026-03-31T14:05:09Z", "2026-03-31T14:05:09Z"},
             {"2026-03-31 14:05", "2026-03-31T14:05:00Z"},
             {"2026-03-31T14:05:09.123Z", "2026-03-31T14:05:09Z"},
             {"2026-03-31T14:05:09+02:00", "2026-03-31T12:05:09Z"},
             {"2026-03-31T00:30:00-01:00", "2026-03-31T01:30:00Z"},
             {"2026-03-31", "2026-03-31T00:00:00Z"},
             {"2026-03-31T24:00:00Z", nullptr},
             {"2026-03-31T14:60Z", nullptr},
             {"2026-03-31T14:05:09+0200", nullptr},
             {"2026-03-31T14", nullptr},
         }) {
        auto parsed = parse_timestamp(text);
        if (!expected) {
            EXPECT_FALSE(parsed.has_value()) << text;
            continue;
        }
        ASSERT_TRUE(parsed.has_value()) << text;
        EXPECT_EQ(format_timestamp(*parsed), expected) << text;
    }
}

TEST(Time, AddMonthsClampsToTheEndOfTheMonth)
{
    EXPECT_EQ(format_date(add_months(*parse_date("2026-01-31"), 1)), "2026-02-28");
    EXPECT_EQ(format_date(add_months(*parse_date("2024-01-31"), 1)), "2024-02-29");
    EXPECT_EQ(format_date(add_months(*parse_date("2026-03-31"), -1)), "2026-02-28");
    EXPECT_EQ(format_date(add_months(*parse_date("2026-11-15"), 3)), "2027-02-15");
    EXPECT_EQ(format_date(month_start(*parse_date("2026-11-15"))), "2026-11-01");
}

TEST(Recurrence, ParsesAliasesAndRrules)
{
    struct Case {
        const char* text;
        const char* rrule; // nullptr: refused
    };
    for (auto [text, rrule] : std::vector<Case>{{"monthly", "FREQ=MONTHLY"},
                                                {"Quarterly", "FREQ=MONTHLY;INTERVAL=3"},
                                                {"half-yearly", "FREQ=MONTHLY;INTERVAL=6"},
                                                {"fortnightly", "FREQ=WEEKLY;INTERVAL=2"},
                                                {"FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2"},
                                                {"RRULE:FREQ=YEARLY", "FREQ=YEARLY"},
                                                {"freq=daily;interval=1", "FREQ=DAILY"},
                                                {"FREQ=MONTHLY;BYDAY=MO", nullptr},
                                                {"FREQ=HOURLY", nullptr},
                                                {"INTERVAL=2", nullptr},
                                                {"FREQ=MONTHLY;INTERVAL=0", nullptr},
                                                {"sometimes", nullptr}}) {
        auto parsed = Recurrence::parse(text);
        EXPECT_EQ(parsed.has_value(), rrule != nullptr) << text;
        if (parsed && rrule) {
            EXPECT_EQ(parsed->to_rrule(), rrule) << text;
        }
    }
}

TEST(Recurrence, NextAfterKeepsTheAnchorDay)
{
    auto monthly = *Recurrence::parse("monthly");
    auto anchor = *parse_date("2026-01-31");
    EXPECT_EQ(format_date(monthly.next_after(anchor, anchor)), "2026-02-28");
    EXPECT_EQ(format_date(monthly.next_after(anchor, *parse_date("2026-02-28"))), "2026-03-31");
    EXPECT_EQ(format_date(monthly.next(*parse_date("2026-02-28"))), "2026-03-31");
    EXPECT_EQ(format_date(monthly.next(*parse_date("2026-01-30"))), "2026-02-28");
    EXPECT_EQ(format_date(monthly.next(*parse_date("2026-03-30"))), "2026-04-30");
    EXPECT_EQ(format_date(Recurrence::parse("yearly")->next(*parse_date("2024-02-29"))), "2025-02-28");
    auto weekly = *Recurrence::parse("FREQ=WEEKLY;INTERVAL=2");
    EXPECT_EQ(format_date(weekly.next_after(*parse_date("2026-06-01"), *parse_date("2026-06-20"))), "2026-06-29");
    EXPECT_EQ(monthly.describe(), "every month");
    EXPECT_EQ(Recurrence::parse("quarterly")->describe(), "every 3 months");
}

} // namespace
} // namespace c9
