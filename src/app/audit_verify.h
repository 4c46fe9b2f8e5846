// Checking the audit trail (DESIGN.md section 8; ISO/IEC 27001:2022 control 8.15 and 7.5.3 c): recompute every
// entry's hash, check that each links to the one before, that the head row names the last entry, and that every
// approved meeting's recorded head is still in the chain.
#pragma once

#include "store/store.h"

#include <optional>
#include <string>

namespace c9 {

struct AuditBreak {
    std::int64_t seq = 0; // the first entry that does not check out (for the head row: the seq it names)
    std::string problem;
};

struct AuditVerification {
    std::int64_t entries = 0;
    std::string head_hash;
    std::optional<AuditBreak> broken; // empty: the chain is intact
};

Result<AuditVerification> verify_audit_chain(Store& store);

} // namespace c9
