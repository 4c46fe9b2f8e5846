#include "core/patch.h"

#include "core/registry.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace c9 {

std::string choices_text(std::span<const std::string_view> choices)
{
    std::string out;
    for (auto choice : choices) {
        if (!out.empty())
            out += ", ";
        out += choice;
    }
    return out;
}

namespace {

bool parse_integer(std::string_view text, std::int64_t& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

Result<Value> parse_field_text(FieldKind kind, std::span<const std::string_view> choices, std::string_view target,
                               std::string_view field_name, std::string_view raw)
{
    std::string name(field_name);
    std::string text(trim(raw));
    if (text.empty())
        return Value{};
    switch (kind) {
    case FieldKind::text: return Value{std::string(raw)};
    case FieldKind::integer: {
        std::int64_t number = 0;
        if (!parse_integer(text, number))
            return Error::invalid(name, fmt::format("must be a whole number, not \"{}\"", text));
        return Value{number};
    }
    case FieldKind::real: {
        double number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number))
            return Error::invalid(name, fmt::format("must be a number, not \"{}\"", text));
        return Value{number};
    }
    case FieldKind::boolean: {
        std::string lowered = lower(text);
        if (lowered == "yes" || lowered == "true" || lowered == "1" || lowered == "y")
            return Value{std::int64_t{1}};
        if (lowered == "no" || lowered == "false" || lowered == "0" || lowered == "n")
            return Value{std::int64_t{0}};
        return Error::invalid(name, fmt::format("must be yes or no, not \"{}\"", text));
    }
    case FieldKind::date:
        if (!parse_date(text))
            return Error::invalid(name, fmt::format("must be a date like 2026-03-31, not \"{}\"", text));
        return Value{text};
    case FieldKind::timestamp: {
        auto at = parse_timestamp(text);
        if (!at)
            return Error::invalid(name,
                                  fmt::format("must be a date and time like 2026-03-31T14:00:00Z, not \"{}\"", text));
        return Value{format_timestamp(*at)};
    }
    case FieldKind::choice:
        if (std::find(choices.begin(), choices.end(), text) == choices.end())
            return Error::invalid(name, fmt::format("must be one of {}, not \"{}\"", choices_text(choices), text));
        return Value{text};
    case FieldKind::person:
    case FieldKind::reference: {
        // A reference whose register another field names (an action's origin) keeps a display id as typed, for
        // the app layer to check against that field.
        if (target.starts_with('@')) {
            std::int64_t id = 0;
            if (parse_integer(text, id) && id > 0)
                return Value{id};
            return Value{text};
        }
        const auto* info = find_register(kind == FieldKind::person ? std::string_view("person") : target);
        if (!info)
            return Error::internal(fmt::format("core: {} refers to an unknown register {}", name, target));
        auto ref = C9_TRY(parse_row_ref(*info, name, text));
        if (ref.id)
            return Value{*ref.id};
        return Value{ref.key};
    }
    case FieldKind::controls: {
        auto normalized = normalize_controls(text);
        if (!normalized)
            return Error::invalid(name, normalized.error().message());
        return Value{*normalized};
    }
    }
    return Error::internal("unknown field kind");
}

namespace {

struct ControlCode {
    int theme;
    int number;
};

std::optional<ControlCode> parse_control_code(std::string_view text)
{
    if (text.starts_with("A.") || text.starts_with("a."))
        text.remove_prefix(2);
    auto dot = text.find('.');
    if (dot == std::string_view::npos)
        return std::nullopt;
    ControlCode code{};
    auto first = std::from_chars(text.data(), text.data() + dot, code.theme);
    auto second = std::from_chars(text.data() + dot + 1, text.data() + text.size(), code.number);
    if (first.ec != std::errc() || first.ptr != text.data() + dot || second.ec != std::errc() ||
        second.ptr != text.data() + text.size())
        return std::nullopt;
    if (code.theme < 5 || code.theme > 8 || code.number < 1 || code.number > 99)
        return std::nullopt;
    return code;
}

} // namespace

Result<std::string> normalize_controls(std::string_view text)
{
    std::vector<ControlCode> codes;
    std::string token;
    auto flush = [&]() -> Result<void> {
        if (token.empty())
            return {};
        auto code = parse_control_code(token);
        if (!code)
            return Error::invalid("controls", fmt::format("\"{}\" is not an Annex A control id like 8.8", token));
        codes.push_back(*code);
        token.clear();
        return {};
    };
    for (char c : text) {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
            C9_TRY(flush());
        } else {
            token += c;
        }
    }
    C9_TRY(flush());
    std::sort(codes.begin(), codes.end(),
              [](auto a, auto b) { return a.theme != b.theme ? a.theme < b.theme : a.number < b.number; });
    codes.erase(std::unique(codes.begin(), codes.end(),
                            [](auto a, auto b) { return a.theme == b.theme && a.number == b.number; }),
                codes.end());
    std::string out;
    for (auto code : codes) {
        if (!out.empty())
            out += ", ";
        out += fmt::format("{}.{}", code.theme, code.number);
    }
    return out;
}

std::vector<std::string> split_controls(std::string_view canonical)
{
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < canonical.size()) {
        size_t end = canonical.find(", ", pos);
        if (end == std::string_view::npos)
            end = canonical.size();
        if (end > pos)
            out.emplace_back(canonical.substr(pos, end - pos));
        pos = end + 2;
    }
    return out;
}

} // namespace c9
