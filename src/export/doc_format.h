// How the meeting documents write times, numbers and lists, so that Markdown, HTML and iCalendar say the same thing.
#pragma once

#include "core/kpi_status.h" // format_number
#include "core/time.h"

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// "2026-03-31 14:00 UTC"
std::string format_utc_minutes(Timestamp at);
// "2026-03-31 14:00:27 UTC"
std::string format_utc_seconds(Timestamp at);
// "14:00 UTC"
std::string format_utc_time(Timestamp at);
// Rounded to two decimals without trailing zeros: 92.5, 3, 0.33.
// "2, 5, 11"
std::string join_numbers(const std::vector<int>& numbers);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Whether the meeting facts include the actual start and end (the minutes do, the agenda does not).
enum class ActualTimes { no, yes };

} // namespace c9
