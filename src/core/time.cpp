#include "core/time.h"

#include <charconv>
#include <cstdio>

namespace c9 {

namespace {

bool read_int(std::string_view text, size_t pos, size_t len, int& out)
{
    if (pos + len > text.size())
        return false;
    for (size_t i = pos; i < pos + len; ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return true;
}

} // namespace

std::optional<Date> parse_date(std::string_view text)
{
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (!read_int(text, 0, 4, year) || !read_int(text, 5, 2, month) || !read_int(text, 8, 2, day))
        return std::nullopt;
    std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                    std::chrono::day(static_cast<unsigned>(day))};
    if (!ymd.ok() || year < 1900)
        return std::nullopt;
    return Date(ymd);
}

std::string format_date(Date date)
{
    std::chrono::year_month_day ymd(date);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

std::optional<Timestamp> parse_timestamp(std::string_view text)
{
    auto date = parse_date(text.substr(0, 10));
    if (!date)
        return std::nullopt;
    if (text.size() == 10)
        return start_of(*date);
    if (text[10] != 'T' && text[10] != ' ')
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!read_int(text, 11, 2, hour) || text.size() < 16 || text[13] != ':' || !read_int(text, 14, 2, minute))
        return std::nullopt;
    size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        if (!read_int(text, pos + 1, 2, second))
            return std::nullopt;
        pos += 3;
        // Fractions of a second are accepted and dropped.
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
                ++pos;
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    Timestamp at = start_of(*date) + std::chrono::hours(hour) + std::chrono::minutes(minute)
                 + std::chrono::seconds(second);
    if (pos == text.size() || (text[pos] == 'Z' && pos + 1 == text.size()))
        return at;
    if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
        int offset_hours = 0, offset_minutes = 0;
        if (!read_int(text, pos + 1, 2, offset_hours) || !read_int(text, pos + 4, 2, offset_minutes))
            return std::nullopt;
        auto offset = std::chrono::hours(offset_hours) + std::chrono::minutes(offset_minutes);
        return text[pos] == '+' ? at - offset : at + offset;
    }
    return std::nullopt;
}

std::string format_timestamp(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", format_date(day).c_str(),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buffer;
}

Date to_date(Timestamp at) { return std::chrono::floor<std::chrono::days>(at); }

Timestamp start_of(Date date) { return Timestamp(date); }

Date add_months(Date date, int months)
{
    std::chrono::year_month_day ymd(date);
    auto shifted = ymd.year() / ymd.month() / std::chrono::day(1) + std::chrono::months(months);
    auto last = std::chrono::year_month_day_last(shifted.year(), std::chrono::month_day_last(shifted.month()));
    auto day = std::min(ymd.day(), last.day());
    return Date(shifted.year() / shifted.month() / day);
}

Date month_start(Date date)
{
    std::chrono::year_month_day ymd(date);
    return Date(ymd.year() / ymd.month() / std::chrono::day(1));
}

} // namespace c9
