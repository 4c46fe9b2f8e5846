// Private to the store: the SOCI session behind a transaction, and helpers to bind Values dynamically.
#pragma once

#include "store/store.h"

#include <deque>
#include <functional>
#include <list>
#include <memory>
#include <soci/soci.h>
#include <type_traits>
#include <unordered_map>

namespace c9 {

class StatementCache;

struct Tx::Impl {
    soci::session& sql;
    Engine engine;
    // The connection's prepared statements; null runs every query as a one-time statement.
    StatementCache* cache = nullptr;
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

// A statement with the slots its results and parameters are bound to, ready to run with new parameter values.
struct Prepared {
    explicit Prepared(soci::session& sql) : statement(sql) { }
    soci::statement statement;
    Binder binder;
    std::vector<Binder::Slot*> columns;
    std::vector<Binder::Slot*> params;
    bool busy = false; // a Query is running it
};

// The statements one connection keeps prepared, by query text and binding types; the least recently used goes when
// it is full. Running a prepared statement again spares the engine its parse: on PostgreSQL also a round trip and,
// once the generic plan proves as good as the custom ones, its planning (about half the server's time on the small
// indexed queries the agenda and the lists make); on SQLite the parse is most of a small read's time (keeping the
// statements took an authenticated list answered from the page cache from 32,000 to 45,000 requests a second on
// two cores). An SQLite statement stopped at a row holds its read (or its write) open, so give_back() resets it.
class StatementCache {
public:
    explicit StatementCache(Engine engine, size_t capacity = 256) : m_engine(engine), m_capacity(capacity) { }
    // The statement kept for `key`, prepared by make() the first time and marked busy; null while it is busy already
    // (the same statement inside its own run), and the caller then prepares one of its own.
    Prepared* take(const std::string& key, const std::function<std::unique_ptr<Prepared>()>& make);
    // Ends a run of a statement take() gave: resets it on SQLite and clears busy.
    void give_back(Prepared& prepared);
    // Forgets every statement (the server's copies are deallocated): after a failed transaction, before a reconnect.
    void clear();

private:
    using Entry = std::pair<std::string, std::unique_ptr<Prepared>>;
    Engine m_engine;
    size_t m_capacity;
    std::list<Entry> m_order; // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
};

// One run of a query with its parameters bound: taken from the connection's cache when there is one, else prepared
// for this run alone. Execute, then read the columns of each fetched row.
class Query {
public:
    Query(Tx::Impl& tx, const std::string& sql, const std::vector<Storage>& columns,
        const std::vector<Value>& params = {});
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    // Runs the statement; with fetch_first, the first row is read and the result says whether there was one.
    bool execute(bool fetch_first) { return m_prepared->statement.execute(fetch_first); }
    bool fetch() { return m_prepared->statement.fetch(); }
    // Runs the statement and calls row() with this query after each row is fetched.
    template <class F> void each(F&& row)
    {
        if (execute(true))
            do
                row(*this);
            while (fetch());
    }
    const Binder::Slot& column(size_t index) const { return *m_prepared->columns.at(index); }
    size_t column_count() const { return m_prepared->columns.size(); }
    long long affected_rows() { return m_prepared->statement.get_affected_rows(); }

private:
    std::unique_ptr<Prepared> m_owned;
    Prepared* m_prepared = nullptr;
    StatementCache* m_cache = nullptr; // the cache m_prepared came from, when not owned
};

// Maps a database exception to an Error that names the layer: "store: unable to update risk: ...".
Error store_error(const std::exception& exception, std::string_view doing);

// Runs body, which returns a Result, and turns an exception that SOCI or the engine throws on the way into the Error
// store_error() makes of it; failures the body returns pass through as they are. `doing` is the text of the message
// or a function that makes it, so that a message with the row's name in it is only formatted when it is needed.
template <class Doing, class Body> auto guarded(const Doing& doing, Body&& body) -> decltype(body())
{
    try {
        return body();
    } catch (const std::exception& exception) {
        if constexpr (std::is_invocable_v<const Doing&>)
            return store_error(exception, doing());
        else
            return store_error(exception, doing);
    }
}

// Runs a statement with no result; returns affected rows.
long long execute(Tx::Impl& tx, const std::string& query, const std::vector<Value>& params = {});

// Runs a query whose columns have the given storage types and returns every row.
std::vector<std::vector<Value>> select_rows(
    Tx::Impl& tx, const std::string& query, const std::vector<Storage>& columns, const std::vector<Value>& params = {});

std::string metadata_columns();

} // namespace c9
