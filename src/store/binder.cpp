#include "store/tx_impl.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace c9 {

namespace {

Storage storage_of_value(const Value& value)
{
    if (std::holds_alternative<std::int64_t>(value))
        return Storage::integer;
    if (std::holds_alternative<double>(value))
        return Storage::real;
    return Storage::text;
}

void bind_use(soci::statement& statement, Binder::Slot& slot)
{
    switch (slot.storage) {
    case Storage::integer:
        statement.exchange(soci::use(slot.integer, slot.indicator));
        break;
    case Storage::real:
        statement.exchange(soci::use(slot.real, slot.indicator));
        break;
    case Storage::text:
        statement.exchange(soci::use(slot.text, slot.indicator));
        break;
    }
}

} // namespace

void Binder::set(Slot& slot, const Value& value)
{
    if (is_null(value)) {
        slot.indicator = soci::i_null;
        return;
    }
    slot.indicator = soci::i_ok;
    switch (slot.storage) {
    case Storage::integer:
        if (const auto* integer = std::get_if<std::int64_t>(&value))
            slot.integer = *integer;
        else if (const auto* real = std::get_if<double>(&value))
            slot.integer = static_cast<long long>(*real);
        else
            slot.indicator = soci::i_null;
        break;
    case Storage::real:
        if (const auto* real = std::get_if<double>(&value))
            slot.real = *real;
        else if (const auto* integer = std::get_if<std::int64_t>(&value))
            slot.real = static_cast<double>(*integer);
        else
            slot.indicator = soci::i_null;
        break;
    case Storage::text:
        if (const auto* text = std::get_if<std::string>(&value))
            slot.text = *text;
        else
            slot.text = to_text(value);
        break;
    }
}

Binder::Slot& Binder::use(soci::statement& statement, const Value& value)
{
    auto& slot = m_slots.emplace_back();
    slot.storage = storage_of_value(value);
    set(slot, value);
    bind_use(statement, slot);
    return slot;
}

Binder::Slot& Binder::use(soci::statement& statement, Storage storage)
{
    auto& slot = m_slots.emplace_back();
    slot.storage = storage;
    slot.indicator = soci::i_null;
    bind_use(statement, slot);
    return slot;
}

Binder::Slot& Binder::into(soci::statement& statement, Storage storage)
{
    auto& slot = m_slots.emplace_back();
    slot.storage = storage;
    switch (storage) {
    case Storage::integer:
        statement.exchange(soci::into(slot.integer, slot.indicator));
        break;
    case Storage::real:
        statement.exchange(soci::into(slot.real, slot.indicator));
        break;
    case Storage::text:
        statement.exchange(soci::into(slot.text, slot.indicator));
        break;
    }
    return slot;
}

Value Binder::value_of(const Slot& slot)
{
    if (slot.indicator == soci::i_null)
        return {};
    switch (slot.storage) {
    case Storage::integer:
        return std::int64_t {slot.integer};
    case Storage::real:
        return slot.real;
    case Storage::text:
        return slot.text;
    }
    return {};
}

Error store_error(const std::exception& exception, std::string_view doing)
{
    std::string message = "store: unable to " + std::string(doing) + ": ";
    std::string what = exception.what();
    // SOCI appends the query text to messages; the first line is the one a person needs.
    if (auto newline = what.find('\n'); newline != std::string::npos)
        what.erase(newline);
    message += what;
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&exception)) {
        int code = sqlite->result() & 0xff;
        if (code == 5 || code == 6) // SQLITE_BUSY, SQLITE_LOCKED
            return {ErrorCode::unavailable, message};
        if (code == 19) // SQLITE_CONSTRAINT
            return Error::conflict(message);
    }
    if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&exception)) {
        auto state = postgres->sqlstate();
        if (state.starts_with("23"))
            return Error::conflict(message);
        if (state == "40001" || state == "40P01" || state.starts_with("08") || state == "57P01")
            return {ErrorCode::unavailable, message};
    }
    return Error::internal(message);
}

