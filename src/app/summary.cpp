#include "app/summary.h"

#include "core/action_item.h"
#include "core/activity.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"
#include "store/audit_log.h"

namespace c9 {

namespace {

template <class T>
Result<void> count_register(Tx& tx, const EntitySpec<T>& spec, Summary& summary)
{
    RegisterCount count{std::string(spec.name), std::string(spec.title), 0, -1};
    count.rows = C9_TRY(tx.count(table_of(spec), {}));
    if (spec.open_filter)
        count.open = C9_TRY(tx.count(table_of(spec), spec.open_filter()));
    summary.registers.push_back(std::move(count));
    return {};
}

Result<std::int64_t> count_table(Tx& tx, std::string_view table)
{
    TableDef def{table, table, {}};
    return tx.count(def, {});
}

} // namespace

Result<Summary> summarize(Tx& tx, Date today)
{
    Summary summary;
    C9_TRY(count_register(tx, person_spec(), summary));
    C9_TRY(count_register(tx, control_spec(), summary));
    C9_TRY(count_register(tx, activity_spec(), summary));
    C9_TRY(count_register(tx, incident_spec(), summary));
    C9_TRY(count_register(tx, vulnerability_spec(), summary));
    C9_TRY(count_register(tx, risk_spec(), summary));
    C9_TRY(count_register(tx, nonconformity_spec(), summary));
    C9_TRY(count_register(tx, kpi_spec(), summary));
    C9_TRY(count_register(tx, action_spec(), summary));
    C9_TRY(count_register(tx, lesson_spec(), summary));
    C9_TRY(count_register(tx, series_spec(), summary));
    C9_TRY(count_register(tx, meeting_spec(), summary));
    const auto& actions = table_of(action_spec());
    summary.open_actions = C9_TRY(tx.count(actions, action_spec().open_filter()));
    summary.overdue_actions = C9_TRY(tx.count(actions, action_spec().overdue_filter(today)));
    summary.completions = C9_TRY(count_table(tx, "activity_completions"));
    summary.measurements = C9_TRY(count_table(tx, "kpi_measurements"));
    summary.audit_entries = C9_TRY(audit_head(tx)).seq;
    return summary;
}

} // namespace c9
