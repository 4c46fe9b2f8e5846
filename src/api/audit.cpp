// The audit trail, newest first, a page at a time: ?before=SEQ&limit=N (control 8.15).
#include "api/routes.h"
#include "store/audit_log.h"

namespace c9 {

namespace {

Json entry_json(const AuditEntry& entry)
{
    return Json {{"seq", entry.seq}, {"at", format_timestamp(entry.at)}, {"actor", entry.actor},
        {"action", entry.action}, {"entity", entry.entity},
        {"entity_id", entry.entity_id ? Json(*entry.entity_id) : Json()}, {"summary", entry.summary},
        {"prev_hash", entry.prev_hash}, {"hash", entry.hash}};
}

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
    return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
        auto entries = C9_TRY(recent_audit_entries(tx, page_size, before->value_or(0)));
        auto head = C9_TRY(audit_head(tx));
        Json items = Json::array();
        for (const auto& entry : entries)
            items.push_back(entry_json(entry));
        Json next = entries.size() == static_cast<size_t>(page_size) && entries.back().seq > 1
            ? Json(entries.back().seq)
            : Json();
        return json_response(Json {{"items", items}, {"head", {{"seq", head.seq}, {"hash", head.hash}}},
            {"limit", page_size}, {"next_before", next}});
    });
}

} // namespace

void add_audit_routes(Routes& routes) { routes.add("GET", "/api/v1/audit", Permission::read_audit, list_audit); }

} // namespace c9
