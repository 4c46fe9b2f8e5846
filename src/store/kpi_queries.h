// The built-in KPI formulas over the registers (docs/kpis.md). Each reads only the rows of its period or the
// currently open rows, through indexes, so a KPI costs the same with one year of history as with twenty.
#pragma once

#include "core/kpi.h"
#include "core/rules.h"
#include "store/store.h"

namespace c9 {

struct Period {
    Date from {}; // inclusive
    Date to {}; // exclusive
};

// Formulas that describe the state now rather than what happened in a period.
bool is_snapshot(KpiFormula formula);

struct FormulaRequest {
    KpiFormula formula;
    Period period;
};

// The value of each formula for its period, in the order asked, or empty when there is nothing to measure (no
// vulnerability due, no incident ...), which is different from zero. On PostgreSQL from one statement (a round trip
// saved per formula).
Result<std::vector<std::optional<double>>> compute_formulas(
    Tx& tx, const std::vector<FormulaRequest>& requests, const Rules& rules);

} // namespace c9
