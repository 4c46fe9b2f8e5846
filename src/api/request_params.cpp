#include "api/request_params.h"

#include "core/text.h"

#include <charconv>
#include <fmt/format.h>

namespace c9 {

namespace {

bool parse_int64(std::string_view text, std::int64_t& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

} // namespace

std::optional<std::int64_t> parse_version_tag(std::string_view header)
{
    std::string_view tag = trim(header);
    if (tag.starts_with("W/"))
        tag.remove_prefix(2);
    if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
        tag = tag.substr(1, tag.size() - 2);
    std::int64_t version = 0;
    if (!parse_int64(tag, version) || version < 1)
        return std::nullopt;
    return version;
}

std::string version_tag(std::int64_t version) { return fmt::format("\"{}\"", version); }

Result<std::optional<std::int64_t>> query_integer(
    const http::Request& request, std::string_view name, std::int64_t min, std::int64_t max)
{
    auto text = request.query(name);
    if (!text)
        return std::optional<std::int64_t> {};
    std::int64_t value = 0;
    if (!parse_int64(*text, value) || value < min || value > max)
        return Error::invalid(std::string(name), fmt::format("must be a whole number from {} to {}", min, max));
    return std::optional<std::int64_t> {value};
}

Result<std::optional<bool>> query_flag(const http::Request& request, std::string_view name)
{
    auto text = request.query(name);
    if (!text)
        return std::optional<bool> {};
    if (*text == "true" || *text == "1" || text->empty())
        return std::optional<bool> {true};
    if (*text == "false" || *text == "0")
        return std::optional<bool> {false};
    return Error::invalid(std::string(name), "must be true or false");
}

} // namespace c9
