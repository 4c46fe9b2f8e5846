#include "core/value.h"

#include <fmt/format.h>

namespace c9 {

std::string to_text(const Value& value)
{
    struct Visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t number) const { return std::to_string(number); }
        std::string operator()(double number) const { return fmt::format("{}", number); }
        std::string operator()(const std::string& text) const { return text; }
    };
    return std::visit(Visitor{}, value);
}

namespace {

struct Utf8Scan {
    size_t bad_byte = std::string_view::npos; // offset of the first byte that breaks the encoding
    bool truncated = false;                   // the text ends inside a character
    bool nul = false;                         // a NUL comes before any bad byte
};

Utf8Scan scan_utf8(std::string_view text)
{
    size_t index = 0;
    while (index < text.size()) {
        auto byte = static_cast<unsigned char>(text[index]);
        if (byte == 0)
            return {std::string_view::npos, false, true};
        if (byte < 0x80) {
            ++index;
            continue;
        }
        // Lead byte: the sequence length and the smallest code point it may encode.
        size_t length = 0;
        char32_t code = 0, minimum = 0;
        if ((byte & 0xE0) == 0xC0)
            length = 2, code = byte & 0x1F, minimum = 0x80;
        else if ((byte & 0xF0) == 0xE0)
            length = 3, code = byte & 0x0F, minimum = 0x800;
        else if ((byte & 0xF8) == 0xF0)
            length = 4, code = byte & 0x07, minimum = 0x10000;
        else
            return {index};
        if (index + length > text.size())
            return {index, true};
        for (size_t next = 1; next < length; ++next) {
            auto continuation = static_cast<unsigned char>(text[index + next]);
            if ((continuation & 0xC0) != 0x80)
                return {index + next};
            code = (code << 6) | (continuation & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return {index};
        index += length;
    }
    return {};
}

} // namespace

bool valid_utf8(std::string_view text)
{
    auto scan = scan_utf8(text);
    // A NUL is a valid character; only what follows it is still to be checked.
    while (scan.nul) {
        auto nul = text.find('\0');
        text.remove_prefix(nul + 1);
        scan = scan_utf8(text);
    }
    return scan.bad_byte == std::string_view::npos;
}

std::optional<std::string> text_problem(std::string_view text)
{
    auto scan = scan_utf8(text);
    if (scan.nul)
        return "contains a NUL character";
    if (scan.truncated)
        return std::string("is not UTF-8 text (it ends inside a character)");
    if (scan.bad_byte != std::string_view::npos)
        return fmt::format("is not UTF-8 text (byte {} of it)", scan.bad_byte + 1);
    return std::nullopt;
}

std::optional<std::string> control_problem(std::string_view text)
{
    size_t character = 0;
    for (size_t at = 0; at < text.size(); ++at) {
        auto byte = static_cast<unsigned char>(text[at]);
        if ((byte & 0xC0) != 0x80)
            ++character; // counts code points: continuation bytes do not start one
        unsigned code = byte;
        // C1 controls, U+0080 to U+009F, are C2 80 to C2 9F in UTF-8.
        if (byte == 0xC2 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) <= 0x9F
            && static_cast<unsigned char>(text[at + 1]) >= 0x80)
            code = static_cast<unsigned char>(text[at + 1]);
        else if (byte >= 0x80)
            continue;
        bool line_break = code == '\n' || (code == '\r' && at + 1 < text.size() && text[at + 1] == '\n');
        if (code == '\t' || line_break || (code >= 0x20 && code < 0x7F))
            continue;
        return fmt::format("contains a control character (U+{:04X}, character {}); only tabs and line breaks may be "
                           "stored",
            code, character);
    }
    return std::nullopt;
}

} // namespace c9
