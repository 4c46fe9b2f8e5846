// Login accounts (admins manage them; auditors may read the list, for the access rights review of control 5.18).
#include "export/account_json.h"
#include "api/body.h"
#include "api/list_query.h"
#include "api/routes.h"

#include <fmt/format.h>

namespace c9 {

namespace {

// The members of a create or an update: those of `clause9 user add`.
Result<AccountInput> account_input(const Json& body)
{
    BodyReader reader(body, {"email", "name", "role", "person", "password", "active"});
    AccountInput input;
    input.email = reader.text("email", BodyReader::Need::optional, 254);
    input.name = reader.text("name", BodyReader::Need::optional, 200);
    input.role = reader.text("role", BodyReader::Need::optional, 32);
    if (body.contains("person") && body["person"].is_null())
        input.person = std::string();
    else
        input.person = reader.person("person");
    input.password = reader.text("password", BodyReader::Need::optional, max_password_bytes);
    input.active = reader.flag("active");
    C9_TRY(reader.result());
    return input;
}

Result<http::Response> create_user(Call& call)
{
    auto input = C9_TRY(account_input(C9_TRY(call.object_body())));
    auto account = C9_TRY(create_account(call.api.store, input, call.caller()));
    return created_response(
        account_json(account), fmt::format("/api/v1/users/{}", account.meta.id), account.meta.version);
}

Result<http::Response> list_users(Call& call)
{
    auto page = C9_TRY(page_params(call.request));
    for (const auto& [name, value] : call.request.query_params())
        if (name != "limit" && name != "offset")
            return Error::invalid(name, "is not a parameter of the account list (limit, offset)");
    auto accounts = C9_TRY(list_accounts(call.api.store));
    Json items = Json::array();
    for (size_t index = static_cast<size_t>(page.offset);
         index < accounts.size() && items.size() < static_cast<size_t>(page.limit); ++index)
        items.push_back(account_json(accounts[index]));
    return json_response(
        Json {{"items", items}, {"total", accounts.size()}, {"limit", page.limit}, {"offset", page.offset}});
}

Result<http::Response> show_user(Call& call)
{
    auto account = C9_TRY(find_account(call.api.store, call.param("id")));
    return row_response(account_json(account), account.meta.version);
}

Result<http::Response> update_user_route(Call& call)
{
    auto input = C9_TRY(account_input(C9_TRY(call.object_body())));
    auto account = C9_TRY(update_account(call.api.store, call.param("id"), input, call.if_match, call.caller()));
    return row_response(account_json(account), account.meta.version);
}

} // namespace

void add_user_routes(Routes& routes)
{
    routes.add("POST", "/api/v1/users", Permission::manage_users, create_user);
    routes.add("GET", "/api/v1/users", Permission::read_users, list_users);
    routes.add("GET", "/api/v1/users/{id}", Permission::read_users, show_user);
    routes.add(
        "PATCH", "/api/v1/users/{id}", Permission::manage_users, update_user_route, {.if_match = IfMatch::required});
}

} // namespace c9
