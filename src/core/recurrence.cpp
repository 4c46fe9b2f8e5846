#include "core/recurrence.h"

#include "core/text.h"

#include <charconv>
#include <fmt/format.h>

namespace c9 {

std::optional<Recurrence> Recurrence::parse(std::string_view text)
{
    std::string alias = lower(text);
    if (alias == "daily")
        return Recurrence{Frequency::daily, 1};
    if (alias == "weekly")
        return Recurrence{Frequency::weekly, 1};
    if (alias == "fortnightly" || alias == "biweekly")
        return Recurrence{Frequency::weekly, 2};
    if (alias == "monthly")
        return Recurrence{Frequency::monthly, 1};
    if (alias == "quarterly")
        return Recurrence{Frequency::monthly, 3};
    if (alias == "half-yearly" || alias == "semiannually" || alias == "semi-annually")
        return Recurrence{Frequency::monthly, 6};
    if (alias == "yearly" || alias == "annually")
        return Recurrence{Frequency::yearly, 1};

    std::string rule = upper(text);
    if (rule.starts_with("RRULE:"))
        rule.erase(0, 6);
    Recurrence recurrence;
    bool have_frequency = false;
    size_t pos = 0;
    while (pos <= rule.size()) {
        size_t end = rule.find(';', pos);
        if (end == std::string::npos)
            end = rule.size();
        std::string_view part(rule.data() + pos, end - pos);
        pos = end + 1;
        if (part.empty())
            continue;
        auto equals = part.find('=');
        if (equals == std::string_view::npos)
            return std::nullopt;
        auto key = part.substr(0, equals);
        auto value = part.substr(equals + 1);
        if (key == "FREQ") {
            auto frequency = parse_enum<Frequency>(value);
            if (!frequency)
                return std::nullopt;
            recurrence.frequency = *frequency;
            have_frequency = true;
        } else if (key == "INTERVAL") {
            int interval = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), interval);
            if (ec != std::errc() || ptr != value.data() + value.size() || interval < 1 || interval > 1000)
                return std::nullopt;
            recurrence.interval = interval;
        } else {
            // BYDAY, COUNT and the rest are not supported: refusing them is better than ignoring them silently.
            return std::nullopt;
        }
    }
    if (!have_frequency)
        return std::nullopt;
    return recurrence;
}

std::string Recurrence::to_rrule() const
{
    if (interval == 1)
        return fmt::format("FREQ={}", to_string(frequency));
    return fmt::format("FREQ={};INTERVAL={}", to_string(frequency), interval);
}

std::string Recurrence::describe() const
{
    static constexpr std::string_view units[] = {"day", "week", "month", "year"};
    auto unit = units[static_cast<int>(frequency)];
    if (interval == 1)
        return fmt::format("every {}", unit);
    return fmt::format("every {} {}s", interval, unit);
}

namespace {

bool last_day_of_month(Date date) { return add_days(date, 1) == month_start(add_days(date, 1)); }

Date shift_months(Date from, int months)
{
    // End-of-month convention: a schedule on the last day of a month stays on the last day (Jan 31, Feb 28,
    // Mar 31), instead of drifting to the 28th after February.
    if (last_day_of_month(from))
        return add_days(month_start(add_months(month_start(from), months + 1)), -1);
    return add_months(from, months);
}

} // namespace

Date Recurrence::next(Date from) const
{
    switch (frequency) {
    case Frequency::daily: return add_days(from, interval);
    case Frequency::weekly: return add_days(from, 7 * interval);
    case Frequency::monthly: return shift_months(from, interval);
    case Frequency::yearly: return shift_months(from, 12 * interval);
    }
    return from;
}

Date Recurrence::next_after(Date anchor, Date after) const
{
    Date candidate = next(anchor);
    while (candidate <= after)
        candidate = next(candidate);
    return candidate;
}

int Recurrence::approximate_days() const
{
    switch (frequency) {
    case Frequency::daily: return interval;
    case Frequency::weekly: return 7 * interval;
    case Frequency::monthly: return 30 * interval;
    case Frequency::yearly: return 365 * interval;
    }
    return interval;
}

} // namespace c9
