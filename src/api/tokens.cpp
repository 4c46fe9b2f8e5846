// API tokens: every account manages its own (a script acting for it); admins also those of others. The token is
// in the response to its creation and nowhere else, ever.
#include "export/account_json.h"
#include "api/body.h"
#include "api/list_query.h"
#include "api/routes.h"

#include <charconv>
#include <fmt/format.h>

namespace c9 {

namespace {

Result<http::Response> create_token_route(Call& call)
{
    auto body = C9_TRY(call.object_body());
    BodyReader reader(body, {"name", "user"});
    auto name = reader.text("name", BodyReader::Need::required, 200);
    std::string user;
    if (const auto found = body.find("user"); found != body.end() && !found->is_null()) {
        if (found->is_number_integer() && found->get<std::int64_t>() > 0)
            user = std::to_string(found->get<std::int64_t>());
        else
            reader.problems().add("user", "must be an account id");
    }
    C9_TRY(reader.result());
    auto created = C9_TRY(create_token(call.api.store, user, *name, call.caller()));
    auto json = token_json(created.record);
    json["token"] = created.token;
    return created_response(json, fmt::format("/api/v1/tokens/{}", created.record.id));
}

Result<http::Response> list_tokens_route(Call& call)
{
    C9_TRY(no_query_parameters(call.request, "the token list"));
    Json items = Json::array();
    for (const auto& token : C9_TRY(list_tokens(call.api.store, {}, call.caller())))
        items.push_back(token_json(token));
    return json_response(Json {{"items", items}});
}

Result<http::Response> revoke_token_route(Call& call)
{
    auto text = call.param("id");
    Id id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return Error::not_found(fmt::format("no API token has the id \"{}\"", text));
    C9_TRY(revoke_token(call.api.store, id, call.caller()));
    return http::Response(204);
}

} // namespace

void add_token_routes(Routes& routes)
{
    routes.add("POST", "/api/v1/tokens", Permission::signed_in, create_token_route);
    routes.add("GET", "/api/v1/tokens", Permission::signed_in, list_tokens_route);
    routes.add("DELETE", "/api/v1/tokens/{id}", Permission::signed_in, revoke_token_route);
}

} // namespace c9
