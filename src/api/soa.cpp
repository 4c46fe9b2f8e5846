// The Statement of Applicability both ways (6.1.3 d, app/links.h):
//   GET /api/v1/controls/soa      every control with applicability, justification, status and the open risks that
//                                 need it: {"items": [{"control": "5.1", ..., "risks": ["RSK-3"]}, ...]}
//   GET /api/v1/{collection}/{id}/links   the rows of other registers that name a row (a control's risks,
//                                 activities and incidents): {"items": [{"register", "ref", "id", "title",
//                                 "status", "field"}, ...]}
#include "api/list_query.h"
#include "api/routes.h"
#include "app/links.h"
#include "core/all_registers.h"
#include "export/json_rows.h"

namespace c9 {

void add_soa_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/controls/soa", Permission::read, [](Call& call) -> Result<http::Response> {
        C9_TRY(no_query_parameters(call.request, "the Statement of Applicability"));
        // Read first: an early return out of a half-built initializer list would leak its elements.
        auto lines = C9_TRY(statement_of_applicability(call.api.store));
        return json_response(Json {{"items", soa_json(lines)}});
    });
    for_each_register([&](const auto& spec) {
        auto path = fmt::format("/api/v1/{}/{{id}}/links", spec.plural);
        routes.add("GET", path, Permission::read, [name = spec.name](Call& call) -> Result<http::Response> {
            C9_TRY(no_query_parameters(call.request, "the links"));
            auto rows = C9_TRY(linked_rows(call.api.store, name, call.param("id")));
            return json_response(Json {{"items", linked_json(rows)}});
        });
    });
}

} // namespace c9
