// The only place with SQL. One Store over SOCI serves SQLite and PostgreSQL; every write runs in one transaction
// together with its history rows and its audit trail entry, so either all of it is stored or none of it.
#pragma once

#include "core/audit.h"
#include "core/entity.h"
#include "core/query.h"
#include "core/result.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace c9 {

enum class Engine { sqlite, postgresql };

struct Column {
    std::string_view name;
    Storage storage;
};

// A register's table as the store sees it: the metadata columns of Row, then one column per field.
struct TableDef {
    std::string_view name;
    std::string_view entity;
    std::vector<Column> columns;

    int index_of(std::string_view column) const;
};

template <class T>
const TableDef& table_of(const EntitySpec<T>& spec)
{
    static const TableDef def = [&] {
        TableDef table{spec.table, spec.name, {}};
        for (const auto& field_spec : spec.fields)
            table.columns.push_back({field_spec.name, storage_of(field_spec.kind)});
        return table;
    }();
    return def;
}

struct Record {
    Row meta;
    std::vector<Value> values;
};

struct Page {
    std::vector<Record> rows;
    std::int64_t total = 0;
};

// Who writes and when.
struct Stamp {
    Timestamp at{};
    std::string actor;
};

struct ColumnChange {
    int column = 0;
    Value before;
    Value after;
};

struct HistoryEntry {
    Timestamp at{};
    std::string actor;
    std::int64_t version = 0;
    std::string field;
    std::string old_value;
    std::string new_value;
};

class Tx {
public:
    struct Impl;
    explicit Tx(Impl& impl) : m_impl(impl) {}
    Impl& impl() { return m_impl; }
    Engine engine() const;

    Result<Record> get(const TableDef& table, Id id);
    Result<Page> list(const TableDef& table, const ListQuery& query);
    Result<std::int64_t> count(const TableDef& table, const std::vector<Filter>& filters);
    // Rows per value of a column (text columns), for the rows matching the filters.
    Result<std::map<std::string, std::int64_t>> count_by(const TableDef& table, std::string_view column,
                                                         const std::vector<Filter>& filters);
    Result<bool> exists(std::string_view table, Id id);

    // Inserts a row with version 1.
    Result<Id> insert(const TableDef& table, const std::vector<Value>& values, const Stamp& stamp);
    // Updates the changed columns if the row still has expected_version, bumps the version and writes one history
    // row per change. A stale version is a conflict and writes nothing. Returns the new version.
    Result<std::int64_t> update(const TableDef& table, Id id, std::int64_t expected_version,
                                const std::vector<ColumnChange>& changes, const Stamp& stamp);
    Result<std::vector<HistoryEntry>> history(std::string_view entity, Id id);
    // Deletes a row that is not evidence of anything yet (a generated agenda item that is no longer relevant).
    Result<void> erase(const TableDef& table, Id id);

    // Appends to the hash-chained audit trail; fills in seq, prev_hash and hash.
    Result<AuditEntry> audit(AuditEntry entry);

private:
    Impl& m_impl;
};

// Many inserts into one table with one prepared statement, for imports and the demo.
class BulkInserter {
public:
    BulkInserter(Tx& tx, const TableDef& table, const Stamp& stamp);
    ~BulkInserter();
    Result<Id> insert(const std::vector<Value>& values);
    // Inserts with its own created/updated stamp (imports and the demo keep each row's original time).
    Result<Id> insert(const std::vector<Value>& values, const Stamp& stamp);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Creates the whole schema inside an open write transaction (of a database without one), so that it commits or
// rolls back together with what the transaction writes next; copy_database uses it.
Result<void> migrate_in(Tx& tx);

class Store {
public:
    // PATH (SQLite file), sqlite:PATH, or postgresql://user:password@host:port/dbname.
    static Result<std::unique_ptr<Store>> open(std::string_view url, int pool_size = 1);
    ~Store();

    Engine engine() const;
    const std::string& description() const;

    // Runs the migrations that have not run yet, each in its own transaction. Returns the schema version.
    Result<int> migrate();
    // Refreshes the planner's statistics (ANALYZE); run after bulk loads such as the demo or an import.
    Result<void> analyze();
    Result<int> schema_version();
    static int latest_schema_version();

    // Runs body in a write transaction (SQLite: BEGIN IMMEDIATE); commits when it succeeds, rolls back otherwise.
    template <class F>
    auto write(F&& body) -> decltype(body(std::declval<Tx&>()))
    {
        return transact(true, std::forward<F>(body));
    }
    // Runs body in a read transaction: one consistent snapshot.
    template <class F>
    auto read(F&& body) -> decltype(body(std::declval<Tx&>()))
    {
        return transact(false, std::forward<F>(body));
    }

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);

    template <class F>
    auto transact(bool write, F&& body) -> decltype(body(std::declval<Tx&>()))
    {
        using R = decltype(body(std::declval<Tx&>()));
        std::optional<R> result;
        auto status = run(write, [&](Tx& tx) -> Result<void> {
            result.emplace(body(tx));
            if (!result->has_value())
                return Error(result->error());
            return {};
        });
        if (!status) {
            if (result && !result->has_value())
                return std::move(*result);
            return std::move(status).error();
        }
        return std::move(*result);
    }

    Result<void> run(bool write, const std::function<Result<void>(Tx&)>& body);

    std::unique_ptr<Impl> m_impl;
};

} // namespace c9
