// Entering measurements of manual KPIs.
#pragma once

#include "app/caller.h"
#include "core/kpi.h"
#include "store/store.h"

namespace c9 {

Result<Measurement> record_measurement(Tx& tx, Id kpi, std::string_view period, double value,
                                       std::optional<std::string> note, const Caller& caller);

} // namespace c9
