// Generic row operations over a TableDef: the SQL every register shares.
#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

int TableDef::index_of(std::string_view column) const
{
    for (size_t index = 0; index < columns.size(); ++index)
        if (columns[index].name == column)
            return static_cast<int>(index);
    return -1;
}

namespace {

std::string select_list(const TableDef& table)
{
    std::string sql = metadata_columns();
    for (const auto& column : table.columns)
        sql += fmt::format(", {}", column.name);
    return sql;
}

struct RowSlots {
    Binder::Slot* meta[6];
    std::vector<Binder::Slot*> columns;
};

RowSlots bind_row(Binder& binder, soci::statement& statement, const TableDef& table)
{
    RowSlots slots {};
    slots.meta[0] = &binder.into(statement, Storage::integer);
    slots.meta[1] = &binder.into(statement, Storage::integer);
    slots.meta[2] = &binder.into(statement, Storage::text);
    slots.meta[3] = &binder.into(statement, Storage::text);
    slots.meta[4] = &binder.into(statement, Storage::text);
    slots.meta[5] = &binder.into(statement, Storage::text);
    for (const auto& column : table.columns)
        slots.columns.push_back(&binder.into(statement, column.storage));
    return slots;
}

Record read_row(const RowSlots& slots)
{
    Record record;
    record.meta.id = slots.meta[0]->integer;
    record.meta.version = slots.meta[1]->integer;
    record.meta.created_at = parse_timestamp(slots.meta[2]->text).value_or(Timestamp {});
    record.meta.created_by = slots.meta[3]->text;
    record.meta.updated_at = parse_timestamp(slots.meta[4]->text).value_or(Timestamp {});
    record.meta.updated_by = slots.meta[5]->text;
    record.values.reserve(slots.columns.size());
    for (const auto* slot : slots.columns)
        record.values.push_back(Binder::value_of(*slot));
    return record;
}

bool known_column(const TableDef& table, std::string_view column)
{
    return table.index_of(column) >= 0 || column == "id" || column == "version" || column == "created_at"
        || column == "updated_at" || column == "created_by" || column == "updated_by";
}

Result<std::string> where_clause(
    const TableDef& table, const std::vector<Filter>& filters, const ListQuery* query, std::vector<Value>& params)
{
    std::string sql;
    auto add = [&](const std::string& condition) { sql += (sql.empty() ? " WHERE " : " AND ") + condition; };
    for (const auto& filter : filters) {
        if (!known_column(table, filter.column))
            return Error::invalid(filter.column, fmt::format("is not a field of {}", table.entity));
        const auto& column = filter.column;
        auto single = [&](const char* op) -> Result<void> {
            if (filter.values.size() != 1)
                return Error::internal("store: filter needs exactly one value");
            add(fmt::format("{} {} :p{}", column, op, params.size()));
            params.push_back(filter.values[0]);
            return {};
        };
        switch (filter.op) {
        case FilterOp::eq:
            C9_TRY(single("="));
            break;
        case FilterOp::ne:
            C9_TRY(single("<>"));
            break;
        case FilterOp::lt:
            C9_TRY(single("<"));
            break;
        case FilterOp::le:
            C9_TRY(single("<="));
            break;
        case FilterOp::gt:
            C9_TRY(single(">"));
            break;
        case FilterOp::ge:
            C9_TRY(single(">="));
            break;
        case FilterOp::is_null:
            add(column + " IS NULL");
            break;
        case FilterOp::not_null:
            add(column + " IS NOT NULL");
            break;
        case FilterOp::in:
        case FilterOp::not_in: {
            if (filter.values.empty()) {
                add(filter.op == FilterOp::in ? "1 = 0" : "1 = 1");
                break;
            }
            std::string list;
            for (const auto& value : filter.values) {
                list += fmt::format("{}:p{}", list.empty() ? "" : ", ", params.size());
                params.push_back(value);
            }
            add(fmt::format("{} {} ({})", column, filter.op == FilterOp::in ? "IN" : "NOT IN", list));
            break;
        }
        }
    }
    if (query && !query->search.empty()) {
        std::vector<std::string> columns = query->search_columns;
        if (columns.empty())
            for (const auto* candidate : {"title", "name", "text"})
                if (table.index_of(candidate) >= 0) {
                    columns.emplace_back(candidate);
                    break;
                }
        std::string any;
        std::string pattern = "%";
        for (char c : query->search) {
            // LIKE wildcards in the search text match themselves.
            if (c == '%' || c == '_' || c == '\\')
                pattern += '\\';
            pattern += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        pattern += "%";
        for (const auto& column : columns) {
            if (!known_column(table, column))
                return Error::invalid("search", fmt::format("{} is not a field of {}", column, table.entity));
            any += fmt::format("{}LOWER({}) LIKE :p{} ESCAPE '\\'", any.empty() ? "" : " OR ", column, params.size());
            params.push_back(pattern);
        }
        if (!any.empty())
            add("(" + any + ")");
    }
    return sql;
}

} // namespace

Result<Record> Tx::get(const TableDef& table, Id id)
{
    try {
        Binder binder;
        soci::statement statement(m_impl.sql);
        statement.alloc();
        statement.prepare(fmt::format("SELECT {} FROM {} WHERE id = :id", select_list(table), table.name),
            soci::details::st_one_time_query);
        auto slots = bind_row(binder, statement, table);
        binder.use(statement, Value {id});
        statement.define_and_bind();
        if (!statement.execute(true))
            return Error::not_found(fmt::format("{} {} does not exist", table.entity, id));
        return read_row(slots);
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("fetch {} {}", table.entity, id));
    }
}

