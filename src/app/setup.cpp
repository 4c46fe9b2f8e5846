#include "app/setup.h"

#include "core/catalog.h"
#include "store/audit_log.h"
#include "store/db_url.h"
#include "store/lookups.h"
#include "store/typed.h"

#include <filesystem>

namespace c9 {

Result<std::unique_ptr<Store>> open_store(std::string_view url, OpenMode mode, int pool_size)
{
    auto target = C9_TRY(parse_db_url(url));
    if (target.engine == Engine::sqlite && mode == OpenMode::existing && !std::filesystem::exists(target.path))
        return Error::not_found("no database at " + target.path + "; run `clause9 init` first, or give --db");
    auto store = C9_TRY(Store::open(url, pool_size));
    if (mode == OpenMode::create)
        return store;
    auto version = C9_TRY(store->schema_version());
    if (version == 0)
        return Error::not_found("the " + store->description() + " is not initialised; run `clause9 init` first");
    if (version < Store::latest_schema_version())
        return Error::conflict(
            "the " + store->description() + " needs migrating to the schema of this clause9; run `clause9 init`");
    if (version > Store::latest_schema_version())
        return Error::conflict("the " + store->description() + " was written by a newer clause9; upgrade clause9");
    return store;
}

Result<void> check_database(Store& store)
{
    C9_TRY(store.read([](Tx& tx) { return audit_head(tx); }));
    return {};
}

Result<CopyOutcome> copy_database(
    std::string_view from, std::string_view to, const std::function<void(const TableCopy&)>& progress)
{
    auto source_target = C9_TRY(parse_db_url(from));
    auto target = C9_TRY(parse_db_url(to));
    if (source_target.engine == Engine::sqlite && !std::filesystem::exists(source_target.path))
        return Error::not_found("no database at " + source_target.path + " to copy from");
    if (source_target.engine == target.engine && source_target.connect == target.connect)
        return Error::invalid("to", "is the database copied from; give another one");
    bool created_file = target.engine == Engine::sqlite && !std::filesystem::exists(target.path);

    auto source = C9_TRY(Store::open(from));
    auto destination = C9_TRY(Store::open(to));
    auto report = copy_database(*source, *destination, progress);
    if (!report) {
        destination.reset();
        if (created_file) {
            std::error_code ignored;
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(target.path + suffix, ignored);
        }
        return std::move(report).error();
    }
    return CopyOutcome{std::move(*report), source->description(), destination->description()};
}

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
