// A list request in terms of fields, independent of SQL: filters, a text search, sorting and a page.
#pragma once

#include "core/value.h"

#include <string>
#include <vector>

namespace c9 {

// has_item: a list column in its canonical form ("5.1, 8.8", items joined by ", ") holds the one value given.
enum class FilterOp { eq, ne, lt, le, gt, ge, in, not_in, is_null, not_null, has_item };

struct Filter {
    std::string column;
    FilterOp op = FilterOp::eq;
    std::vector<Value> values; // one value, several for in / not_in, none for is_null / not_null
};

inline Filter where(std::string column, FilterOp op, Value value = {})
{
    return {std::move(column), op, {std::move(value)}};
}
inline Filter where_in(std::string column, std::vector<Value> values, bool negate = false)
{
    return {std::move(column), negate ? FilterOp::not_in : FilterOp::in, std::move(values)};
}

struct ListQuery {
    std::vector<Filter> filters;
    std::string search; // case-insensitive substring of any search column
    std::vector<std::string> search_columns; // defaults to title or name
    std::string sort = "id"; // a column name, "id", "updated_at" or "created_at"
    bool descending = false;
    int limit = 0; // 0: no limit
    int offset = 0;
    // The filters match few rows (what changed since the last meeting, what is open): a hint to read all of them
    // through the filters' index, then sort. Without it a planner may walk the sort column's index instead, hoping
    // to find the first page early, which reads most of the table when the matches are the newest rows.
    bool selective = false;
};

} // namespace c9
