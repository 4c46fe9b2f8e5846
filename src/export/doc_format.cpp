#include "export/doc_format.h"

#include <cmath>
#include <fmt/format.h>

namespace c9 {

std::string format_utc_minutes(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    return fmt::format("{} {:02}:{:02} UTC", format_date(day), time.hours().count(), time.minutes().count());
}

std::string format_utc_seconds(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    return fmt::format("{} {:02}:{:02}:{:02} UTC", format_date(day), time.hours().count(), time.minutes().count(),
                       time.seconds().count());
}

std::string format_utc_time(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    return fmt::format("{:02}:{:02} UTC", time.hours().count(), time.minutes().count());
}

std::string join_numbers(const std::vector<int>& numbers)
{
    std::string out;
    for (int number : numbers) {
        if (!out.empty())
            out += ", ";
        out += std::to_string(number);
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty())
            out += separator;
        out += part;
    }
    return out;
}

} // namespace c9
