// Recurrence of maintenance activities and meeting series: the FREQ and INTERVAL parts of an iCalendar RRULE
// (RFC 5545), which is what every calendar understands. Friendly aliases ("monthly", "quarterly") are accepted.
#pragma once

#include "core/enum_names.h"
#include "core/time.h"

#include <optional>
#include <string>
#include <string_view>

namespace c9 {

enum class Frequency { daily, weekly, monthly, yearly };
C9_ENUM_NAMES(Frequency, "DAILY", "WEEKLY", "MONTHLY", "YEARLY");

struct Recurrence {
    Frequency frequency = Frequency::monthly;
    int interval = 1;

    // "FREQ=MONTHLY;INTERVAL=3", or one of daily, weekly, fortnightly, monthly, quarterly, half-yearly, yearly.
    static std::optional<Recurrence> parse(std::string_view text);
    std::string to_rrule() const;
    std::string describe() const; // "every 3 months"

    // The occurrence after `from`; monthly and yearly schedules on a month's last day stay on last days.
    Date next(Date from) const;
    // First occurrence after both `anchor` and `after`, stepping from `anchor`.
    Date next_after(Date anchor, Date after) const;
    // Nominal length in days, for comparing cadences (a month counts 30 days).
    int approximate_days() const;
};

} // namespace c9
