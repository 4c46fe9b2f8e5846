// A list request's query string as the app's ListRequest: ?status=open&owner=PER-4 (filterable fields; a repeated
// field means any of the values), open=true, overdue=true, q=text, sort=-updated_at, limit (default 50, at most
// 500) and offset, and fields=name,email (field_selection below). The app checks the filters against the register
// and names anything it does not know, so a mistyped filter never silently lists everything.
#pragma once

#include "api/json_io.h"
#include "api/row_writer.h"
#include "app/registers.h"
#include "core/text.h"
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

Result<ListRequest> list_request(const http::Request& request);

// Refuses a query string on a route that takes none: the first parameter is named.
Result<void> no_query_parameters(const http::Request& request, std::string_view what);

// ?fields=name,email (or repeated): the members each row of a list shows, id and ref always among them, for a
// client that needs a few columns of many rows (the UI's people picker). None when the parameter is absent.
template <class T>
Result<std::optional<FieldSelection>> field_selection(const EntitySpec<T>& spec, const http::Request& request)
{
    auto lists = request.query_all("fields");
    if (lists.empty())
        return std::optional<FieldSelection>{};
    static const std::set<std::string_view> meta{
        "id", "ref", "version", "created_at", "created_by", "updated_at", "updated_by"};
    FieldSelection names;
    Problems problems;
    for (auto list : lists)
        for (const auto& name : split_list(list)) {
            if (meta.contains(name) || spec.find(name))
                names.emplace(name);
            else
                problems.add("fields", fmt::format("\"{}\" is not a field of {}", name.substr(0, 64), spec.plural));
        }
    if (names.empty() && problems.empty())
        problems.add("fields", "name at least one field, such as fields=id,name");
    C9_TRY(problems.result());
    return std::optional<FieldSelection>{std::move(names)};
}

} // namespace c9
