#include "export/markdown_text.h"

#include "core/text.h"
#include "export/plain_text.h"

#include <cctype>

namespace c9 {

namespace {

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "&amp;" or "&#60;" would be read as an entity by a Markdown renderer and shown as "&" or "<".
bool starts_entity(std::string_view text, size_t pos)
{
    size_t end = pos + 1;
    while (end < text.size() && end - pos <= 32
           && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '#'))
        ++end;
    return end > pos + 1 && end < text.size() && text[end] == ';';
}

void append_markdown_escaped(std::string& out, std::string_view line)
{
    for (size_t pos = 0; pos < line.size(); ++pos) {
        char c = line[pos];
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
        case '#':
            out += '\\';
            break;
        case '&':
            if (starts_entity(line, pos))
                out += '\\';
            break;
        case '_':
            // An underscore between letters or digits never opens or closes emphasis (CommonMark 6.2), so
            // "issues_found" stays readable as plain text.
            if (!(pos > 0 && pos + 1 < line.size() && is_ascii_alnum(line[pos - 1]) && is_ascii_alnum(line[pos + 1])))
                out += '\\';
            break;
        default:
            break;
        }
        out += c;
    }
}

// A line that would start a list, a setext underline or a thematic break when it opens a line of a paragraph.
void escape_line_start(std::string& line)
{
    if (line.empty())
        return;
    if (line[0] == '-' || line[0] == '+' || line[0] == '=') {
        line.insert(0, 1, '\\');
        return;
    }
    size_t digits = 0;
    while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'))
        line.insert(digits, 1, '\\');
}

std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (true) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

} // namespace

std::string markdown_inline(std::string_view text)
{
    std::string out;
    append_markdown_escaped(out, one_line(text));
    return out;
}

std::string markdown_cell(std::string_view text)
{
    std::string cleaned = clean_text(text);
    std::string out;
    bool first = true;
    for (auto line : split_lines(cleaned)) {
        if (!first)
            out += "<br>";
        first = false;
        append_markdown_escaped(out, trim(line));
    }
    return out;
}

std::string markdown_block(std::string_view text)
{
    std::string cleaned = clean_text(text);
    std::string out;
    bool in_paragraph = false;
    bool blank_pending = false;
    for (auto raw_line : split_lines(cleaned)) {
        auto line = trim(raw_line);
        if (line.empty()) {
            blank_pending = in_paragraph;
            continue;
        }
        std::string escaped;
        append_markdown_escaped(escaped, line);
        escape_line_start(escaped);
        if (blank_pending)
            out += "\n\n";
        else if (in_paragraph)
            out += "\\\n"; // CommonMark hard line break: the note keeps its lines
        out += escaped;
        in_paragraph = true;
        blank_pending = false;
    }
    return out;
}

std::string markdown_code(std::string_view text)
{
    std::string line = one_line(text);
    if (line.empty() || line.find('`') != std::string::npos)
        return markdown_inline(line);
    return "`" + line + "`";
}

std::string markdown_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& numeric)
{
    std::string out = "|";
    for (const auto& header : headers)
        out += " " + markdown_cell(header) + " |";
    out += "\n|";
    for (size_t column = 0; column < headers.size(); ++column)
        out += column < numeric.size() && numeric[column] ? "---:|" : "---|";
    out += "\n";
    for (const auto& row : rows) {
        out += "|";
        for (size_t column = 0; column < headers.size(); ++column) {
            std::string cell = column < row.size() ? markdown_cell(row[column]) : std::string();
            out += " " + cell + " |";
        }
        out += "\n";
    }
    return out;
}

} // namespace c9
