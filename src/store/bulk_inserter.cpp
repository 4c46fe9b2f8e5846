#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

struct BulkInserter::State {
    const TableDef& table;
    Binder binder;
    std::vector<Binder::Slot*> slots;
    Binder::Slot* stamp_slots[4] = {};
    Binder::Slot* id = nullptr;
    soci::statement statement;

    State(Tx& tx, const TableDef& def) : table(def), statement(tx.impl().sql) {}
};

BulkInserter::BulkInserter(Tx& tx, const TableDef& table, const Stamp& stamp)
    : m_state(std::make_unique<State>(tx, table))
{
    std::string columns = "version, created_at, created_by, updated_at, updated_by";
    std::string placeholders = ":v, :ca, :cb, :ua, :ub";
    for (size_t index = 0; index < table.columns.size(); ++index) {
        columns += fmt::format(", {}", table.columns[index].name);
        placeholders += fmt::format(", :c{}", index);
    }
    auto& state = *m_state;
    state.statement.alloc();
    state.statement.prepare(
        fmt::format("INSERT INTO {} ({}) VALUES ({}) RETURNING id", table.name, columns, placeholders));
    state.id = &state.binder.into(state.statement, Storage::integer);
    std::string at = format_timestamp(stamp.at);
    state.binder.use(state.statement, Value{std::int64_t{1}});
    state.stamp_slots[0] = &state.binder.use(state.statement, Value{at});
    state.stamp_slots[1] = &state.binder.use(state.statement, Value{stamp.actor});
    state.stamp_slots[2] = &state.binder.use(state.statement, Value{at});
    state.stamp_slots[3] = &state.binder.use(state.statement, Value{stamp.actor});
    for (const auto& column : table.columns)
        state.slots.push_back(&state.binder.use(state.statement, column.storage));
    state.statement.define_and_bind();
}

BulkInserter::~BulkInserter() = default;

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
        return Error::internal(fmt::format("store: {} values for {} columns of {}", values.size(),
                                           state.table.columns.size(), state.table.name));
    try {
        for (size_t index = 0; index < values.size(); ++index)
            Binder::set(*state.slots[index], values[index]);
        state.statement.execute(true);
        return Id{state.id->integer};
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("insert into {}", state.table.name));
    }
}

} // namespace c9
