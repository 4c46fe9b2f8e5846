// Reading the audit trail back, entry by entry in chain order.
#pragma once

#include "core/audit.h"
#include "store/store.h"

#include <functional>

namespace c9 {

// Calls visit for every entry from after_seq on, in order; visit returns false to stop early.
Result<void> for_each_audit_entry(Tx& tx, std::int64_t after_seq, const std::function<bool(const AuditEntry&)>& visit);

struct AuditHead {
    std::int64_t seq = 0;
    std::string hash;
};
Result<AuditHead> audit_head(Tx& tx);

// The audit head's sequence number as the version of everything the registers hold: every committed change appends
// to the trail in its own transaction, so an unchanged number means unchanged data (api/page_cache.h relies on it).
// Read it before the data it versions, in the same transaction.
Result<std::int64_t> data_version(Tx& tx);

Result<std::vector<AuditEntry>> recent_audit_entries(Tx& tx, int limit, std::int64_t before_seq = 0);

} // namespace c9
