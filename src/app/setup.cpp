#include "app/setup.h"

#include "core/catalog.h"
#include "store/lookups.h"
#include "store/typed.h"

namespace c9 {

Result<InitReport> initialize(Store& store, const Caller& caller)
{
    InitReport report;
    auto before = C9_TRY(store.schema_version());
    report.schema_version = C9_TRY(store.migrate());
    report.migrations_run = report.schema_version - before;

    auto catalog = C9_TRY(parse_catalog(annex_a_csv()));
    report.controls_total = static_cast<int>(catalog.size());
    report.controls_added = C9_TRY(store.write([&](Tx& tx) -> Result<int> {
        const auto& spec = control_spec();
        auto stamp = caller.stamp();
        BulkInserter inserter(tx, table_of(spec), stamp);
        int added = 0;
        for (const auto& control : catalog) {
            if (C9_TRY(control_by_code(tx, control.code)))
                continue;
            C9_TRY(inserter.insert(values_of(spec, control)));
            ++added;
        }
        if (added > 0)
            C9_TRY(tx.audit({.at = stamp.at,
                             .actor = stamp.actor,
                             .action = "catalog",
                             .entity = "control",
                             .summary = fmt::format("loaded {} ISO/IEC 27001:2022 Annex A controls", added)}));
        return added;
    }));
    return report;
}

} // namespace c9
