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

} // namespace c9
