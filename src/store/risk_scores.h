// The score history of risks: one entry whenever a risk's levels change.
#pragma once

#include "core/risk.h"
#include "store/store.h"

namespace c9 {

// Appends an entry; the score before it is taken from the risk's latest entry (0 for a new risk).
Result<void> insert_risk_score(Tx& tx, const RiskScore& score);

// Per risk with entries after `since` and up to `until`: its current score just before the first of them (0 when the
// risk is newer) and after the last. Reads only the entries in between.
struct ScoreChange {
    Id risk = 0;
    int before = 0;
    int after = 0;
};
Result<std::vector<ScoreChange>> score_changes_since(Tx& tx, Timestamp since, Timestamp until);
Result<std::vector<RiskScore>> risk_score_history(Tx& tx, Id risk);
// Entries recorded at or after `since` (all risks), oldest first.
Result<std::vector<RiskScore>> risk_scores_since(Tx& tx, Timestamp since);
// The last entry of a risk recorded at or before `at`, if any.
Result<std::optional<RiskScore>> risk_score_at(Tx& tx, Id risk, Timestamp at);

// How many open risks sit on each combination of levels, counted by the database (the heat map of the
// dashboard and the management review): inherent levels, and residual ones where the treatment is done and the
// residual levels assessed, else its inherent ones again, as its current score counts them.
struct RiskCellCount {
    int likelihood = 0;
    int impact = 0;
    int residual_likelihood = 0;
    int residual_impact = 0;
    std::int64_t risks = 0;
};
Result<std::vector<RiskCellCount>> open_risk_cells(Tx& tx);

} // namespace c9
