// Model text as Markdown. A title may hold "| **x** |" and a note a line "## Approval"; escaped here, it shows as
// typed and cannot add a table cell, a heading or a section to the minutes whose Markdown is sealed (ISO/IEC
// 27001:2022 7.5.3: documented information protected from loss of integrity). The text is cleaned first
// (plain_text.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// Markdown text inside a line (a heading, a list entry, a table cell): every character that could open emphasis,
// code, a link, raw HTML, an entity, strikethrough or a table cell boundary is backslash-escaped; line ends become
// spaces.
std::string markdown_inline(std::string_view text);
// A Markdown table cell: markdown_inline, with line ends kept as <br>.
std::string markdown_cell(std::string_view text);
// Free text of several lines as Markdown paragraphs: each line escaped inline and against block markers at its start
// ("#", ">", "-", "+", "=", "1."), lines kept apart by hard breaks, blank lines kept as paragraph breaks.
std::string markdown_block(std::string_view text);
// A machine value (a hash) as a code span; text that a code span cannot hold falls back to markdown_inline.
std::string markdown_code(std::string_view text);
// A GitHub-flavoured Markdown table; cells are model text and are escaped here. `numeric` right-aligns columns.
std::string markdown_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& numeric = {});

} // namespace c9
