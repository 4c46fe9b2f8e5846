#include "app/kpis.h"

#include "store/measurements.h"
#include "store/typed.h"

#include <cmath>

namespace c9 {

Result<Measurement> record_measurement(Tx& tx, Id id, std::string_view period_text, double value,
                                       std::optional<std::string> note, const Caller& caller)
{
    auto kpi = C9_TRY(get_row(tx, kpi_spec(), id));
    if (kpi.formula)
        return Error::invalid("kpi", fmt::format("{} is computed by the formula {}; it takes no manual measurements",
                                                 display_id("KPI", id), to_string(*kpi.formula)));
    auto period = parse_period(period_text, kpi.frequency);
    if (!period)
        return Error::invalid("period", fmt::format("must be a month like 2026-10 or a date, not \"{}\"", period_text));
    if (*period > to_date(caller.now))
        return Error::invalid("period", "cannot be in the future");
    if (!std::isfinite(value))
        return Error::invalid("value", "must be a number");
    Measurement measurement{0, id, *period, value, std::move(note), caller.now, caller.actor};
    C9_TRY(upsert_measurement(tx, measurement));
    C9_TRY(tx.audit({.at = caller.now,
                     .actor = caller.actor,
                     .action = "measure",
                     .entity = "kpi",
                     .entity_id = id,
                     .summary = fmt::format("measured {} for {}: {}", display_id("KPI", id), format_date(*period),
                                            value)}));
    return measurement;
}

} // namespace c9
