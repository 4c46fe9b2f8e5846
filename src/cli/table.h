// Plain text tables for list output: one header row, columns as wide as their widest cell (long cells cut).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace c9 {

class TextTable {
public:
    explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}
    void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }
    size_t size() const { return m_rows.size(); }
    void print(std::ostream& out, size_t max_width = 48) const;

private:
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

// Width in terminal columns of UTF-8 text (each code point counts one).
size_t display_width(const std::string& text);
std::string cut(const std::string& text, size_t width);

} // namespace c9
