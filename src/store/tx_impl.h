// Private to the store: the SOCI session behind a transaction, and helpers to bind Values dynamically.
#pragma once

#include "store/store.h"

#include <deque>
#include <soci/soci.h>

namespace c9 {

struct Tx::Impl {
    soci::session& sql;
    Engine engine;
};

// Owns the storage that SOCI's use() and into() bindings point to; slots never move once created.
class Binder {
public:
    struct Slot {
        Storage storage = Storage::text;
        long long integer = 0;
        double real = 0;
        std::string text;
        soci::indicator indicator = soci::i_ok;
    };

    // Binds a value; the slot takes the value's storage type.
    Slot& use(soci::statement& statement, const Value& value);
    // Binds a slot of a fixed storage type, to be filled with set() before each execution.
    Slot& use(soci::statement& statement, Storage storage);
    Slot& into(soci::statement& statement, Storage storage);
    static Value value_of(const Slot& slot);
    // Stores a value into a slot of fixed storage type (null sets the indicator; numbers convert).
    static void set(Slot& slot, const Value& value);

private:
    std::deque<Slot> m_slots;
};

// Maps a database exception to an Error that names the layer: "store: unable to update risk: ...".
Error store_error(const std::exception& exception, std::string_view doing);

// Runs a statement with no result; returns affected rows.
long long execute(soci::session& sql, const std::string& query, const std::vector<Value>& params = {});

// Runs a query whose columns have the given storage types and returns every row.
std::vector<std::vector<Value>> select_rows(soci::session& sql, const std::string& query,
    const std::vector<Storage>& columns, const std::vector<Value>& params = {});

std::string metadata_columns();

} // namespace c9
