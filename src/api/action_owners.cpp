// The action tracker by owner: how many open and overdue action items each person holds, counted by the database,
// so a meeting can see whose list is growing without reading every open item (ISO/IEC 27001:2022 10.2 d): review
// the effectiveness of corrective actions).
//   GET /api/v1/actions/owners   {"items": [{"owner": 4, "open": 12, "overdue": 3}, ...]}, most overdue first
#include "api/routes.h"
#include "app/registers.h"
#include "core/action_item.h"

#include <algorithm>
#include <charconv>

namespace c9 {

namespace {

struct OwnerCount {
    std::optional<Id> owner;
    std::int64_t open = 0;
    std::int64_t overdue = 0;
};

std::optional<Id> owner_id(const std::string& text)
{
    Id id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return id;
}

Result<http::Response> action_owners(Call& call)
{
    if (!call.request.query_params().empty())
        return Error::invalid(call.request.query_params().front().first, "is not a parameter of the owners' counts");
    const auto& spec = action_spec();
    return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
        auto open = C9_TRY(tx.count_by(table_of(spec), "owner", spec.open_filter()));
        auto overdue = C9_TRY(tx.count_by(table_of(spec), "owner", spec.overdue_filter(to_date(call.now))));
        std::vector<OwnerCount> counts;
        for (const auto& [owner, count] : open)
            counts.push_back({owner_id(owner), count, overdue.contains(owner) ? overdue.at(owner) : 0});
        std::sort(counts.begin(), counts.end(), [](const OwnerCount& a, const OwnerCount& b) {
            return std::tie(b.overdue, b.open, a.owner) < std::tie(a.overdue, a.open, b.owner);
        });
        Json items = Json::array();
        for (const auto& count : counts)
            items.push_back(Json {{"owner", count.owner ? Json(*count.owner) : Json()}, {"open", count.open},
                {"overdue", count.overdue}});
        return json_response(Json {{"items", items}});
    });
}

} // namespace

void add_action_owner_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/actions/owners", Permission::read, action_owners);
}

} // namespace c9
