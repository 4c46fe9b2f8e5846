// The minutes of a meeting and its invitation. Approved minutes are served exactly as sealed at approval (the
// SHA-256 recorded in the meeting covers their Markdown body); any other meeting's minutes are rendered from the
// record as it is now, as a draft.
#include "api/list_query.h"
#include "api/routes.h"
#include "app/agenda.h"
#include "export/doc_html.h"
#include "export/doc_json.h"
#include "export/ical.h"
#include "export/minutes_markdown.h"

namespace c9 {

namespace {

enum class Format { json, markdown, html };

Result<Format> minutes_format(const http::Request& request)
{
    for (const auto& [name, value] : request.query_params())
        if (name != "format")
            return Error::invalid(name, "is not a parameter of the minutes (format=json|md|html)");
    auto format = request.query("format").value_or("json");
    if (format == "json")
        return Format::json;
    if (format == "md" || format == "markdown")
        return Format::markdown;
    if (format == "html")
        return Format::html;
    return Error::invalid("format", "must be json, md or html");
}

http::Response document(std::string body, Format format)
{
    http::Response response(200);
    switch (format) {
    case Format::json:
        response.set_body(std::move(body), "application/json");
        break;
    case Format::markdown:
        response.set_body(std::move(body), "text/markdown; charset=utf-8");
        break;
    case Format::html:
        response.set_body(std::move(body), "text/html; charset=utf-8");
        break;
    }
    return response;
}

Result<http::Response> show_minutes_route(Call& call)
{
    auto format = C9_TRY(minutes_format(call.request));
    auto minutes = C9_TRY(show_minutes(call.api.store, call.param("id"), call.caller()));
    if (const auto& sealed = minutes.sealed) {
        auto response = document(format == Format::json ? sealed->json
                : format == Format::markdown            ? sealed->markdown
                                                        : sealed->html,
            format);
        response.headers().set("X-Minutes-SHA256", sealed->sha256);
        return response;
    }
    switch (format) {
    case Format::json:
        return document(json_text(minutes_json(*minutes.draft)), format);
    case Format::markdown:
        return document(minutes_markdown(*minutes.draft), format);
    case Format::html:
        return document(minutes_html(*minutes.draft), format);
    }
    return Error::internal("api: unknown minutes format");
}

Result<http::Response> show_invite(Call& call)
{
    C9_TRY(no_query_parameters(call.request, "the invitation"));
    auto doc = C9_TRY(invitation(call.api.store, call.param("id"), call.caller()));
    http::Response response(200);
    // RFC 5546 uses the method parameter so calendar clients treat it as an invitation.
    response.set_body(meeting_ics(doc), "text/calendar; charset=utf-8; method=REQUEST");
    response.headers().set("Content-Disposition", fmt::format("attachment; filename=\"{}.ics\"", doc.meeting.ref));
    return response;
}

} // namespace

void add_minutes_routes(Routes& routes)
{
    routes.add("GET", "/api/v1/meetings/{id}/minutes", Permission::read, show_minutes_route);
    routes.add("GET", "/api/v1/meetings/{id}/invite.ics", Permission::read, show_invite);
}

} // namespace c9
