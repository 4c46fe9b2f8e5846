// Measurements of KPIs, one per KPI and period.
#pragma once

#include "core/kpi.h"
#include "store/store.h"

namespace c9 {

// Records the value for the period, replacing an earlier value for the same period.
Result<void> upsert_measurement(Tx& tx, const Measurement& measurement);
Result<std::vector<Measurement>> measurements_of(Tx& tx, Id kpi);
// Measurements of all KPIs with period >= since, oldest first.
Result<std::vector<Measurement>> measurements_since(Tx& tx, Date since);

} // namespace c9
