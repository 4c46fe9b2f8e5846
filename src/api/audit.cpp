// The audit trail, newest first, a page at a time: ?before=SEQ&limit=N (control 8.15).
#include "api/routes.h"
#include "app/reports.h"
#include "export/account_json.h"

namespace c9 {

namespace {

Result<http::Response> list_audit(Call& call)
{
    Problems problems;
    for (const auto& [name, value] : call.request.query_params())
        if (name != "before" && name != "limit")
            problems.add(name, "is not a parameter of the audit trail (before, limit)");
    auto before = query_integer(call.request, "before", 1, INT64_MAX);
    if (!before)
        problems.add("before", before.error().fields().at(0).message);
    auto limit = query_integer(call.request, "limit", 1, 500);
    if (!limit)
        problems.add("limit", limit.error().fields().at(0).message);
    C9_TRY(problems.result());
    int page_size = static_cast<int>(limit->value_or(50));
    auto page = C9_TRY(audit_page(call.api.store, page_size, before->value_or(0)));
    Json items = Json::array();
    for (const auto& entry : page.entries)
        items.push_back(audit_entry_json(entry));
    Json next = page.entries.size() == static_cast<size_t>(page_size) && page.entries.back().seq > 1
        ? Json(page.entries.back().seq)
        : Json();
    return json_response(Json{{"items", items}, {"head", {{"seq", page.head.seq}, {"hash", page.head.hash}}},
        {"limit", page_size}, {"next_before", next}});
}

} // namespace

void add_audit_routes(Routes& routes) { routes.add("GET", "/api/v1/audit", Permission::read_audit, list_audit); }

} // namespace c9
