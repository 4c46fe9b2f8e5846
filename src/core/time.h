// Calendar dates and UTC instants. Dates are civil days (due dates, review dates); instants are UTC seconds
// (when an incident was detected, when a meeting started). Both are stored as ISO 8601 text so that the database
// sorts them correctly and a person reading it sees what they mean.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace c9 {

using Date = std::chrono::sys_days;
using Timestamp = std::chrono::sys_seconds;

// "2026-03-31"
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);

// "2026-03-31T14:05:00Z"; also accepts a space instead of T, no seconds, an offset such as +02:00, no zone (UTC),
// and a bare date (midnight UTC).
std::optional<Timestamp> parse_timestamp(std::string_view text);
std::string format_timestamp(Timestamp at);

Date to_date(Timestamp at);
Timestamp start_of(Date date);

// Adds calendar months; a day past the end of the target month is clamped (Jan 31 + 1 month = Feb 28/29).
Date add_months(Date date, int months);
inline Date add_days(Date date, int days) { return date + std::chrono::days(days); }
inline long days_between(Date from, Date to) { return (to - from).count(); }

// First day of the month that contains date.
Date month_start(Date date);

} // namespace c9
