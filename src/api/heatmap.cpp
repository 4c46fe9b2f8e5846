// Where the open risks sit on the organisation's matrix, counted by the database (app/reports.h risk_heatmap): what
// the dashboard and a management review (9.3.2 e) show, in a few hundred bytes rather than every open risk.
//   GET /api/v1/risks/heatmap
//   {"size": 5, "appetite": 9, "total": 788,
//    "inherent": [[...], ...], "residual": [[...], ...],   counts by [likelihood - 1][impact - 1]
//    "bands": [["low", ...], ...]}                          the band of each cell's score on this matrix
#include "api/list_query.h"
#include "api/routes.h"
#include "app/reports.h"

namespace c9 {

namespace {

Result<http::Response> risk_heatmap_route(Call& call)
{
    C9_TRY(no_query_parameters(call.request, "the heat map"));
    auto map = C9_TRY(risk_heatmap(call.api.store, call.caller()));
    Json bands = Json::array();
    for (const auto& row : map.bands) {
        Json cells = Json::array();
        for (auto band : row)
            cells.push_back(to_string(band));
        bands.push_back(std::move(cells));
    }
    return json_response(Json{{"size", map.matrix.size}, {"appetite", map.matrix.appetite}, {"total", map.total},
        {"inherent", map.inherent}, {"residual", map.residual}, {"bands", bands}});
}

} // namespace

void add_heatmap_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/risks/heatmap", Permission::read, risk_heatmap_route);
}

} // namespace c9
