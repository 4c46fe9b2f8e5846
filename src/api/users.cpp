// Login accounts (admins manage them; auditors may read the list, for the access rights review of control 5.18).
#include "api/account_json.h"
#include "api/body.h"
#include "api/list_query.h"
#include "api/routes.h"

#include <charconv>
#include <fmt/format.h>

namespace c9 {

Json account_json(const Account& account)
{
    return Json {{"id", account.meta.id}, {"version", account.meta.version}, {"email", account.email},
        {"name", account.name}, {"role", to_string(account.role)},
        {"person", account.person ? Json(*account.person) : Json()}, {"active", account.active},
        {"created_at", format_timestamp(account.meta.created_at)}, {"created_by", account.meta.created_by},
        {"updated_at", format_timestamp(account.meta.updated_at)}, {"updated_by", account.meta.updated_by}};
}

namespace {

Result<Id> path_user(const Call& call)
{
    auto text = call.param("id");
    Id id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0)
        return Error::not_found(fmt::format("no account has the id \"{}\"", text));
    return id;
}

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
    auto id = C9_TRY(path_user(call));
    auto account = C9_TRY(call.api.store.read([&](Tx& tx) { return account_by_id(tx, id); }));
    return row_response(account_json(account), account.meta.version);
}

Result<http::Response> update_user_route(Call& call)
{
    auto id = C9_TRY(path_user(call));
    auto input = C9_TRY(account_input(C9_TRY(call.object_body())));
    auto account = C9_TRY(update_account(call.api.store, id, input, call.if_match, call.caller()));
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