Result<Page> Tx::list(const TableDef& table, const ListQuery& query)
{
    try {
        std::vector<Value> params;
        auto where = C9_TRY(where_clause(table, query.filters, &query, params));
        if (!known_column(table, query.sort))
            return Error::invalid("sort", fmt::format("{} is not a field of {}", query.sort, table.entity));
        Page page;
        {
            Binder binder;
            soci::statement statement(m_impl.sql);
            statement.alloc();
            statement.prepare(
                fmt::format("SELECT COUNT(*) FROM {}{}", table.name, where), soci::details::st_one_time_query);
            auto& total = binder.into(statement, Storage::integer);
            for (const auto& param : params)
                binder.use(statement, param);
            statement.define_and_bind();
            statement.execute(true);
            page.total = total.integer;
        }
        std::string sql = fmt::format("SELECT {} FROM {}{} ORDER BY {} {}", select_list(table), table.name, where,
            query.sort, query.descending ? "DESC" : "ASC");
        if (query.sort != "id")
            sql += fmt::format(", id {}", query.descending ? "DESC" : "ASC");
        if (query.limit > 0)
            sql += fmt::format(" LIMIT {} OFFSET {}", query.limit, std::max(query.offset, 0));
        Binder binder;
        soci::statement statement(m_impl.sql);
        statement.alloc();
        statement.prepare(sql, soci::details::st_one_time_query);
        auto slots = bind_row(binder, statement, table);
        for (const auto& param : params)
            binder.use(statement, param);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch())
            page.rows.push_back(read_row(slots));
        return page;
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("list {}", table.name));
    }
}

Result<std::int64_t> Tx::count(const TableDef& table, const std::vector<Filter>& filters)
{
    try {
        std::vector<Value> params;
        auto where = C9_TRY(where_clause(table, filters, nullptr, params));
        Binder binder;
        soci::statement statement(m_impl.sql);
        statement.alloc();
        statement.prepare(
            fmt::format("SELECT COUNT(*) FROM {}{}", table.name, where), soci::details::st_one_time_query);
        auto& total = binder.into(statement, Storage::integer);
        for (const auto& param : params)
            binder.use(statement, param);
        statement.define_and_bind();
        statement.execute(true);
        return std::int64_t {total.integer};
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("count {}", table.name));
    }
}

Result<std::map<std::string, std::int64_t>> Tx::count_by(
    const TableDef& table, std::string_view column, const std::vector<Filter>& filters)
{
    try {
        if (!known_column(table, column))
            return Error::invalid(std::string(column), fmt::format("is not a field of {}", table.entity));
        std::vector<Value> params;
        auto where = C9_TRY(where_clause(table, filters, nullptr, params));
        auto rows = select_rows(m_impl.sql,
            fmt::format("SELECT {0}, COUNT(*) FROM {1}{2} GROUP BY {0}", column, table.name, where),
            {Storage::text, Storage::integer}, params);
        std::map<std::string, std::int64_t> counts;
        for (const auto& row : rows)
            counts[to_text(row[0])] = std::get<std::int64_t>(row[1]);
        return counts;
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("count {}", table.name));
    }
}

