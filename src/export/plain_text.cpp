#include "export/plain_text.h"

#include "core/text.h"

namespace c9 {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at text[pos], 0 when the bytes there are not one (overlong forms, surrogates
// and code points past U+10FFFF included).
size_t utf8_sequence_length(std::string_view text, size_t pos)
{
    auto byte = [&](size_t offset) { return static_cast<unsigned char>(text[pos + offset]); };
    unsigned char lead = byte(0);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    if (byte(1) < low || byte(1) > high)
        return 0;
    for (size_t offset = 2; offset < length; ++offset)
        if (byte(offset) < 0x80 || byte(offset) > 0xBF)
            return 0;
    return length;
}

} // namespace

std::string clean_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        size_t length = utf8_sequence_length(text, pos);
        if (length == 0) {
            out += replacement_character;
            ++pos;
            continue;
        }
        if (length > 1) {
            out.append(text.substr(pos, length));
            pos += length;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(text[pos++]);
        if (c == '\r') {
            out += '\n';
            if (pos < text.size() && text[pos] == '\n')
                ++pos;
        } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F)) {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string one_line(std::string_view text)
{
    std::string cleaned = clean_text(text);
    for (char& c : cleaned)
        if (c == '\n' || c == '\t')
            c = ' ';
    return std::string(trim(cleaned));
}

} // namespace c9
