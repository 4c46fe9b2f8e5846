// Reports the meetings rely on: action items per owner, and the review of risks and their mitigation.
#pragma once

#include "core/action_item.h"
#include "core/risk.h"
#include "core/rules.h"
#include "store/store.h"

namespace c9 {

struct OwnerActions {
    Id owner = 0;
    int open = 0;
    int overdue = 0;
    int closed = 0;         // done
    int closed_on_time = 0; // done by the due date

    std::optional<double> on_time_percent() const
    {
        if (closed == 0)
            return std::nullopt;
        return 100.0 * closed_on_time / closed;
    }
};

// Per owner: open, overdue, and the share of done items closed on time. Cancelled items are left out.
Result<std::vector<OwnerActions>> actions_by_owner(Tx& tx, Date today);

enum class ScoreTrend { falling, stable, rising, new_risk };
C9_ENUM_NAMES(ScoreTrend, "falling", "stable", "rising", "new");

struct RiskEffect {
    Risk risk;
    int inherent = 0;
    int current = 0;
    double reduction_percent = 0; // how far treatment brought the score down from the inherent score
    int first_score = 0;          // first entry of the score history
    int previous_score = 0;       // the entry before the latest
    ScoreTrend trend = ScoreTrend::new_risk;
};

struct RiskReview {
    std::vector<RiskEffect> effectiveness; // open risks with a treatment, least effective first
    std::vector<Risk> above_appetite;
    std::vector<Risk> reviews_due;        // next review on or before `horizon`
    std::vector<Risk> treatments_overdue; // treatment due date passed
};

// Risk review (ISO/IEC 27001:2022 6.1.3, 8.2, 8.3): mitigation effectiveness from the score history, risks above
// the appetite, reviews due by `horizon`, treatment plans overdue.
Result<RiskReview> review_risks(Tx& tx, const Rules& rules, Date horizon);

} // namespace c9
