// The action tracker by owner (app/reports.h action_owners): how many open and overdue action items each person
// holds, and how many they closed on time, so a meeting can see whose list is growing (ISO/IEC 27001:2022 10.2 d):
// review the effectiveness of corrective actions).
//   GET /api/v1/actions/owners
//   {"items": [{"owner": 4, "open": 12, "overdue": 3, "done": 20, "done_on_time": 15, "on_time_percent": 75}, ...]}
//   most overdue first; cancelled items are left out.
#include "api/list_query.h"
#include "api/routes.h"
#include "app/reports.h"

namespace c9 {

namespace {

Result<http::Response> action_owners_route(Call& call)
{
    C9_TRY(no_query_parameters(call.request, "the owners' counts"));
    Json items = Json::array();
    for (const auto& entry : C9_TRY(action_owners(call.api.store, call.caller())).owners)
        items.push_back(Json{{"owner", entry.owner ? Json(entry.owner) : Json()}, {"open", entry.open},
            {"overdue", entry.overdue}, {"done", entry.closed}, {"done_on_time", entry.closed_on_time},
            {"on_time_percent", entry.on_time_percent() ? Json(*entry.on_time_percent()) : Json()}});
    return json_response(Json{{"items", items}});
}

} // namespace

void add_action_owner_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/actions/owners", Permission::read, action_owners_route);
}

} // namespace c9
