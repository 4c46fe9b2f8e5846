#include "app/reviews.h"

#include "store/risk_scores.h"
#include "store/typed.h"

#include <algorithm>
#include <map>

namespace c9 {

Result<std::vector<OwnerActions>> actions_by_owner(Tx& tx, Date today)
{
    std::map<Id, OwnerActions> owners;
    for (const auto& action : C9_TRY(all_rows(tx, action_spec(), {where("status", FilterOp::ne, std::string("cancelled"))}))) {
        auto& entry = owners[action.owner.value_or(0)];
        entry.owner = action.owner.value_or(0);
        if (is_open(action.status)) {
            ++entry.open;
            entry.overdue += is_overdue(action, today) ? 1 : 0;
        } else {
            ++entry.closed;
            entry.closed_on_time += closed_on_time(action) ? 1 : 0;
        }
    }
    std::vector<OwnerActions> out;
    for (auto& [owner, entry] : owners)
        out.push_back(entry);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.overdue != b.overdue ? a.overdue > b.overdue : a.open > b.open;
    });
    return out;
}

Result<RiskReview> review_risks(Tx& tx, const Rules& rules, Date horizon)
{
    RiskReview review;
    auto open = C9_TRY(all_rows(tx, risk_spec(), risk_spec().open_filter()));
    auto today = rules.today();
    for (const auto& risk : open) {
        int current = current_score(risk);
        if (rules.matrix.above_appetite(current))
            review.above_appetite.push_back(risk);
        if (risk.next_review && *risk.next_review <= horizon)
            review.reviews_due.push_back(risk);
        if (risk.treatment_due && *risk.treatment_due < today && risk.treatment_status != TreatmentStatus::done)
            review.treatments_overdue.push_back(risk);
        if (!risk.treatment)
            continue;
        RiskEffect effect;
        effect.risk = risk;
        effect.inherent = risk.inherent_score;
        effect.current = current;
        if (risk.inherent_score > 0)
            effect.reduction_percent = 100.0 * (risk.inherent_score - current) / risk.inherent_score;
        auto history = C9_TRY(risk_score_history(tx, risk.id));
        if (history.size() >= 2) {
            effect.first_score = history.front().current();
            effect.previous_score = history[history.size() - 2].current();
            int latest = history.back().current();
            effect.trend = latest < effect.previous_score   ? ScoreTrend::falling
                           : latest > effect.previous_score ? ScoreTrend::rising
                                                            : ScoreTrend::stable;
        } else {
            effect.first_score = effect.previous_score = history.empty() ? current : history.front().current();
        }
        review.effectiveness.push_back(std::move(effect));
    }
    // Rising scores first, then the smallest reductions: where treatment is not working.
    std::stable_sort(review.effectiveness.begin(), review.effectiveness.end(), [](const auto& a, const auto& b) {
        bool a_rising = a.trend == ScoreTrend::rising, b_rising = b.trend == ScoreTrend::rising;
        if (a_rising != b_rising)
            return a_rising;
        return a.reduction_percent < b.reduction_percent;
    });
    return review;
}

} // namespace c9
