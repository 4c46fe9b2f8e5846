// Typed text made fit for a document. Everything in an agenda or the minutes comes from the registers and is typed
// by people, so it may hold invalid UTF-8, control characters or line ends of any kind. Every renderer cleans model
// text with these before escaping it for its format (markdown_text.h, html_text.h), so no value can change the
// structure of a document or hide part of it (ISO/IEC 27001:2022 7.5.3: documented information protected from loss
// of integrity).
#pragma once

#include <string>
#include <string_view>

namespace c9 {

// Valid UTF-8 (invalid bytes become U+FFFD), LF line ends (CR LF and lone CR become LF), no control characters other
// than LF and tab.
std::string clean_text(std::string_view text);
// clean_text on one line: line ends and tabs become spaces, surrounding spaces are trimmed.
std::string one_line(std::string_view text);

} // namespace c9
