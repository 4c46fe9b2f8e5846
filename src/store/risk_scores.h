// The score history of risks: one entry whenever a risk's levels change.
#pragma once

#include "core/risk.h"
#include "store/store.h"

namespace c9 {

Result<void> insert_risk_score(Tx& tx, const RiskScore& score);
Result<std::vector<RiskScore>> risk_score_history(Tx& tx, Id risk);
// Entries recorded at or after `since` (all risks), oldest first.
Result<std::vector<RiskScore>> risk_scores_since(Tx& tx, Timestamp since);
// The last entry of a risk recorded at or before `at`, if any.
Result<std::optional<RiskScore>> risk_score_at(Tx& tx, Id risk, Timestamp at);

} // namespace c9
