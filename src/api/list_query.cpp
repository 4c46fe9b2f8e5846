#include "api/list_query.h"

namespace c9 {

Result<PageParams> page_params(const http::Request& request)
{
    PageParams page;
    Problems problems;
    auto limit = query_integer(request, "limit", 1, max_page_size);
    if (!limit)
        problems.add("limit", limit.error().fields().at(0).message);
    else if (*limit)
        page.limit = static_cast<int>(**limit);
    auto offset = query_integer(request, "offset", 0, 1'000'000'000);
    if (!offset)
        problems.add("offset", offset.error().fields().at(0).message);
    else if (*offset)
        page.offset = static_cast<int>(**offset);
    C9_TRY(problems.result());
    return page;
}

Result<ListRequest> list_request(const http::Request& request)
{
    ListRequest list;
    Problems problems;
    auto page = page_params(request);
    if (!page)
        return std::move(page).error();
    list.limit = page->limit;
    list.offset = page->offset;
    list.sort = std::string(request.query("sort").value_or(""));
    list.search = std::string(request.query("q").value_or(""));
    for (auto [name, flag] : {std::pair{"open", &list.open}, std::pair{"overdue", &list.overdue}}) {
        auto value = query_flag(request, name);
        if (!value)
            problems.add(name, value.error().fields().at(0).message);
        else
            *flag = value->value_or(false);
    }
    C9_TRY(problems.result());
    static const std::set<std::string_view> reserved{"limit", "offset", "sort", "q", "open", "overdue", "fields"};
    for (const auto& [name, text] : request.query_params())
        if (!reserved.contains(name))
            list.filters.emplace_back(name, text);
    return list;
}

Result<void> no_query_parameters(const http::Request& request, std::string_view what)
{
    if (!request.query_params().empty())
        return Error::invalid(request.query_params().front().first, fmt::format("is not a parameter of {}", what));
    return {};
}

} // namespace c9
