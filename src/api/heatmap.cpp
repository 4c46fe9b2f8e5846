// Where the open risks sit on the organisation's matrix, counted by the database: what the dashboard and a
// management review (9.3.2 e): the results of risk assessment and the status of the risk treatment plan) show,
// in a few hundred bytes rather than every open risk.
//   GET /api/v1/risks/heatmap
//   {"size": 5, "appetite": 9, "total": 788,
//    "inherent": [[...], ...], "residual": [[...], ...],   counts by [likelihood - 1][impact - 1]
//    "bands": [["low", ...], ...]}                          the band of each cell's score on this matrix
// A risk not yet reassessed after treatment counts on the residual map at its inherent levels, as its current
// score does. A risk whose levels lie outside the matrix (only a database edited by hand has one) is in the total
// and on no cell.
#include "api/routes.h"
#include "store/risk_scores.h"
#include "store/settings_store.h"

namespace c9 {

namespace {

Result<http::Response> risk_heatmap(Call& call)
{
    if (!call.request.query_params().empty())
        return Error::invalid(call.request.query_params().front().first, "is not a parameter of the heat map");
    return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
        auto matrix = C9_TRY(load_rules(tx, call.now)).matrix;
        auto size = static_cast<size_t>(matrix.size);
        std::vector<std::vector<std::int64_t>> inherent(size, std::vector<std::int64_t>(size, 0));
        auto residual = inherent;
        std::int64_t total = 0;
        for (const auto& cell : C9_TRY(open_risk_cells(tx))) {
            total += cell.risks;
            if (matrix.contains(cell.likelihood) && matrix.contains(cell.impact))
                inherent[cell.likelihood - 1][cell.impact - 1] += cell.risks;
            if (matrix.contains(cell.residual_likelihood) && matrix.contains(cell.residual_impact))
                residual[cell.residual_likelihood - 1][cell.residual_impact - 1] += cell.risks;
        }
        Json bands = Json::array();
        for (int likelihood = 1; likelihood <= matrix.size; ++likelihood) {
            Json row = Json::array();
            for (int impact = 1; impact <= matrix.size; ++impact)
                row.push_back(to_string(matrix.band(RiskMatrix::score(likelihood, impact))));
            bands.push_back(std::move(row));
        }
        return json_response(Json {{"size", matrix.size}, {"appetite", matrix.appetite}, {"total", total},
            {"inherent", inherent}, {"residual", residual}, {"bands", bands}});
    });
}

} // namespace

void add_heatmap_routes(Routes& routes) { routes.add("GET", "/api/v1/risks/heatmap", Permission::read, risk_heatmap); }

} // namespace c9
