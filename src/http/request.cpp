#include "http/request.h"

namespace c9::http {

std::optional<Request> Request::from_target(std::string method, std::string_view target)
{
    Request request;
    request.m_method = std::move(method);
    size_t question = target.find('?');
    std::string_view raw_path = target.substr(0, question);
    // RFC 9112 3.2.1: a server answers requests in origin-form; the absolute and asterisk forms are for proxies
    // and OPTIONS *, neither of which this server is.
    if (!raw_path.starts_with('/'))
        return std::nullopt;
    auto path = percent_decode(raw_path);
    if (!path)
        return std::nullopt;
    request.m_raw_path = std::string(raw_path);
    request.m_target = std::string(target);
    request.m_path = std::move(*path);
    if (question != std::string_view::npos) {
        auto query = parse_query(target.substr(question + 1));
        if (!query)
            return std::nullopt;
        request.m_query = std::move(*query);
    }
    return request;
}

std::optional<std::string_view> Request::query(std::string_view name) const
{
    for (const auto& [key, value] : m_query) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

std::vector<std::string_view> Request::query_all(std::string_view name) const
{
    std::vector<std::string_view> values;
    for (const auto& [key, value] : m_query) {
        if (key == name)
            values.push_back(value);
    }
    return values;
}

std::optional<std::string_view> Request::cookie(std::string_view name) const
{
    // RFC 6265 4.2.1: cookie-string = cookie-pair *( ";" SP cookie-pair ); browsers send one Cookie header, but
    // intermediaries may have split it, so every one is searched.
    for (std::string_view header : m_headers.get_all("Cookie")) {
        while (!header.empty()) {
            size_t semicolon = header.find(';');
            std::string_view pair = trim_ows(header.substr(0, semicolon));
            header = semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
            size_t equals = pair.find('=');
            if (equals == std::string_view::npos || trim_ows(pair.substr(0, equals)) != name)
                continue;
            std::string_view value = trim_ows(pair.substr(equals + 1));
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            return value;
        }
    }
    return std::nullopt;
}

std::string_view Request::path_param(std::string_view name) const
{
    auto found = m_path_params.find(name);
    return found == m_path_params.end() ? std::string_view() : std::string_view(found->second);
}

} // namespace c9::http
