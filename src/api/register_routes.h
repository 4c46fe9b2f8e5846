// The routes every register shares, generated from its EntitySpec as the CLI generates its commands
// (cli/register_commands.h). JSON field names are the field names, which are also the CLI's option names.
//   GET   /api/v1/{plural}               list: ?FIELD=VALUE filters, open, overdue, q, sort, limit, offset, fields
//   POST  /api/v1/{plural}               create: 201, Location, ETag
//   GET   /api/v1/{plural}/{id}          one row, ETag "<version>"
//   PATCH /api/v1/{plural}/{id}          change, If-Match "<version>" required
//   GET   /api/v1/{plural}/{id}/history  the row's changes
//   POST  /api/v1/{plural}/{id}/{verb}   a state verb the spec declares (close, done, cancel); If-Match optional
//   POST  /api/v1/{plural}/{id}/{log}    a log verb (an activity's completions): 201 with the row and the entry
//   GET   /api/v1/{plural}/{id}/{log}    the log
// Each handler parses, calls one app/ use case and renders; the rules, the transactions and the access checks of
// the "own" grant are the app's.
#pragma once

#include "api/auth.h"
#include "api/list_query.h"
#include "api/routes.h"
#include "api/row_writer.h"
#include "app/verbs.h"

#include <fmt/format.h>

namespace c9 {

template <class T>
std::string row_location(const EntitySpec<T>& spec, const T& row)
{
    if constexpr (requires { row.code; })
        return fmt::format("/api/v1/{}/{}", spec.plural, row.code);
    else
        return fmt::format("/api/v1/{}/{}", spec.plural, row.id);
}

// A list rendered straight to JSON text and kept in the page cache until the data changes (app/registers.h
// list_rendered reads the data version in the transaction it lists in).
template <class T>
struct PageMemo {
    PageCache& cache;
    std::string_view target;
    Date today;
    const FieldSelection* fields;
    const EntitySpec<T>& spec;

    bool enabled() const { return cache.enabled(); }
    std::optional<PageCache::Body> find(std::int64_t version)
    {
        if (auto body = cache.find(target, today, version))
            return body;
        return std::nullopt;
    }
    // {"items": [...], "total": N, "limit": L, "offset": O}, written directly (api/row_writer.h).
    PageCache::Body render(const TypedPage<T>& page, const ListQuery& query)
    {
        std::string text = "{\"items\":" + rows_text(spec, page.rows, fields) + ",\"total\":";
        write_json_integer(text, page.total);
        text += ",\"limit\":";
        write_json_integer(text, query.limit);
        text += ",\"offset\":";
        write_json_integer(text, query.offset);
        text += '}';
        return std::make_shared<const std::string>(std::move(text));
    }
    void keep(std::int64_t version, const PageCache::Body& body) { cache.put(target, today, version, body); }
};

template <class T>
void add_verb_routes(Routes& routes, const EntitySpec<T>& spec, const VerbSpec<T>& verb)
{
    auto inputs = verb_inputs(spec, verb);
    auto permission = write_permission(spec.name);
    if (!verb.is_log()) {
        routes.add("POST", fmt::format("/api/v1/{}/{{id}}/{}", spec.plural, verb.name), permission,
            [&spec, &verb, inputs](Call& call) -> Result<http::Response> {
                auto patch = C9_TRY(inputs_from_json(inputs, C9_TRY(call.object_body())));
                auto outcome
                    = C9_TRY(run_verb(call.api.store, spec, verb.name, call.param("id"), patch, call.if_match, call.caller()));
                return row_response(row_json(spec, outcome.row), outcome.row.version);
            },
            {.if_match = IfMatch::optional});
        return;
    }
    auto path = fmt::format("/api/v1/{}/{{id}}/{}", spec.plural, verb.log);
    routes.add("POST", path, permission, [&spec, &verb, inputs](Call& call) -> Result<http::Response> {
        auto patch = C9_TRY(inputs_from_json(inputs, C9_TRY(call.object_body())));
        auto outcome = C9_TRY(run_verb(call.api.store, spec, verb.name, call.param("id"), patch, std::nullopt, call.caller()));
        auto json = row_json(spec, outcome.row);
        json[entry_name(verb.log)] = entry_json(*outcome.entry);
        return created_response(json, fmt::format("{}/{}", row_location(spec, outcome.row), verb.log), outcome.row.version);
    });
    routes.add("GET", path, Permission::read, [&spec](Call& call) -> Result<http::Response> {
        C9_TRY(no_query_parameters(call.request, "the log"));
        auto view = C9_TRY(show_log(call.api.store, spec, call.param("id")));
        Json items = Json::array();
        for (const auto& entry : view.entries)
            items.push_back(entry_json(entry));
        return json_response(Json{{"items", items}});
    });
}

template <class T> void add_register_routes(Routes& routes, const EntitySpec<T>& spec)
{
    std::string base = fmt::format("/api/v1/{}", spec.plural);
    auto write = write_permission(spec.name);

    // The busiest route: the caller is identified in the transaction that lists (app/registers.h).
    routes.add("GET", base, Permission::read,
        [&spec](Call& call) -> Result<http::Response> {
            auto credentials = credentials_of(call.request, call.api.config);
            auto request = list_request(call.request);
            auto fields = field_selection(spec, call.request);
            // A query that does not parse is answered after the credentials are checked, as on any other route.
            if (!request || !fields) {
                if (!C9_TRY(authenticate(call.api.store, credentials, call.api.config.sessions, call.now)))
                    return unauthorized_response();
                return !request ? std::move(request).error() : std::move(fields).error();
            }
            PageMemo<T> memo{
                call.api.pages, call.request.target(), to_date(call.now), *fields ? &**fields : nullptr, spec};
            auto listed = C9_TRY(list_rendered_for(
                call.api.store, credentials, call.api.config.sessions, call.now, spec, *request, memo));
            if (!listed.principal)
                return unauthorized_response();
            call.principal = std::move(listed.principal);
            http::Response response(200);
            response.set_shared_body(std::move(listed.body), "application/json");
            return response;
        },
        {.authenticates_itself = true});

    if (spec.can_create)
        routes.add("POST", base, write, [&spec](Call& call) -> Result<http::Response> {
            auto patch = C9_TRY(patch_from_json(spec, C9_TRY(call.object_body())));
            auto row = C9_TRY(create(call.api.store, spec, patch, call.caller()));
            return created_response(row_json(spec, row), row_location(spec, row), row.version);
        });

    routes.add("GET", base + "/{id}", Permission::read, [&spec](Call& call) -> Result<http::Response> {
        auto row = C9_TRY(show(call.api.store, spec, call.param("id"))).row;
        return row_response(row_json(spec, row), row.version);
    });

    routes.add("PATCH", base + "/{id}", write,
        [&spec](Call& call) -> Result<http::Response> {
            auto patch = C9_TRY(patch_from_json(spec, C9_TRY(call.object_body())));
            auto result = C9_TRY(update(call.api.store, spec, call.param("id"), patch, call.if_match, call.caller()));
            return row_response(row_json(spec, result.row), result.row.version);
        },
        {.if_match = IfMatch::required});

    routes.add("GET", base + "/{id}/history", Permission::read, [&spec](Call& call) -> Result<http::Response> {
        // Read first: an early return out of a half-built initializer list would leak its elements.
        auto entries = C9_TRY(history(call.api.store, spec, call.param("id")));
        return json_response(Json {{"items", history_json(entries)}});
    });

    for (const auto& verb : spec.verbs)
        add_verb_routes(routes, spec, verb);
}

} // namespace c9
