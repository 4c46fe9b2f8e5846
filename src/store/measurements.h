// Measurements of KPIs, one per KPI and period.
#pragma once

#include "core/kpi.h"
#include "store/store.h"

namespace c9 {

// Records the value for the period, replacing an earlier value for the same period.
Result<void> upsert_measurement(Tx& tx, const Measurement& measurement);
Result<std::vector<Measurement>> measurements_of(Tx& tx, Id kpi);
// Measurements of all KPIs with period >= since as known at `known_at`, oldest first: recorded then or before (a
// review of that moment cannot see later figures).
Result<std::vector<Measurement>> measurements_since(Tx& tx, Date since, Timestamp known_at);
// The measurement of one period, if any (recorded by `known_at`, when given).
Result<std::optional<Measurement>> measurement_for(
    Tx& tx, Id kpi, Date period, std::optional<Timestamp> known_at = std::nullopt);
// The latest `count` measurements of a KPI, newest first (recorded by `known_at`, when given).
Result<std::vector<Measurement>> latest_measurements(
    Tx& tx, Id kpi, int count, std::optional<Timestamp> known_at = std::nullopt);

} // namespace c9
