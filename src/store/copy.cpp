#include "store/copy.h"

#include "core/text.h"
#include "store/migrations.h"
#include "store/tx_impl.h"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <regex>
#include <set>

namespace c9 {

std::int64_t CopyReport::rows() const
{
    std::int64_t total = 0;
    for (const auto& table : tables)
        total += table.rows;
    return total;
}

namespace {

struct SchemaPlan {
    std::vector<std::string> tables;
    std::vector<LateReference> late;
};

SchemaPlan schema_plan()
{
    // Migrate() keeps its own bookkeeping table; copying it keeps the record of when each migration ran.
    std::vector<std::string> created {"schema_migrations"};
    // Which tables each table refers to: in its CREATE TABLE (`hard`), or in a column a later migration added
    // (`added`: incidents.asset to the newer assets). A table is copied after the tables it refers to, or its
    // foreign keys would fail. An added reference back to a table that needs this one (meetings.current_item to
    // agenda_items) cannot be honoured by the order: that column is late (copy_database fills it in last).
    std::map<std::string, std::set<std::string>> hard;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> added; // table -> column, target
    static const std::regex create_table(R"(CREATE TABLE (\w+))");
    static const std::regex add_column(R"(ALTER TABLE (\w+) ADD COLUMN (\w+)[^;]*REFERENCES (\w+))");
    static const std::regex references(R"(REFERENCES (\w+))");
    for (const auto& migration : migrations()) {
        for (const auto& statement : migration_statements(migration, Engine::sqlite)) {
            std::smatch match;
            if (std::regex_search(statement, match, create_table)) {
                std::string table = match[1];
                created.push_back(table);
                for (std::sregex_iterator found(statement.begin(), statement.end(), references), end; found != end;
                     ++found)
                    if ((*found)[1] != table)
                        hard[table].insert((*found)[1]);
            } else if (std::regex_search(statement, match, add_column) && match[1] != match[3])
                added[match[1]].emplace_back(match[2], match[3]);
        }
    }
    std::function<bool(const std::string&, const std::string&)> needs
        = [&](const std::string& from, const std::string& to) {
              for (const auto& target : hard[from])
                  if (target == to || needs(target, to))
                      return true;
              return false;
          };
    // The order of creation, each table moved after the tables it refers to (depth first).
    SchemaPlan plan;
    std::set<std::string> placed;
    std::function<void(const std::string&)> place = [&](const std::string& table) {
        if (!placed.insert(table).second)
            return;
        for (const auto& target : hard[table])
            place(target);
        for (const auto& [column, target] : added[table]) {
            if (needs(target, table))
                plan.late.push_back({table, column});
            else
                place(target);
        }
        plan.tables.push_back(table);
    };
    for (const auto& table : created)
        place(table);
    return plan;
}

} // namespace

std::vector<std::string> schema_tables() { return schema_plan().tables; }

std::vector<LateReference> late_references() { return schema_plan().late; }

namespace {

struct TableColumn {
    std::string name;
    Storage storage = Storage::text;
};

Storage storage_of_type(std::string_view declared)
{
    std::string type = lower(declared);
    if (type.find("int") != std::string::npos)
        return Storage::integer;
    if (type.find("real") != std::string::npos || type.find("double") != std::string::npos)
        return Storage::real;
    return Storage::text;
}

std::vector<TableColumn> columns_of(Tx& tx, const std::string& table)
{
    auto rows = tx.engine() == Engine::sqlite
        ? select_rows(tx.impl(), "SELECT name, type FROM pragma_table_info(:t) ORDER BY cid",
            {Storage::text, Storage::text}, {Value {table}})
        : select_rows(tx.impl(),
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position",
            {Storage::text, Storage::text}, {Value {table}});
    std::vector<TableColumn> columns;
    for (const auto& row : rows)
        columns.push_back({to_text(row[0]), storage_of_type(to_text(row[1]))});
    return columns;
}

std::string column_list(const std::vector<TableColumn>& columns)
{
    std::string list;
    for (const auto& column : columns)
        list += (list.empty() ? "" : ", ") + column.name;
    return list;
}

std::int64_t count_rows(Tx& tx, const std::string& table)
{
    auto rows = select_rows(tx.impl(), fmt::format("SELECT COUNT(*) FROM {}", table), {Storage::integer});
    return std::get<std::int64_t>(rows.at(0).at(0));
}

// Streams one table from the source into the destination through one prepared insert.
// `late`: columns written empty here and filled in by fill_late() once every table is in.
Result<std::int64_t> copy_table(Tx& from, Tx& to, const std::string& table, const std::set<std::string>& late)
{
    auto columns = columns_of(to, table);
    auto source_columns = columns_of(from, table);
    auto names = [](std::vector<TableColumn> list) {
        std::vector<std::string> out;
        for (auto& column : list)
            out.push_back(std::move(column.name));
        std::sort(out.begin(), out.end());
        return out;
    };
    if (columns.empty() || names(columns) != names(source_columns))
        return Error::conflict(fmt::format("the table {} differs between the two databases; both must be at the "
                                           "same schema version",
            table));

    // Rows the migrations put in (the audit chain's genesis head) are replaced by the source's.
    execute(to.impl(), fmt::format("DELETE FROM {}", table));

    auto list = column_list(columns);
    std::string placeholders;
    for (size_t index = 0; index < columns.size(); ++index)
        placeholders += fmt::format("{}:c{}", index ? ", " : "", index);

    Binder reader, writer;
    soci::statement select(from.impl().sql);
    select.alloc();
    select.prepare(fmt::format("SELECT {} FROM {}", list, table), soci::details::st_one_time_query);
    std::vector<Binder::Slot*> in, out;
    for (const auto& column : columns)
        in.push_back(&reader.into(select, column.storage));
    select.define_and_bind();

    soci::statement insert(to.impl().sql);
    insert.alloc();
    insert.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", table, list, placeholders));
    for (const auto& column : columns)
        out.push_back(&writer.use(insert, column.storage));
    insert.define_and_bind();

    std::int64_t copied = 0;
    select.execute(false);
    while (select.fetch()) {
        for (size_t index = 0; index < columns.size(); ++index)
            Binder::set(*out[index], late.contains(columns[index].name) ? Value {} : Binder::value_of(*in[index]));
        insert.execute(true);
        ++copied;
    }
    return copied;
}

// Sets a late column (see schema_plan) to its value in the source, now that the rows it refers to are there.
void fill_late(Tx& from, Tx& to, const LateReference& late)
{
    auto rows = select_rows(from.impl(),
        fmt::format("SELECT id, {} FROM {} WHERE {} IS NOT NULL", late.column, late.table, late.column),
        {Storage::integer, Storage::integer});
    for (const auto& row : rows)
        execute(
            to.impl(), fmt::format("UPDATE {} SET {} = :v WHERE id = :i", late.table, late.column), {row[1], row[0]});
}

// PostgreSQL hands out ids from a sequence per table; after rows came in with their ids, the sequences continue
// after the largest.
void advance_identities(Tx& to)
{
    if (to.engine() != Engine::postgresql)
        return;
    auto tables = select_rows(to.impl(),
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND column_name = 'id' AND is_identity = 'YES'",
        {Storage::text});
    for (const auto& row : tables) {
        auto table = to_text(row[0]);
        execute(to.impl(),
            fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE(MAX(id), 0) + 1, false) "
                        "FROM {0}",
                table));
    }
}

} // namespace

