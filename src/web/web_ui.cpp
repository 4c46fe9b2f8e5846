#include "web/web_ui.h"

#include "web/assets.h"

#include <string>
#include <unordered_map>

namespace c9::web {

namespace {

const std::unordered_map<std::string_view, const Asset*>& assets_by_path()
{
    static const auto table = [] {
        std::unordered_map<std::string_view, const Asset*> map;
        for (const auto& asset : embedded_assets())
            map.emplace(asset.path, &asset);
        return map;
    }();
    return table;
}

// RFC 9110 13.1.2: If-None-Match is "*" or a list of entity tags, weak ones compared weakly for GET.
bool etag_matches(std::string_view header, std::string_view etag)
{
    while (!header.empty()) {
        auto comma = header.find(',');
        auto tag = header.substr(0, comma);
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t'))
            tag.remove_prefix(1);
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t'))
            tag.remove_suffix(1);
        if (tag.starts_with("W/"))
            tag.remove_prefix(2);
        if (tag == "*" || tag == etag)
            return true;
        if (comma == std::string_view::npos)
            break;
        header.remove_prefix(comma + 1);
    }
    return false;
}

void set_caching(http::Response& response, const Asset& asset)
{
    response.headers().set("ETag", std::string(asset.etag));
    response.headers().set("Cache-Control",
        asset.caching == Caching::immutable ? "public, max-age=31536000, immutable" : "no-cache");
}

} // namespace

const Asset* find_web_asset(std::string_view path)
{
    const auto& table = assets_by_path();
    if (path.empty() || path == "/")
        path = "/index.html";
    if (auto found = table.find(path); found != table.end())
        return found->second;
    // A missing hashed file is an old or mistyped link, not a page of the UI: answering it with index.html would
    // hand a script tag HTML. The API's unknown paths keep their problem+json 404.
    if (path.starts_with("/assets/") || path.starts_with("/api/") || path == "/api")
        return nullptr;
    auto index = table.find("/index.html");
    return index == table.end() ? nullptr : index->second;
}

http::Response serve_web_asset(const http::Request& request)
{
    const auto* asset = find_web_asset(request.path());
    if (!asset)
        return http::Response::problem(404, "There is nothing at this path.");
    if (auto match = request.header("If-None-Match"); match && etag_matches(*match, asset->etag)) {
        http::Response response(304);
        set_caching(response, *asset);
        return response;
    }
    http::Response response(200);
    response.set_static_body(asset->body, asset->content_type);
    if (!asset->gzip_body.empty())
        response.set_gzip_body(asset->gzip_body);
    set_caching(response, *asset);
    return response;
}

void install_web_ui(http::Router& router)
{
    router.set_fallback([](http::Request& request) { return serve_web_asset(request); });
}

} // namespace c9::web
