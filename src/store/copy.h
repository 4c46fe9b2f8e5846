// Copying a whole database to another, of either engine: every table of the schema, row for row, with ids,
// versions, the change history, the audit trail, accounts and tokens as they are. The copy is what a move from
// SQLite to PostgreSQL (or back, or to a new server) needs; `clause9 audit verify` passes on it because the audit
// entries and their hashes are copied, not rewritten.
#pragma once

#include "store/store.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace c9 {

struct TableCopy {
    std::string table;
    std::int64_t rows = 0;
};

struct CopyReport {
    int schema_version = 0;
    std::vector<TableCopy> tables;
    std::int64_t rows() const;
};

// Copies `from` into `to`, which must hold no Clause9 schema yet (an empty file or database); `from` must be at the
// schema version of this clause9. Reads one consistent snapshot of `from` and writes `to` in one transaction, so a
// failure leaves `to` as it was. Afterwards the row counts of every table are compared on both sides.
// `progress` is called after each table.
Result<CopyReport> copy_database(Store& from, Store& to,
                                 const std::function<void(const TableCopy&)>& progress = {});

// The tables of the schema in the order the migrations create them, each moved after the tables it refers to, so
// that every foreign key points to a table that comes earlier, except the late references below.
std::vector<std::string> schema_tables();

// A column that refers to a table copied after its own (meetings.current_item to agenda_items, whose rows refer to
// meetings): copied empty, and set once every table is in.
struct LateReference {
    std::string table;
    std::string column;
};
std::vector<LateReference> late_references();

// Every row of a table, columns by name order, rows sorted: two databases hold the same data when these are equal
// for every table of schema_tables(). For checking copies; it reads the whole table into memory.
Result<std::vector<std::vector<Value>>> table_contents(Store& store, const std::string& table);

} // namespace c9