Result<std::vector<std::vector<Value>>> table_contents(Store& store, const std::string& table)
{
    return store.read([&](Tx& tx) -> Result<std::vector<std::vector<Value>>> {
        auto doing = [&] { return fmt::format("read {}", table); };
        return guarded(doing, [&]() -> Result<std::vector<std::vector<Value>>> {
            auto columns = columns_of(tx, table);
            if (columns.empty())
                return Error::not_found(fmt::format("no table {} in the {}", table, store.description()));
            std::sort(columns.begin(), columns.end(),
                [](const TableColumn& left, const TableColumn& right) { return left.name < right.name; });
            std::vector<Storage> storages;
            for (const auto& column : columns)
                storages.push_back(column.storage);
            auto rows = select_rows(tx.impl(), fmt::format("SELECT {} FROM {}", column_list(columns), table), storages);
            std::sort(rows.begin(), rows.end());
            return rows;
        });
    });
}

Result<CopyReport> copy_database(Store& from, Store& to, const std::function<void(const TableCopy&)>& progress)
{
    auto source_version = C9_TRY(from.schema_version());
    if (source_version == 0)
        return Error::not_found(fmt::format("the {} holds no Clause9 database", from.description()));
    if (source_version != Store::latest_schema_version())
        return Error::conflict(fmt::format(
            "the {} has schema version {} and this clause9 copies version {}; run this clause9's `init` on it "
            "first{}",
            from.description(), source_version, Store::latest_schema_version(),
            source_version > Store::latest_schema_version() ? " (or use the newer clause9 that wrote it)" : ""));
    if (C9_TRY(to.schema_version()) != 0)
        return Error::conflict(
            fmt::format("the {} already holds a Clause9 database; copy needs an empty one", to.description()));

    CopyReport report;
    report.schema_version = source_version;
    C9_TRY(from.read([&](Tx& source) -> Result<void> {
        return to.write([&](Tx& target) -> Result<void> {
            C9_TRY(migrate_in(target));
            return guarded("copy the database", [&]() -> Result<void> {
                auto plan = schema_plan();
                for (const auto& table : plan.tables) {
                    std::set<std::string> late;
                    for (const auto& reference : plan.late)
                        if (reference.table == table)
                            late.insert(reference.column);
                    TableCopy copied {table, C9_TRY(copy_table(source, target, table, late))};
                    auto there = count_rows(target, table);
                    if (there != copied.rows || count_rows(source, table) != copied.rows)
                        return Error::internal(
                            fmt::format("copy of {}: {} rows read, {} written", table, copied.rows, there));
                    report.tables.push_back(copied);
                    if (progress)
                        progress(copied);
                }
                for (const auto& reference : plan.late)
                    fill_late(source, target, reference);
                advance_identities(target);
                return {};
            });
        });
    }));
    C9_TRY(to.analyze());
    return report;
}

} // namespace c9
