// Generic row operations over a TableDef: the SQL every register shares.
#include "core/text.h"
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

std::vector<Storage> row_storage(const TableDef& table)
{
    std::vector<Storage> storage {
        Storage::integer, Storage::integer, Storage::text, Storage::text, Storage::text, Storage::text};
    for (const auto& column : table.columns)
        storage.push_back(column.storage);
    return storage;
}

// The row a query that starts with the select_list() columns has fetched.
Record read_row(const Query& query, const TableDef& table)
{
    Record record;
    record.meta.id = query.column(0).integer;
    record.meta.version = query.column(1).integer;
    record.meta.created_at = parse_timestamp(query.column(2).text).value_or(Timestamp {});
    record.meta.created_by = query.column(3).text;
    record.meta.updated_at = parse_timestamp(query.column(4).text).value_or(Timestamp {});
    record.meta.updated_by = query.column(5).text;
    record.values.reserve(table.columns.size());
    for (size_t index = 0; index < table.columns.size(); ++index)
        record.values.push_back(Binder::value_of(query.column(6 + index)));
    return record;
}

std::int64_t count_where(
    Tx::Impl& tx, const TableDef& table, const std::string& where, const std::vector<Value>& params)
{
    auto rows
        = select_rows(tx, fmt::format("SELECT COUNT(*) FROM {}{}", table.name, where), {Storage::integer}, params);
    return std::get<std::int64_t>(rows.at(0).at(0));
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
        case FilterOp::has_item: {
            // ", 5.1, 8.8," holds ", 8.8,": the delimiters keep 8.1 from matching 8.13. Items hold no % or _.
            const auto* item = filter.values.size() == 1 ? std::get_if<std::string>(&filter.values[0]) : nullptr;
            if (!item || item->find_first_of("%_\\") != std::string::npos)
                return Error::internal("store: has_item needs one plain text value");
            add(fmt::format("(', ' || {} || ',') LIKE :p{}", column, params.size()));
            params.push_back(fmt::format("%, {},%", *item));
            break;
        }
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
        for (char c : lower(query->search)) {
            // LIKE wildcards in the search text match themselves.
            if (c == '%' || c == '_' || c == '\\')
                pattern += '\\';
            pattern += c;
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
    auto doing = [&] { return fmt::format("fetch {} {}", table.entity, id); };
    return guarded(doing, [&]() -> Result<Record> {
        Query query(m_impl, fmt::format("SELECT {} FROM {} WHERE id = :id", select_list(table), table.name),
            row_storage(table), {id});
        if (!query.execute(true))
            return Error::not_found(fmt::format("{} {} does not exist", table.entity, id));
        return read_row(query, table);
    });
}

Result<Page> Tx::list(const TableDef& table, const ListQuery& query)
{
    auto doing = [&] { return fmt::format("list {}", table.name); };
    return guarded(doing, [&]() -> Result<Page> {
        if (!known_column(table, query.sort))
            return Error::invalid("sort", fmt::format("{} is not a field of {}", query.sort, table.entity));
        bool paged = query.limit > 0;
        std::vector<Value> params;
        std::string sql;
        std::string columns_sql = select_list(table);
        std::string where;
        size_t first_param = 0;
        // PostgreSQL's planner takes matches to be spread evenly along the sort column and, for a small LIMIT, walks
        // that column's index; when the matches are the newest rows it reads most of the table first (0.5 ms instead
        // of 0.05 for the open vulnerabilities of the scale-10 demo). SQLite's picks the filters' index by itself and
        // only loses by materializing, so it keeps the plain query.
        if (paged && query.selective && !query.filters.empty() && m_impl.engine == Engine::postgresql) {
            // The matches once, counted and sorted; MATERIALIZED keeps the planner from folding them back in.
            where = C9_TRY(where_clause(table, query.filters, &query, params));
            sql = fmt::format("WITH matched AS MATERIALIZED (SELECT {0} FROM {1}{2}) SELECT {0}, (SELECT COUNT(*) "
                              "FROM matched) FROM matched",
                columns_sql, table.name, where);
        } else {
            sql = "SELECT " + columns_sql;
            // The total comes along as a last column, an uncorrelated subquery that both engines compute once: one
            // round trip per page instead of two, and the count and the page each still read through their index.
            if (paged)
                sql += fmt::format(", (SELECT COUNT(*) FROM {}{})", table.name,
                    C9_TRY(where_clause(table, query.filters, &query, params)));
            first_param = params.size();
            where = C9_TRY(where_clause(table, query.filters, &query, params));
            sql += fmt::format(" FROM {}{}", table.name, where);
        }
        const char* direction = query.descending ? "DESC" : "ASC";
        sql += fmt::format(" ORDER BY {} {}", query.sort, direction);
        if (query.sort != "id")
            sql += fmt::format(", id {}", direction);
        auto columns = row_storage(table);
        if (paged) {
            columns.push_back(Storage::integer); // the total
            // Written into the text rather than bound: both planners choose between the sort column's index and a
            // sort by how many rows are wanted.
            sql += fmt::format(" LIMIT {} OFFSET {}", query.limit, std::max(query.offset, 0));
        }
        Page page;
        Query rows(m_impl, sql, columns, params);
        if (rows.execute(true)) {
            if (paged)
                page.total = rows.column(columns.size() - 1).integer;
            do
                page.rows.push_back(read_row(rows, table));
            while (rows.fetch());
        }
        if (!paged)
            page.total = static_cast<std::int64_t>(page.rows.size());
        else if (page.rows.empty() && query.offset > 0) // past the last page: the count still says how many there are
            page.total = count_where(
                m_impl, table, where, {params.begin() + static_cast<std::ptrdiff_t>(first_param), params.end()});
        return page;
    });
}

Result<std::int64_t> Tx::count(const TableDef& table, const std::vector<Filter>& filters)
{
    auto doing = [&] { return fmt::format("count {}", table.name); };
    return guarded(doing, [&]() -> Result<std::int64_t> {
        std::vector<Value> params;
        auto where = C9_TRY(where_clause(table, filters, nullptr, params));
        return count_where(m_impl, table, where, params);
    });
}

Result<std::map<std::string, std::int64_t>> Tx::count_by(
    const TableDef& table, std::string_view column, const std::vector<Filter>& filters)
{
    auto doing = [&] { return fmt::format("count {}", table.name); };
    return guarded(doing, [&]() -> Result<std::map<std::string, std::int64_t>> {
        if (!known_column(table, column))
            return Error::invalid(std::string(column), fmt::format("is not a field of {}", table.entity));
        std::vector<Value> params;
        auto where = C9_TRY(where_clause(table, filters, nullptr, params));
        auto rows = select_rows(m_impl,
            fmt::format("SELECT {0}, COUNT(*) FROM {1}{2} GROUP BY {0}", column, table.name, where),
            {Storage::text, Storage::integer}, params);
        std::map<std::string, std::int64_t> counts;
        for (const auto& row : rows)
            counts[to_text(row[0])] = std::get<std::int64_t>(row[1]);
        return counts;
    });
}

Result<bool> Tx::exists(std::string_view table, Id id)
{
    auto doing = [&] { return fmt::format("look up {} {}", table, id); };
    return guarded(doing, [&]() -> Result<bool> {
        auto found = select_rows(
            m_impl, fmt::format("SELECT COUNT(*) FROM {} WHERE id = :id", table), {Storage::integer}, {id});
        return std::get<std::int64_t>(found.at(0).at(0)) > 0;
    });
}

Result<Id> Tx::insert(const TableDef& table, const std::vector<Value>& values, const Stamp& stamp)
{
    BulkInserter inserter(*this, table, stamp);
    return inserter.insert(values);
}

Result<std::int64_t> Tx::update(const TableDef& table, Id id, std::int64_t expected_version,
    const std::vector<ColumnChange>& changes, const Stamp& stamp)
{
    auto doing = [&] { return fmt::format("update {} {}", table.entity, id); };
    return guarded(doing, [&]() -> Result<std::int64_t> {
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
        if (execute(m_impl, sql, params) != 1) {
            auto found = C9_TRY(exists(table.name, id));
            if (!found)
                return Error::not_found(fmt::format("{} {} does not exist", table.entity, id));
            return Error::stale(fmt::format("{} {} was changed by someone else since version {}; reload it and "
                                            "apply your change again",
                table.entity, id, expected_version));
        }
        std::int64_t version = expected_version + 1;
        for (const auto& change : changes)
            execute(m_impl,
                "INSERT INTO history (entity, entity_id, version, at, actor, field, old_value, new_value) "
                "VALUES (:e, :i, :v, :a, :w, :f, :o, :n)",
                {std::string(table.entity), id, version, at, stamp.actor,
                    std::string(table.columns.at(static_cast<size_t>(change.column)).name),
                    is_null(change.before) ? Value {} : Value {to_text(change.before)},
                    is_null(change.after) ? Value {} : Value {to_text(change.after)}});
        return version;
    });
}

Result<void> Tx::erase(const TableDef& table, Id id)
{
    auto doing = [&] { return fmt::format("delete {} {}", table.entity, id); };
    return guarded(doing, [&]() -> Result<void> {
        execute(m_impl, fmt::format("DELETE FROM {} WHERE id = :id", table.name), {id});
        return {};
    });
}

Result<std::vector<HistoryEntry>> Tx::history(std::string_view entity, Id id)
{
    auto doing = [&] { return fmt::format("read the history of {} {}", entity, id); };
    return guarded(doing, [&]() -> Result<std::vector<HistoryEntry>> {
        std::vector<HistoryEntry> entries;
        Query query(m_impl,
            "SELECT at, actor, version, field, old_value, new_value FROM history WHERE entity = :e AND entity_id = :i "
            "ORDER BY id",
            {Storage::text, Storage::text, Storage::integer, Storage::text, Storage::text, Storage::text},
            {std::string(entity), id});
        query.each([&](const Query& row) {
            HistoryEntry entry;
            entry.at = parse_timestamp(row.column(0).text).value_or(Timestamp {});
            entry.actor = row.column(1).text;
            entry.version = row.column(2).integer;
            entry.field = row.column(3).text;
            entry.old_value = row.column(4).indicator == soci::i_null ? "" : row.column(4).text;
            entry.new_value = row.column(5).indicator == soci::i_null ? "" : row.column(5).text;
            entries.push_back(std::move(entry));
        });
        return entries;
    });
}

} // namespace c9
