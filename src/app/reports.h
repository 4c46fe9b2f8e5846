// The reports a meeting and a dashboard work from, as use cases: action items per owner, the risk review and heat
// map, KPI status with its history, the database summary, the settings and the audit trail. Each reads in one
// transaction, so every figure of a report is of the same moment.
#pragma once

#include "app/caller.h"
#include "app/kpi_review.h"
#include "app/registers.h"
#include "app/reviews.h"
#include "app/settings.h"
#include "app/summary.h"
#include "store/audit_log.h"

namespace c9 {

struct OwnerReport {
    std::vector<OwnerActions> owners; // most overdue first
    PersonNames names;
};
Result<OwnerReport> action_owners(Store& store, const Caller& caller, unsigned include = rows_only);

Result<RiskReview> risk_review(Store& store, int horizon_days, const Caller& caller);

// Where the open risks sit on the organisation's matrix (9.3.2 e): counts by [likelihood - 1][impact - 1], before
// and after treatment, and the band of each cell. A risk whose treatment is not done counts on the residual map at
// its inherent levels, as its current score does; one whose levels lie outside the matrix (only a database
// edited by hand has one) is in the total and on no cell.
struct RiskHeatmap {
    RiskMatrix matrix;
    std::int64_t total = 0;
    std::vector<std::vector<std::int64_t>> inherent;
    std::vector<std::vector<std::int64_t>> residual;
    std::vector<std::vector<RiskBand>> bands;
};
Result<RiskHeatmap> risk_heatmap(Store& store, const Caller& caller);

struct KpiReport {
    KpiStatus status;
    std::vector<Measurement> history; // the latest recorded measurements, oldest first
};
// Every active KPI's status; with `history`, each KPI's latest `history` measurements too (a trend line).
Result<std::vector<KpiReport>> kpi_status(Store& store, int history, const Caller& caller);

Result<Summary> summary(Store& store, const Caller& caller);

// The settings, and a digest of them that a change may name to be refused when they moved meanwhile.
struct SettingsView {
    std::map<std::string, int> values;
    std::string tag;
};
Result<SettingsView> show_settings(Store& store);
// Changes one or more settings, all or none; every bad one is named, the unknown key itself being the field at
// fault. A larger matrix goes in before the appetite it makes possible and a smaller one after the appetite that
// fits it, so a new matrix and its appetite can change together in either order.
Result<SettingsView> change_settings(Store& store, const std::vector<std::pair<std::string, std::string>>& changes,
    std::optional<std::string> expected_tag, const Caller& caller);

// The audit trail, newest first, a page at a time (control 8.15).
struct AuditPage {
    std::vector<AuditEntry> entries;
    AuditHead head; // seq and hash of the newest entry
};
Result<AuditPage> audit_page(Store& store, int limit, std::int64_t before);

} // namespace c9
