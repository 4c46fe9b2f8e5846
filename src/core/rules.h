// What the rules need to know beyond the row itself: the organisation's risk criteria and SLAs, and the time.
#pragma once

#include "core/risk_matrix.h"
#include "core/severity.h"
#include "core/time.h"

namespace c9 {

struct Rules {
    RiskMatrix matrix;
    SlaPolicy sla;
    Timestamp now{};

    Date today() const { return to_date(now); }
};

} // namespace c9
