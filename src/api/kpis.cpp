// The status of every KPI as a meeting reviews it: value, RAG against target and amber threshold, trend against
// the period before (ISO/IEC 27001:2022 9.1). Measurements themselves are the KPI register's log
// (api/register_routes.h).
//   GET /api/v1/kpis/status?history=N   N adds each KPI's latest N measurements, oldest first, for a trend line:
//                                       one request for a dashboard rather than one per KPI.
#include "api/routes.h"
#include "app/reports.h"

namespace c9 {

namespace {

Json optional_number(std::optional<double> value) { return value ? Json(*value) : Json(); }

Json status_json(const KpiStatus& status)
{
    const auto& kpi = status.kpi;
    return Json{{"id", kpi.id}, {"ref", display_id("KPI", kpi.id)}, {"name", kpi.name},
        {"unit", kpi.unit ? Json(*kpi.unit) : Json()}, {"direction", to_string(kpi.direction)}, {"target", kpi.target},
        {"amber", optional_number(kpi.amber)}, {"formula", kpi.formula ? Json(to_string(*kpi.formula)) : Json()},
        {"period", format_date(status.period)}, {"value", optional_number(status.value)},
        {"previous", optional_number(status.previous)}, {"rag", status.rag ? Json(to_string(*status.rag)) : Json()},
        {"trend", to_string(status.trend)}};
}

Result<http::Response> kpi_status_list(Call& call)
{
    for (const auto& [name, value] : call.request.query_params())
        if (name != "history")
            return Error::invalid(name, "is not a parameter of the KPI status (history)");
    auto history = C9_TRY(query_integer(call.request, "history", 1, 60));
    Json items = Json::array();
    for (const auto& report : C9_TRY(kpi_status(call.api.store, static_cast<int>(history.value_or(0)), call.caller()))) {
        auto item = status_json(report.status);
        if (history) {
            Json points = Json::array();
            for (const auto& point : report.history)
                points.push_back(Json{{"period", format_date(point.period)}, {"value", point.value}});
            item["history"] = std::move(points);
        }
        items.push_back(std::move(item));
    }
    return json_response(Json{{"items", items}});
}

} // namespace

void add_kpi_routes(Routes& routes) { routes.add("GET", "/api/v1/kpis/status", Permission::read, kpi_status_list); }

} // namespace c9
