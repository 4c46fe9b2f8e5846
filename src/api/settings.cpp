// The organisation's settings, as `clause9 config show` and `config set` have them: the risk matrix, the appetite
// (ISO/IEC 27001:2022 6.1.2 a): the risk acceptance criteria) and the vulnerability SLAs (control 8.8).
//   GET   /api/v1/config   {"risk.appetite": 9, "risk.matrix_size": 5, "sla.critical_days": 15, ...}
//   PATCH /api/v1/config   {"risk.appetite": 12}: one or more settings, all or none; answers the new settings.
//                          If-Match with the ETag of GET (optional) refuses the change when they moved meanwhile.
#include "app/settings.h"

#include "api/routes.h"
#include "core/audit.h"
#include "store/settings_store.h"

#include <algorithm>
#include <fmt/format.h>

namespace c9 {

namespace {

Result<Json> settings_json(Tx& tx)
{
    Json out = Json::object();
    for (const auto& [key, value] : C9_TRY(effective_settings(tx)))
        out[key] = value;
    return out;
}

// Settings have no row version; their ETag is a digest of what GET shows, so a PATCH that sends it back in If-Match
// is refused (412) when another admin changed any setting meanwhile. If-Match is optional, as for the CLI.
std::string settings_tag(const Json& settings) { return "\"" + sha256_hex(json_text(settings)).substr(0, 16) + "\""; }

http::Response settings_response(const Json& settings)
{
    auto response = json_response(settings);
    response.headers().set("ETag", settings_tag(settings));
    return response;
}

Result<http::Response> show_settings(Call& call)
{
    return settings_response(C9_TRY(call.api.store.read([](Tx& tx) { return settings_json(tx); })));
}

Result<http::Response> change_settings(Call& call)
{
    auto body = C9_TRY(call.object_body());
    if (body.empty())
        return Error::invalid("body", "name at least one setting, such as {\"risk.appetite\": 12}");
    auto caller = call.caller();
    auto if_match = call.request.header("If-Match");
    auto settings = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<Json> {
        if (if_match && *if_match != "*" && *if_match != settings_tag(C9_TRY(settings_json(tx))))
            return Error::stale(
                "the settings were changed since you read them; reload them and apply your change again");
        // A larger matrix goes in before the appetite it makes possible, a smaller one after the appetite that
        // fits it, so {"risk.matrix_size": 3, "risk.appetite": 4} and the way back both work in one request.
        std::vector<std::pair<std::string, Json>> changes;
        for (const auto& [key, value] : body.items())
            changes.emplace_back(key, value);
        if (auto size = body.find("risk.matrix_size"); size != body.end() && size->is_number_integer()) {
            auto current = C9_TRY(load_rules(tx, caller.now)).matrix.size;
            std::stable_partition(changes.begin(), changes.end(), [&](const auto& change) {
                return (change.first == "risk.matrix_size") == (size->get<std::int64_t>() > current);
            });
        }
        // Every setting is checked, so one answer names all that are wrong; any of them rolls all back.
        Problems problems;
        for (const auto& [key, value] : changes) {
            if (!value.is_number_integer()) {
                problems.add(key, "must be a whole number");
                continue;
            }
            auto changed = change_setting(tx, key, std::to_string(value.get<std::int64_t>()), caller);
            // The CLI's error names its KEY argument; here the field at fault is the member.
            if (!changed)
                for (const auto& error : changed.error().fields())
                    problems.add(error.field == "key" ? key : error.field, error.message);
            if (!changed && changed.error().fields().empty())
                return std::move(changed).error();
        }
        C9_TRY(problems.result());
        return settings_json(tx);
    }));
    return settings_response(settings);
}

} // namespace

void add_settings_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/config", Permission::read, show_settings);
    routes.add("PATCH", "/api/v1/config", Permission::configure, change_settings);
}

} // namespace c9
