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

// The value of the formula for the period, or empty when there is nothing to measure (no vulnerability due, no
// incident ...), which is different from zero.
Result<std::optional<double>> compute_formula(Tx& tx, KpiFormula formula, Period period, const Rules& rules);

struct FormulaRequest {
    KpiFormula formula;
    Period period;
};

// The values of several formulas, in the order asked; on PostgreSQL from one statement (a round trip saved per
// formula).
Result<std::vector<std::optional<double>>> compute_formulas(
    Tx& tx, const std::vector<FormulaRequest>& requests, const Rules& rules);

} // namespace c9