Result<bool> Tx::exists(std::string_view table, Id id)
{
    try {
        int found = 0;
        m_impl.sql << fmt::format("SELECT COUNT(*) FROM {} WHERE id = :id", table), soci::use(id), soci::into(found);
        return found > 0;
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("look up {} {}", table, id));
    }
}

Result<Id> Tx::insert(const TableDef& table, const std::vector<Value>& values, const Stamp& stamp)
{
    BulkInserter inserter(*this, table, stamp);
    return inserter.insert(values);
}

Result<std::int64_t> Tx::update(const TableDef& table, Id id, std::int64_t expected_version,
    const std::vector<ColumnChange>& changes, const Stamp& stamp)
{
    try {
        std::string at = format_timestamp(stamp.at);
        std::string sql
            = fmt::format("UPDATE {} SET version = version + 1, updated_at = :at, updated_by = :by", table.name);
        std::vector<Value> params {at, stamp.actor};
        for (const auto& change : changes) {
            sql += fmt::format(", {} = :c{}", table.columns.at(static_cast<size_t>(change.column)).name, change.column);
            params.push_back(change.after);
        }
        sql += " WHERE id = :id AND version = :version";
        params.push_back(id);
        params.push_back(expected_version);
        if (execute(m_impl.sql, sql, params) != 1) {
            auto found = C9_TRY(exists(table.name, id));
            if (!found)
                return Error::not_found(fmt::format("{} {} does not exist", table.entity, id));
            return Error::stale(fmt::format("{} {} was changed by someone else since version {}; reload it and "
                                            "apply your change again",
                table.entity, id, expected_version));
        }
        std::int64_t version = expected_version + 1;
        std::string entity(table.entity), field, old_value, new_value;
        long long entity_id = id, history_version = version;
        soci::indicator old_indicator = soci::i_ok, new_indicator = soci::i_ok;
        soci::statement statement = (m_impl.sql.prepare
                << "INSERT INTO history (entity, entity_id, version, at, actor, field, old_value, "
                   "new_value) VALUES (:e, :i, :v, :a, :w, :f, :o, :n)",
            soci::use(entity), soci::use(entity_id), soci::use(history_version), soci::use(at), soci::use(stamp.actor),
            soci::use(field), soci::use(old_value, old_indicator), soci::use(new_value, new_indicator));
        for (const auto& change : changes) {
            field = table.columns.at(static_cast<size_t>(change.column)).name;
            old_value = to_text(change.before);
            old_indicator = is_null(change.before) ? soci::i_null : soci::i_ok;
            new_value = to_text(change.after);
            new_indicator = is_null(change.after) ? soci::i_null : soci::i_ok;
            statement.execute(true);
        }
        return version;
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("update {} {}", table.entity, id));
    }
}

Result<void> Tx::erase(const TableDef& table, Id id)
{
    try {
        execute(m_impl.sql, fmt::format("DELETE FROM {} WHERE id = :id", table.name), {id});
        return {};
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("delete {} {}", table.entity, id));
    }
}

Result<std::vector<HistoryEntry>> Tx::history(std::string_view entity, Id id)
{
    try {
        std::vector<HistoryEntry> entries;
        HistoryEntry entry;
        std::string at, old_value, new_value;
        long long version = 0;
        soci::indicator old_indicator = soci::i_ok, new_indicator = soci::i_ok;
        std::string entity_name(entity);
        soci::statement statement
            = (m_impl.sql.prepare << "SELECT at, actor, version, field, old_value, new_value FROM history "
                                     "WHERE entity = :e AND entity_id = :i ORDER BY id",
                soci::into(at), soci::into(entry.actor), soci::into(version), soci::into(entry.field),
                soci::into(old_value, old_indicator), soci::into(new_value, new_indicator), soci::use(entity_name),
                soci::use(id));
        statement.execute(false);
        while (statement.fetch()) {
            entry.at = parse_timestamp(at).value_or(Timestamp {});
            entry.version = version;
            entry.old_value = old_indicator == soci::i_null ? "" : old_value;
            entry.new_value = new_indicator == soci::i_null ? "" : new_value;
            entries.push_back(entry);
        }
        return entries;
    } catch (const std::exception& exception) {
        return store_error(exception, fmt::format("read the history of {} {}", entity, id));
    }
}

} // namespace c9
