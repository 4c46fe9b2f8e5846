// KPI measurements and the status of every KPI as a meeting reviews it: value, RAG against target and amber
// threshold, trend against the period before (ISO/IEC 27001:2022 9.1).
#include "app/kpis.h"

#include "api/body.h"
#include "api/register_routes.h"
#include "app/kpi_review.h"
#include "core/kpi.h"
#include "store/measurements.h"
#include "store/settings_store.h"

namespace c9 {

namespace {

Json optional_number(std::optional<double> value) { return value ? Json(*value) : Json(); }

Json measurement_json(const Kpi& kpi, const Measurement& entry)
{
    return Json {{"period", format_date(entry.period)}, {"value", entry.value},
        {"rag", to_string(rag(kpi, entry.value))}, {"note", entry.note ? Json(*entry.note) : Json()},
        {"recorded_at", format_timestamp(entry.recorded_at)}, {"recorded_by", entry.recorded_by}};
}

Json status_json(const KpiStatus& status)
{
    const auto& kpi = status.kpi;
    return Json {{"id", kpi.id}, {"ref", display_id("KPI", kpi.id)}, {"name", kpi.name},
        {"unit", kpi.unit ? Json(*kpi.unit) : Json()}, {"direction", to_string(kpi.direction)}, {"target", kpi.target},
        {"amber", optional_number(kpi.amber)}, {"formula", kpi.formula ? Json(to_string(*kpi.formula)) : Json()},
        {"period", format_date(status.period)}, {"value", optional_number(status.value)},
        {"previous", optional_number(status.previous)}, {"rag", status.rag ? Json(to_string(*status.rag)) : Json()},
        {"trend", to_string(status.trend)}};
}

Result<http::Response> list_measurements(Call& call)
{
    return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
        auto kpi = C9_TRY(get_row(tx, kpi_spec(), C9_TRY(path_row_id(tx, kpi_spec(), call.param("id")))));
        Json items = Json::array();
        for (const auto& entry : C9_TRY(measurements_of(tx, kpi.id)))
            items.push_back(measurement_json(kpi, entry));
        return json_response(Json {{"items", items}});
    });
}

Result<http::Response> add_measurement(Call& call)
{
    auto body = C9_TRY(call.object_body());
    // The members are the CLI's options of `kpi measure`.
    BodyReader reader(body, {"period", "value", "note"});
    auto period = reader.text("period", BodyReader::Need::required, 32);
    auto value = reader.number("value", BodyReader::Need::required);
    auto note = reader.text("note");
    C9_TRY(reader.result());
    auto caller = call.caller();
    Kpi kpi;
    auto measurement = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Measurement> {
        kpi = C9_TRY(get_row(tx, kpi_spec(), C9_TRY(path_row_id(tx, kpi_spec(), call.param("id")))));
        C9_TRY(call.require_owner(kpi.owner, kpi_spec().plural));
        return record_measurement(tx, kpi.id, *period, *value, note, caller);
    }));
    return created_response(measurement_json(kpi, measurement), fmt::format("/api/v1/kpis/{}/measurements", kpi.id));
}

// ?history=N adds each KPI's latest N recorded measurements, oldest first, for a trend line: one request for a
// dashboard rather than one per KPI.
Result<http::Response> kpi_status_list(Call& call)
{
    for (const auto& [name, value] : call.request.query_params())
        if (name != "history")
            return Error::invalid(name, "is not a parameter of the KPI status (history)");
    auto history = C9_TRY(query_integer(call.request, "history", 1, 60));
    return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
        auto rules = C9_TRY(load_rules(tx, call.now));
        Json items = Json::array();
        for (const auto& entry : C9_TRY(review_kpis(tx, rules))) {
            auto item = status_json(entry);
            if (history) {
                auto latest = C9_TRY(latest_measurements(tx, entry.kpi.id, static_cast<int>(*history)));
                Json points = Json::array();
                for (auto point = latest.rbegin(); point != latest.rend(); ++point)
                    points.push_back(Json {{"period", format_date(point->period)}, {"value", point->value}});
                item["history"] = std::move(points);
            }
            items.push_back(std::move(item));
        }
        return json_response(Json {{"items", items}});
    });
}

} // namespace

void add_kpi_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/kpis/status", Permission::read, kpi_status_list);
    routes.add("GET", "/api/v1/kpis/{id}/measurements", Permission::read, list_measurements);
    routes.add("POST", "/api/v1/kpis/{id}/measurements", Permission::edit_register, add_measurement);
}

} // namespace c9
