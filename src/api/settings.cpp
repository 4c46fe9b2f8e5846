// The organisation's settings, as `clause9 config show` and `config set` have them: the risk matrix, the appetite
// (ISO/IEC 27001:2022 6.1.2 a): the risk acceptance criteria) and the vulnerability SLAs (control 8.8).
//   GET   /api/v1/config   {"risk.appetite": 9, "risk.matrix_size": 5, "sla.critical_days": 15, ...}
//   PATCH /api/v1/config   {"risk.appetite": 12}: one or more settings, all or none; answers the new settings.
//                          If-Match with the ETag of GET (optional) refuses the change when they moved meanwhile.
#include "api/routes.h"
#include "app/reports.h"

namespace c9 {

namespace {

// Settings have no row version; their ETag is a digest of their values (app/reports.h SettingsView).
http::Response settings_response(const SettingsView& settings)
{
    Json out = Json::object();
    for (const auto& [key, value] : settings.values)
        out[key] = value;
    auto response = json_response(out);
    response.headers().set("ETag", "\"" + settings.tag + "\"");
    return response;
}

Result<http::Response> show_settings_route(Call& call)
{
    return settings_response(C9_TRY(show_settings(call.api.store)));
}

Result<http::Response> change_settings_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    std::vector<std::pair<std::string, std::string>> changes;
    Problems problems;
    for (const auto& [key, value] : body.items()) {
        if (value.is_number_integer())
            changes.emplace_back(key, std::to_string(value.get<std::int64_t>()));
        else
            problems.add(key, "must be a whole number");
    }
    C9_TRY(problems.result());
    std::optional<std::string> expected;
    if (auto if_match = call.request.header("If-Match")) {
        std::string_view tag = *if_match;
        if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
            tag = tag.substr(1, tag.size() - 2);
        expected = std::string(tag);
    }
    return settings_response(C9_TRY(change_settings(call.api.store, changes, expected, call.caller())));
}

} // namespace

void add_settings_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/config", Permission::read, show_settings_route);
    routes.add("PATCH", "/api/v1/config", Permission::configure, change_settings_route);
}

} // namespace c9