Prepared* StatementCache::take(const std::string& key, const std::function<std::unique_ptr<Prepared>()>& make)
{
    Prepared* prepared = nullptr;
    if (auto found = m_index.find(key); found != m_index.end()) {
        m_order.splice(m_order.begin(), m_order, found->second);
        prepared = found->second->second.get();
        if (prepared->busy)
            return nullptr;
    } else {
        // The least recently used goes, unless something still runs it.
        if (m_order.size() >= m_capacity)
            for (auto victim = m_order.end(); victim != m_order.begin();)
                if (!(--victim)->second->busy) {
                    m_index.erase(victim->first);
                    m_order.erase(victim);
                    break;
                }
        m_order.emplace_front(key, make());
        m_index[key] = m_order.begin();
        prepared = m_order.front().second.get();
    }
    prepared->busy = true;
    return prepared;
}

void StatementCache::give_back(Prepared& prepared)
{
    if (m_engine == Engine::sqlite) // SOCI resets again before the next execute
        sqlite_api::sqlite3_reset(
            static_cast<soci::sqlite3_statement_backend*>(prepared.statement.get_backend())->stmt_);
    prepared.busy = false;
}

void StatementCache::clear()
{
    m_index.clear();
    m_order.clear();
}

namespace {

char storage_code(Storage storage)
{
    switch (storage) {
    case Storage::integer:
        return 'i';
    case Storage::real:
        return 'r';
    case Storage::text:
        return 't';
    }
    return '?';
}

// The statement is the same only if the results and the parameters bind to slots of the same types.
std::string cache_key(const std::string& sql, const std::vector<Storage>& columns, const std::vector<Value>& params)
{
    std::string key = sql;
    key += '\x1f';
    for (auto storage : columns)
        key += storage_code(storage);
    key += '\x1f';
    for (const auto& param : params)
        key += is_null(param) ? 'n' : storage_code(storage_of_value(param));
    return key;
}

std::unique_ptr<Prepared> prepare(soci::session& sql, const std::string& query, const std::vector<Storage>& columns,
    const std::vector<Value>& params, soci::details::statement_type type)
{
    auto prepared = std::make_unique<Prepared>(sql);
    auto& statement = prepared->statement;
    statement.alloc();
    statement.prepare(query, type);
    for (auto storage : columns)
        prepared->columns.push_back(&prepared->binder.into(statement, storage));
    for (const auto& param : params)
        prepared->params.push_back(&prepared->binder.use(statement, param));
    statement.define_and_bind();
    return prepared;
}

} // namespace

Query::Query(
    Tx::Impl& tx, const std::string& sql, const std::vector<Storage>& columns, const std::vector<Value>& params)
{
    if (tx.cache) {
        m_prepared = tx.cache->take(cache_key(sql, columns, params),
            [&] { return prepare(tx.sql, sql, columns, params, soci::details::st_repeatable_query); });
        if (m_prepared) {
            m_cache = tx.cache;
            for (size_t index = 0; index < params.size(); ++index)
                Binder::set(*m_prepared->params[index], params[index]);
            return;
        }
    }
    m_owned = prepare(tx.sql, sql, columns, params, soci::details::st_one_time_query);
    m_prepared = m_owned.get();
}

Query::~Query()
{
    if (m_cache)
        m_cache->give_back(*m_prepared);
}

long long execute(Tx::Impl& tx, const std::string& query, const std::vector<Value>& params)
{
    Query statement(tx, query, {}, params);
    statement.execute(true);
    return statement.affected_rows();
}

std::vector<std::vector<Value>> select_rows(
    Tx::Impl& tx, const std::string& query, const std::vector<Storage>& columns, const std::vector<Value>& params)
{
    Query statement(tx, query, columns, params);
    std::vector<std::vector<Value>> rows;
    statement.each([&](const Query& fetched) {
        std::vector<Value> row;
        row.reserve(columns.size());
        for (size_t index = 0; index < columns.size(); ++index)
            row.push_back(Binder::value_of(fetched.column(index)));
        rows.push_back(std::move(row));
    });
    return rows;
}

std::string metadata_columns() { return "id, version, created_at, created_by, updated_at, updated_by"; }

} // namespace c9
