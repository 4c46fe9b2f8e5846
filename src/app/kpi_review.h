// KPIs as a meeting reviews them: each active KPI's value, RAG status and trend (ISO/IEC 27001:2022 9.1).
#pragma once

#include "app/caller.h"
#include "core/kpi_status.h"
#include "core/rules.h"
#include "store/store.h"

namespace c9 {

// Formula KPIs that describe a state (open critical vulnerabilities) report the current period; those that count
// what happened (remediated within SLA) report the last complete period, compared with the one before. Manual
// KPIs report their latest measurement, compared with the one before it.
Result<KpiStatus> review_kpi(Tx& tx, const Kpi& kpi, const Rules& rules);
Result<std::vector<KpiStatus>> review_kpis(Tx& tx, const Rules& rules);

// Records the computed values of formula KPIs as measurements of their period, so their history (and trend)
// outlives later changes to the registers. Done when a meeting closes.
Result<void> snapshot_kpis(Tx& tx, const std::vector<KpiStatus>& statuses, const Caller& caller);

} // namespace c9
