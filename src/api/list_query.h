// A list request's query string as a ListQuery: ?status=open&owner=4 (filterable fields; a repeated field means
// any of the values), open=true, overdue=true, q=text, sort=-updated_at, limit (default 50, at most 500) and
// offset, and fields=name,email (field_selection below). Anything else is refused by name, so a mistyped filter
// never silently lists everything.
#pragma once

#include "api/json_io.h"
#include "api/row_writer.h"
#include "app/registers.h"
#include "http/request.h"

#include <fmt/format.h>
#include <set>

namespace c9 {

inline constexpr std::int64_t default_page_size = 50;
inline constexpr std::int64_t max_page_size = 500;

struct PageParams {
    int limit = default_page_size;
    int offset = 0;
};
Result<PageParams> page_params(const http::Request& request);

template <class T>
Result<ListQuery> list_query(Tx& tx, const EntitySpec<T>& spec, const http::Request& request, Date today)
{
    ListQuery query;
    Problems problems;
    auto page = page_params(request);
    if (!page)
        return std::move(page).error();
    query.limit = page->limit;
    query.offset = page->offset;

    if (auto sort = request.query("sort")) {
        std::string_view field = *sort;
        query.descending = field.starts_with('-');
        if (query.descending)
            field.remove_prefix(1);
        if (field == "id" || field == "created_at" || field == "updated_at" || spec.find(field))
            query.sort = std::string(field);
        else
            problems.add("sort", fmt::format("\"{}\" is not a field of {}", field, spec.name));
    }
    if (auto search = request.query("q")) {
        if (search->size() > 200)
            problems.add("q", "must be at most 200 characters");
        else
            query.search = std::string(*search);
    }
    if (auto open = query_flag(request, "open"); !open)
        problems.add("open", open.error().fields().at(0).message);
    else if (open->value_or(false)) {
        if (!spec.open_filter)
            problems.add("open", fmt::format("{} have no notion of open", spec.plural));
        else
            for (auto& filter : spec.open_filter())
                query.filters.push_back(filter);
    }
    if (auto overdue = query_flag(request, "overdue"); !overdue)
        problems.add("overdue", overdue.error().fields().at(0).message);
    else if (overdue->value_or(false)) {
        if (!spec.overdue_filter)
            problems.add("overdue", fmt::format("{} have no due date", spec.plural));
        else
            for (auto& filter : spec.overdue_filter(today))
                query.filters.push_back(filter);
    }

    static const std::set<std::string_view> paging {"limit", "offset", "sort", "q", "open", "overdue", "fields"};
    std::set<std::string> seen;
    Patch values;
    for (const auto& [name, text] : request.query_params()) {
        if (paging.contains(name))
            continue;
        const auto* field_spec = spec.find(name);
        if (!field_spec || !field_spec->has(filterable)) {
            if (seen.insert(name).second)
                problems.add(name, fmt::format("is not a filter of {}", spec.plural));
            continue;
        }
        seen.insert(name);
        auto value = parse_field_text(*field_spec, text);
        if (!value) {
            for (const auto& error : value.error().fields())
                problems.add(error.field, error.message);
            continue;
        }
        values.push_back({name, std::move(*value)});
    }
    values = C9_TRY(resolve_references(tx, spec, std::move(values), problems));
    C9_TRY(problems.result());

    // One filter per field: equality, IS NULL for an empty value, IN for a repeated field.
    for (const auto& name : seen) {
        std::vector<Value> wanted;
        bool null_wanted = false;
        for (const auto& input : values)
            if (input.field == name) {
                if (is_null(input.value))
                    null_wanted = true;
                else
                    wanted.push_back(input.value);
            }
        if (null_wanted && wanted.empty())
            query.filters.push_back(where(name, FilterOp::is_null));
        else if (null_wanted)
            return Error::invalid(name, "cannot ask for no value and a value at once");
        else if (wanted.size() == 1)
            query.filters.push_back(where(name, FilterOp::eq, wanted.front()));
        else if (!wanted.empty())
            query.filters.push_back(where_in(name, wanted));
    }
    return query;
}

// ?fields=name,email (or repeated): the members each row of a list shows, id and ref always among them, for a
// client that needs a few columns of many rows (the UI's people picker). None when the parameter is absent.
template <class T>
Result<std::optional<FieldSelection>> field_selection(const EntitySpec<T>& spec, const http::Request& request)
{
    auto lists = request.query_all("fields");
    if (lists.empty())
        return std::optional<FieldSelection> {};
    static const std::set<std::string_view> meta {
        "id", "ref", "version", "created_at", "created_by", "updated_at", "updated_by"};
    FieldSelection names;
    Problems problems;
    for (auto list : lists) {
        while (!list.empty()) {
            auto comma = list.find(',');
            auto name = list.substr(0, comma);
            list = comma == std::string_view::npos ? std::string_view {} : list.substr(comma + 1);
            while (!name.empty() && name.front() == ' ')
                name.remove_prefix(1);
            while (!name.empty() && name.back() == ' ')
                name.remove_suffix(1);
            if (name.empty())
                continue;
            if (meta.contains(name) || spec.find(name))
                names.emplace(name);
            else
                problems.add("fields", fmt::format("\"{}\" is not a field of {}", name.substr(0, 64), spec.plural));
        }
    }
    if (names.empty() && problems.empty())
        problems.add("fields", "name at least one field, such as fields=id,name");
    C9_TRY(problems.result());
    return std::optional<FieldSelection> {std::move(names)};
}

} // namespace c9
