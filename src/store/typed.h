// Typed access over the generic row operations: a register's struct in, a register's struct out.
#pragma once

#include "store/store.h"

#include <fmt/format.h>
#include <map>
#include <set>

namespace c9 {

template <class T>
struct TypedPage {
    std::vector<T> rows;
    std::int64_t total = 0;
};

template <class T>
Result<T> from_record(const EntitySpec<T>& spec, const Record& record)
{
    T row{};
    static_cast<Row&>(row) = record.meta;
    for (size_t index = 0; index < spec.fields.size(); ++index) {
        const auto& field_spec = spec.fields[index];
        if (!field_spec.set(row, record.values[index]))
            return Error::internal(fmt::format("store: {} {} has an unreadable {} \"{}\"", spec.name, record.meta.id,
                                               field_spec.name, to_text(record.values[index])));
    }
    return row;
}

template <class T>
Result<T> get_row(Tx& tx, const EntitySpec<T>& spec, Id id)
{
    auto record = tx.get(table_of(spec), id);
    if (!record) {
        if (record.error().code() == ErrorCode::not_found)
            return Error::not_found(fmt::format("{} {} does not exist", spec.name, display_id(spec.prefix, id)));
        return std::move(record).error();
    }
    return from_record(spec, *record);
}

template <class T>
Result<TypedPage<T>> list_rows(Tx& tx, const EntitySpec<T>& spec, const ListQuery& query)
{
    auto page = C9_TRY(tx.list(table_of(spec), query));
    TypedPage<T> typed;
    typed.total = page.total;
    typed.rows.reserve(page.rows.size());
    for (const auto& record : page.rows)
        typed.rows.push_back(C9_TRY(from_record(spec, record)));
    return typed;
}

template <class T>
Result<std::vector<T>> all_rows(Tx& tx, const EntitySpec<T>& spec, std::vector<Filter> filters = {})
{
    ListQuery query;
    query.filters = std::move(filters);
    auto page = C9_TRY(list_rows(tx, spec, query));
    return std::move(page.rows);
}

// The rows with these ids, read in one query (one round trip, rather than one get_row per id).
template <class T> Result<std::map<Id, T>> rows_by_id(Tx& tx, const EntitySpec<T>& spec, const std::set<Id>& ids)
{
    std::map<Id, T> rows;
    if (ids.empty())
        return rows;
    std::vector<Value> values(ids.begin(), ids.end());
    for (auto& row : C9_TRY(all_rows(tx, spec, {where_in("id", std::move(values))})))
        rows.emplace(row.id, std::move(row));
    return rows;
}

} // namespace c9
