#include "export/html_text.h"

#include "export/plain_text.h"

namespace c9 {

std::string html_escape(std::string_view text)
{
    std::string cleaned = clean_text(text);
    std::string out;
    out.reserve(cleaned.size() + cleaned.size() / 8);
    for (char c : cleaned) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

} // namespace c9
