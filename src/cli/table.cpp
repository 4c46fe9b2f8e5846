#include "cli/table.h"

#include <algorithm>

namespace c9 {

size_t display_width(const std::string& text)
{
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xc0) != 0x80; }));
}

std::string cut(const std::string& text, size_t width)
{
    std::string single_line = text;
    std::replace(single_line.begin(), single_line.end(), '\n', ' ');
    if (display_width(single_line) <= width)
        return single_line;
    std::string out;
    size_t count = 0;
    for (char c : single_line) {
        if ((c & 0xc0) != 0x80) {
            if (count + 1 >= width)
                break;
            ++count;
        }
        out += c;
    }
    return out + "\u2026";
}

void TextTable::print(std::ostream& out, size_t max_width) const
{
    std::vector<size_t> widths(m_header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (size_t column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = std::max(widths[column], std::min(display_width(row[column]), max_width));
    };
    measure(m_header);
    for (const auto& row : m_rows)
        measure(row);
    auto print_row = [&](const std::vector<std::string>& row) {
        std::string line;
        for (size_t column = 0; column < widths.size(); ++column) {
            std::string cell = column < row.size() ? cut(row[column], max_width) : std::string();
            line += cell;
            if (column + 1 < widths.size())
                line += std::string(widths[column] - display_width(cell) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    print_row(m_header);
    for (const auto& row : m_rows)
        print_row(row);
}

} // namespace c9
