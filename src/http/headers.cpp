#include "http/headers.h"

#include <algorithm>

namespace c9::http {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

} // namespace

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size()
        && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim_ows(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

void Headers::add(std::string name, std::string value) { m_fields.emplace_back(std::move(name), std::move(value)); }

void Headers::set(std::string_view name, std::string value)
{
    remove(name);
    m_fields.emplace_back(std::string(name), std::move(value));
}

void Headers::remove(std::string_view name)
{
    std::erase_if(m_fields, [&](const Field& field) { return iequals(field.first, name); });
}

std::optional<std::string_view> Headers::get(std::string_view name) const
{
    for (const auto& [field_name, value] : m_fields) {
        if (iequals(field_name, name))
            return value;
    }
    return std::nullopt;
}

std::vector<std::string_view> Headers::get_all(std::string_view name) const
{
    std::vector<std::string_view> values;
    for (const auto& [field_name, value] : m_fields) {
        if (iequals(field_name, name))
            values.push_back(value);
    }
    return values;
}

} // namespace c9::http
