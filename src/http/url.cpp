#include "http/url.h"

namespace c9::http {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::optional<std::string> percent_decode(std::string_view text, PlusIsSpace plus)
{
    std::string out;
    out.reserve(text.size());
    for (size_t index = 0; index < text.size(); ++index) {
        char c = text[index];
        if (c == '+' && plus == PlusIsSpace::Yes) {
            out += ' ';
            continue;
        }
        if (c != '%') {
            out += c;
            continue;
        }
        if (index + 2 >= text.size())
            return std::nullopt;
        int high = hex_value(text[index + 1]);
        int low = hex_value(text[index + 2]);
        if (high < 0 || low < 0 || (high == 0 && low == 0))
            return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        index += 2;
    }
    return out;
}

std::optional<std::vector<std::string>> split_path(std::string_view raw_path)
{
    if (!raw_path.starts_with('/'))
        return std::nullopt;
    std::vector<std::string> segments;
    if (raw_path.size() == 1)
        return segments;
    std::string_view rest = raw_path.substr(1);
    while (true) {
        size_t slash = rest.find('/');
        auto segment = percent_decode(rest.substr(0, slash));
        if (!segment)
            return std::nullopt;
        segments.push_back(std::move(*segment));
        if (slash == std::string_view::npos)
            break;
        rest.remove_prefix(slash + 1);
    }
    return segments;
}

std::optional<QueryParams> parse_query(std::string_view query)
{
    QueryParams params;
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty())
            continue;
        size_t equals = pair.find('=');
        auto key = percent_decode(pair.substr(0, equals), PlusIsSpace::Yes);
        auto value = percent_decode(
            equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1), PlusIsSpace::Yes);
        if (!key || !value)
            return std::nullopt;
        params.emplace_back(std::move(*key), std::move(*value));
    }
    return params;
}

} // namespace c9::http
