// `clause9 copy --from SOURCE --to TARGET`: the whole database to another one, SQLite or PostgreSQL either way.
#include "cli/commands.h"
#include "store/copy.h"
#include "store/db_url.h"

#include <filesystem>
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
    auto source_target = C9_TRY(parse_db_url(options.from));
    auto target = C9_TRY(parse_db_url(options.to));
    if (source_target.engine == Engine::sqlite && !std::filesystem::exists(source_target.path))
        return Error::not_found("no database at " + source_target.path + " to copy from");
    if (source_target.engine == target.engine && source_target.connect == target.connect)
        return Error::invalid("to", "is the database copied from; give another one");
    bool created_file = target.engine == Engine::sqlite && !std::filesystem::exists(target.path);

    auto source = C9_TRY(Store::open(options.from));
    auto destination = C9_TRY(Store::open(options.to));
    auto report = copy_database(*source, *destination, [&](const TableCopy& table) {
        if (!options.quiet && !json)
            std::cerr << fmt::format("clause9 copy: {:<22} {:>9} rows\n", table.table, table.rows);
    });
    if (!report) {
        // A file this command created and could not fill is removed rather than left empty.
        destination.reset();
        if (created_file) {
            std::error_code ignored;
            for (const char* suffix : {"", "-wal", "-shm"})
                std::filesystem::remove(target.path + suffix, ignored);
        }
        return std::move(report).error();
    }
    if (json) {
        Json tables = Json::object();
        for (const auto& table : report->tables)
            tables[table.table] = table.rows;
        print_json({{"from", source->description()}, {"to", destination->description()},
                    {"schema_version", report->schema_version}, {"rows", report->rows()}, {"tables", tables}});
        return {};
    }
    std::cout << fmt::format("copied {} rows in {} tables from the {} to the {} (schema version {})\n",
                             report->rows(), report->tables.size(), source->description(),
                             destination->description(), report->schema_version);
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
