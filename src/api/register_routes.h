// The routes every register shares, generated from its EntitySpec as the CLI generates its commands
// (cli/register_commands.h): list, show, create, update, history, and verbs such as close. JSON field names are
// the field names, which are also the CLI's option names.
//   GET   /api/v1/{plural}               list: ?FIELD=VALUE filters, open, overdue, q, sort, limit, offset
//   POST  /api/v1/{plural}               create: 201, Location, ETag
//   GET   /api/v1/{plural}/{id}          one row, ETag "<version>"
//   PATCH /api/v1/{plural}/{id}          change, If-Match "<version>" required
//   GET   /api/v1/{plural}/{id}/history  the row's changes
//   POST  /api/v1/{plural}/{id}/{verb}   close, done, cancel: an update with fixed fields, If-Match optional
#pragma once

#include "api/list_query.h"
#include "api/routes.h"
#include "api/row_writer.h"
#include "app/registers.h"
#include "store/audit_log.h"
#include "store/lookups.h"

#include <fmt/format.h>

namespace c9 {

struct RegisterRouteOptions {
    Permission write = Permission::edit_register;
    bool can_create = true; // the control catalog is loaded by init, not created by hand
};

// A row's id in a path: the Annex A code for controls ("8.8", "A.8.8"), else the number or display id ("12",
// "RSK-12"). Anything else names no row.
template <class T> Result<Id> path_row_id(Tx& tx, const EntitySpec<T>& spec, std::string_view text)
{
    if constexpr (requires(T row) { row.code; }) {
        auto code = normalize_controls(text);
        if (code && !code->empty() && code->find(',') == std::string::npos)
            if (auto id = C9_TRY(control_by_code(tx, *code)))
                return *id;
        return Error::not_found(fmt::format("control {} is not in the catalog", text));
    } else {
        (void)tx;
        auto id = parse_display_id(spec.prefix, text);
        if (!id)
            return Error::not_found(
                fmt::format("no {} has the id \"{}\" (ids look like {} or {}-{})", spec.name, text, 1, spec.prefix, 1));
        return *id;
    }
}

template <class T> std::string row_location(const EntitySpec<T>& spec, const T& row)
{
    if constexpr (requires { row.code; })
        return fmt::format("/api/v1/{}/{}", spec.plural, row.code);
    else
        return fmt::format("/api/v1/{}/{}", spec.plural, row.id);
}

// The owner of a row, for registers that have one; registers without an owner are not any member's to change.
template <class T> std::optional<Id> row_owner(const EntitySpec<T>& spec, const T& row)
{
    const auto* owner = spec.find("owner");
    if (!owner)
        return std::nullopt;
    auto value = owner->get(row);
    if (const auto* id = std::get_if<std::int64_t>(&value))
        return *id;
    return std::nullopt;
}

template <class T> Result<http::Response> update_row(Call& call, const EntitySpec<T>& spec, Patch patch)
{
    auto caller = call.caller();
    auto row = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<T> {
        auto id = C9_TRY(path_row_id(tx, spec, call.param("id")));
        auto before = C9_TRY(get_row(tx, spec, id));
        C9_TRY(call.require_owner(row_owner(spec, before), spec.plural));
        return update_in(tx, spec, id, patch, call.if_match, caller);
    }));
    return row_response(row_json(spec, row), row.version);
}

// A verb such as POST /api/v1/risks/{id}/close: the fields the body may give, then those the verb sets (which
// may depend on what the body gave).
using VerbFields = std::function<Patch(const Caller&, const Patch& given)>;

template <class T>
void add_verb_route(Routes& routes, const EntitySpec<T>& spec, std::string_view verb,
    std::vector<std::string_view> body_fields, VerbFields fixed, Permission permission = Permission::edit_register)
{
    routes.add("POST", fmt::format("/api/v1/{}/{{id}}/{}", spec.plural, verb), permission,
        [&spec, body_fields, fixed, verb = std::string(verb)](Call& call) -> Result<http::Response> {
            auto body = C9_TRY(call.object_body());
            Problems problems;
            for (const auto& [key, value] : body.items())
                if (std::find(body_fields.begin(), body_fields.end(), key) == body_fields.end())
                    problems.add(key,
                        fmt::format("is not taken by {}{}", verb,
                            body_fields.empty() ? "" : fmt::format(" (it takes {})", fmt::join(body_fields, ", "))));
            C9_TRY(problems.result());
            auto patch = C9_TRY(patch_from_json(spec, body));
            for (auto& input : fixed(call.caller(), patch))
                patch.push_back(std::move(input));
            return update_row(call, spec, std::move(patch));
        },
        {.if_match = IfMatch::optional});
}

