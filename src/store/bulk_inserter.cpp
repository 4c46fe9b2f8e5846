#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

struct BulkInserter::State {
    const TableDef& table;
    std::unique_ptr<Prepared> owned;
    Prepared* prepared = nullptr;
    StatementCache* cache = nullptr; // where prepared came from, when not owned
    // In prepared->params: version, created at and by, updated at and by, then the table's columns.
    Binder::Slot* stamp_slots[4] = {};
    std::vector<Binder::Slot*> slots;
    Binder::Slot* id = nullptr;

    explicit State(const TableDef& def) : table(def) { }
};

namespace {

std::unique_ptr<Prepared> prepare_insert(
    soci::session& sql, const TableDef& table, const std::string& query, soci::details::statement_type type)
{
    auto prepared = std::make_unique<Prepared>(sql);
    auto& statement = prepared->statement;
    statement.alloc();
    statement.prepare(query, type);
    prepared->columns.push_back(&prepared->binder.into(statement, Storage::integer));
    prepared->params.push_back(&prepared->binder.use(statement, Value {std::int64_t {1}}));
    for (int stamp = 0; stamp < 4; ++stamp)
        prepared->params.push_back(&prepared->binder.use(statement, Storage::text));
    for (const auto& column : table.columns)
        prepared->params.push_back(&prepared->binder.use(statement, column.storage));
    statement.define_and_bind();
    return prepared;
}

} // namespace

BulkInserter::BulkInserter(Tx& tx, const TableDef& table, const Stamp& stamp) : m_state(std::make_unique<State>(table))
{
    std::string columns = "version, created_at, created_by, updated_at, updated_by";
    std::string placeholders = ":v, :ca, :cb, :ua, :ub";
    for (size_t index = 0; index < table.columns.size(); ++index) {
        columns += fmt::format(", {}", table.columns[index].name);
        placeholders += fmt::format(", :c{}", index);
    }
    auto query = fmt::format("INSERT INTO {} ({}) VALUES ({}) RETURNING id", table.name, columns, placeholders);
    auto& state = *m_state;
    // The connection keeps the statement, so a single-row insert (every create through the API) is one round trip
    // on PostgreSQL rather than prepare, execute and deallocate, and skips the parse on SQLite.
    auto make = [&] { return prepare_insert(tx.impl().sql, table, query, soci::details::st_repeatable_query); };
    if (auto* cache = tx.impl().cache) {
        state.prepared = cache->take(query + "\x1finsert", make);
        if (state.prepared)
            state.cache = cache;
    }
    if (!state.prepared) {
        state.owned = make();
        state.prepared = state.owned.get();
    }
    state.id = state.prepared->columns[0];
    for (int index = 0; index < 4; ++index)
        state.stamp_slots[index] = state.prepared->params[1 + index];
    state.slots.assign(state.prepared->params.begin() + 5, state.prepared->params.end());
    std::string at = format_timestamp(stamp.at);
    Binder::set(*state.stamp_slots[0], at);
    Binder::set(*state.stamp_slots[1], stamp.actor);
    Binder::set(*state.stamp_slots[2], at);
    Binder::set(*state.stamp_slots[3], stamp.actor);
}

BulkInserter::~BulkInserter()
{
    if (m_state && m_state->cache)
        m_state->cache->give_back(*m_state->prepared);
}

Result<Id> BulkInserter::insert(const std::vector<Value>& values, const Stamp& stamp)
{
    auto& state = *m_state;
    std::string at = format_timestamp(stamp.at);
    Binder::set(*state.stamp_slots[0], at);
    Binder::set(*state.stamp_slots[1], stamp.actor);
    Binder::set(*state.stamp_slots[2], at);
    Binder::set(*state.stamp_slots[3], stamp.actor);
    return insert(values);
}

Result<Id> BulkInserter::insert(const std::vector<Value>& values)
{
    auto& state = *m_state;
    if (values.size() != state.table.columns.size())
        return Error::internal(fmt::format(
            "store: {} values for {} columns of {}", values.size(), state.table.columns.size(), state.table.name));
    auto doing = [&] { return fmt::format("insert into {}", state.table.name); };
    return guarded(doing, [&]() -> Result<Id> {
        for (size_t index = 0; index < values.size(); ++index)
            Binder::set(*state.slots[index], values[index]);
        state.prepared->statement.execute(true);
        return Id {state.id->integer};
    });
}

} // namespace c9
