// A maintenance activity's completion log: POST records that it was done (its next due date moves on), GET lists
// the log, the evidence that the controls it supports operate (ISO/IEC 27001:2022 9.1, 7.5).
#include "app/activities.h"

#include "api/body.h"
#include "api/register_routes.h"
#include "core/activity.h"
#include "store/completions.h"

namespace c9 {

namespace {

Json completion_json(const Completion& entry)
{
    return Json {{"id", entry.id}, {"done_on", format_date(entry.done_on)}, {"due", format_date(entry.due)},
        {"on_time", entry.on_time()}, {"done_by", entry.done_by ? Json(*entry.done_by) : Json()},
        {"result", to_string(entry.result)}, {"evidence", entry.evidence ? Json(*entry.evidence) : Json()},
        {"note", entry.note ? Json(*entry.note) : Json()}, {"recorded_at", format_timestamp(entry.recorded_at)},
        {"recorded_by", entry.recorded_by}};
}

Result<http::Response> log_completion(Call& call)
{
    const auto& spec = activity_spec();
    auto body = C9_TRY(call.object_body());
    // The members are the CLI's options of `activity complete`.
    BodyReader reader(body, {"date", "result", "evidence", "note", "by"});
    CompletionInput input;
    if (auto date = reader.text("date")) {
        input.done_on = parse_date(*date);
        if (!input.done_on)
            reader.problems().add("date", "must be a date like 2026-03-31");
    }
    if (auto result = reader.text("result")) {
        if (auto parsed = parse_enum<ActivityResult>(*result))
            input.result = *parsed;
        else
            reader.problems().add("result", "must be ok, issues_found or failed");
    }
    input.evidence = reader.text("evidence", BodyReader::Need::optional, 2000);
    input.note = reader.text("note");
    auto by = reader.person("by");
    C9_TRY(reader.result());
    auto caller = call.caller();
    auto outcome = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<CompletionOutcome> {
        auto id = C9_TRY(path_row_id(tx, spec, call.param("id")));
        auto activity = C9_TRY(get_row(tx, spec, id));
        C9_TRY(call.require_owner(activity.owner, spec.plural));
        if (by)
            input.done_by = C9_TRY(resolve_person(tx, "by", *by));
        return complete_activity(tx, id, input, caller);
    }));
    auto json = row_json(spec, outcome.activity);
    json["completion"] = completion_json(outcome.completion);
    return created_response(
        json, fmt::format("/api/v1/activities/{}/completions", outcome.activity.id), outcome.activity.version);
}

Result<http::Response> list_completions(Call& call)
{
    return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
        auto id = C9_TRY(path_row_id(tx, activity_spec(), call.param("id")));
        C9_TRY(get_row(tx, activity_spec(), id));
        Json items = Json::array();
        for (const auto& entry : C9_TRY(completions_of(tx, id)))
            items.push_back(completion_json(entry));
        return json_response(Json {{"items", items}});
    });
}

} // namespace

void add_activity_routes(Routes& routes)
{
    routes.add("POST", "/api/v1/activities/{id}/completions", Permission::edit_register, log_completion);
    routes.add("GET", "/api/v1/activities/{id}/completions", Permission::read, list_completions);
}

} // namespace c9