template <class T>
void add_register_routes(Routes& routes, const EntitySpec<T>& spec, RegisterRouteOptions options = {})
{
    std::string base = fmt::format("/api/v1/{}", spec.plural);

    routes.add("GET", base, Permission::read, [&spec](Call& call) -> Result<http::Response> {
        auto today = to_date(call.now);
        auto target = call.request.target();
        auto body = C9_TRY(call.api.store.read([&](Tx& tx) -> Result<PageCache::Body> {
            // The version first: a page read after it is at least as new as the version it is kept under.
            std::optional<std::int64_t> version;
            if (call.api.pages.enabled()) {
                version = C9_TRY(data_version(tx));
                if (auto cached = call.api.pages.find(target, today, *version))
                    return cached;
            }
            auto query = C9_TRY(list_query(tx, spec, call.request, today));
            auto fields = C9_TRY(field_selection(spec, call.request));
            auto page = C9_TRY(list_rows(tx, spec, query));
            // {"items": [...], "total": N, "limit": L, "offset": O}, written directly (api/row_writer.h).
            std::string text = "{\"items\":" + rows_text(spec, page.rows, fields ? &*fields : nullptr) + ",\"total\":";
            write_json_integer(text, page.total);
            text += ",\"limit\":";
            write_json_integer(text, query.limit);
            text += ",\"offset\":";
            write_json_integer(text, query.offset);
            text += '}';
            auto rendered = std::make_shared<const std::string>(std::move(text));
            if (version)
                call.api.pages.put(target, today, *version, rendered);
            return rendered;
        }));
        http::Response response(200);
        response.set_shared_body(std::move(body), "application/json");
        return response;
    });

    if (options.can_create)
        routes.add("POST", base, options.write, [&spec](Call& call) -> Result<http::Response> {
            auto patch = C9_TRY(patch_from_json(spec, C9_TRY(call.object_body())));
            auto caller = call.caller();
            auto row = C9_TRY(call.api.store.write([&](Tx& tx) -> Result<T> {
                auto created = C9_TRY(create_in(tx, spec, patch, caller));
                // A member creates rows only for themselves; anything else rolls the transaction back.
                C9_TRY(call.require_owner(row_owner(spec, created), spec.plural));
                return created;
            }));
            return created_response(row_json(spec, row), row_location(spec, row), row.version);
        });

    routes.add("GET", base + "/{id}", Permission::read, [&spec](Call& call) -> Result<http::Response> {
        auto row = C9_TRY(call.api.store.read(
            [&](Tx& tx) -> Result<T> { return get_row(tx, spec, C9_TRY(path_row_id(tx, spec, call.param("id")))); }));
        return row_response(row_json(spec, row), row.version);
    });

    routes.add("PATCH", base + "/{id}", options.write,
        [&spec](Call& call) -> Result<http::Response> {
            auto body = C9_TRY(call.object_body());
            auto patch = C9_TRY(patch_from_json(spec, body));
            if (patch.empty())
                return Error::invalid("body", "nothing to change; give at least one field");
            return update_row(call, spec, std::move(patch));
        },
        {.if_match = IfMatch::required});

    routes.add("GET", base + "/{id}/history", Permission::read, [&spec](Call& call) -> Result<http::Response> {
        return call.api.store.read([&](Tx& tx) -> Result<http::Response> {
            auto id = C9_TRY(path_row_id(tx, spec, call.param("id")));
            C9_TRY(get_row(tx, spec, id));
            return json_response(Json {{"items", history_json(C9_TRY(tx.history(spec.name, id)))}});
        });
    });
}

} // namespace c9
