// `clause9 copy --from SOURCE --to TARGET`: the whole database to another one, SQLite or PostgreSQL either way.
#include "app/setup.h"
#include "cli/commands.h"

#include <fmt/format.h>
#include <iostream>

namespace c9 {

namespace {

struct CopyOptions {
    std::string from;
    std::string to;
    bool quiet = false;
};

Result<void> run_copy(const CopyOptions& options, bool json)
{
    auto copied = C9_TRY(copy_database(options.from, options.to, [&](const TableCopy& table) {
        if (!options.quiet && !json)
            std::cerr << fmt::format("clause9 copy: {:<22} {:>9} rows\n", table.table, table.rows);
    }));
    const auto& report = copied.report;
    if (json) {
        Json tables = Json::object();
        for (const auto& table : report.tables)
            tables[table.table] = table.rows;
        print_json({{"from", copied.from}, {"to", copied.to}, {"schema_version", report.schema_version},
            {"rows", report.rows()}, {"tables", tables}});
        return {};
    }
    std::cout << fmt::format("copied {} rows in {} tables from the {} to the {} (schema version {})\n", report.rows(),
        report.tables.size(), copied.from, copied.to, report.schema_version);
    return {};
}

} // namespace

void add_copy_command(CLI::App& root, CliContext& context)
{
    auto options = std::make_shared<CopyOptions>();
    auto* command = root.add_subcommand(
        "copy", "Copy a whole database to another, between SQLite and PostgreSQL either way (docs/operations.md)");
    command->footer(
        "Every table is copied row for row: registers with their ids and versions, change history, meetings and\n"
        "sealed minutes, the audit trail (`audit verify` passes on the copy), users, sessions and API tokens.\n"
        "TARGET must be empty: a new SQLite file, or a PostgreSQL database without tables (createdb). The source\n"
        "is read in one snapshot and the target written in one transaction, so a failed copy leaves nothing.\n"
        "Stop the servers that write to the source first, or their later writes are not in the copy.\n\n"
        "Examples:\n"
        "  clause9 copy --from clause9.db --to postgresql://clause9@db.internal/clause9\n"
        "  clause9 copy --from postgresql://clause9@db.internal/clause9 --to backup-2026-11-28.db");
    command->add_option("--from", options->from, "the database to copy: a SQLite file or a postgresql:// URL")
        ->required();
    command->add_option("--to", options->to, "the empty database to copy into: a SQLite file or a postgresql:// URL")
        ->required();
    command->add_flag("--quiet", options->quiet, "do not list the tables on stderr as they are copied");
    on_run(command, context, [&context, options]() { return run_copy(*options, context.json); });
}

} // namespace c9
