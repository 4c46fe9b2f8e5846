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
// The measurement of one period, if any.
Result<std::optional<Measurement>> measurement_for(Tx& tx, Id kpi, Date period);
// The latest `count` measurements of a KPI, newest first.
Result<std::vector<Measurement>> latest_measurements(Tx& tx, Id kpi, int count);

} // namespace c9
