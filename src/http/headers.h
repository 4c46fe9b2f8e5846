// HTTP header fields with case-insensitive names (RFC 9110 5.1). A plain list rather than a map: requests carry a
// dozen fields, order is kept for the wire, and a repeated field (Set-Cookie) stays repeated.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace c9::http {

bool iequals(std::string_view a, std::string_view b);
// Without the optional white space around a field value or an item of a list in one: spaces and tabs (RFC 9110
// 5.6.3). The HTTP layer includes nothing from core/, so this is not core's trim().
std::string_view trim_ows(std::string_view text);

class Headers {
public:
    using Field = std::pair<std::string, std::string>;

    // Appends a field, keeping any with the same name (Set-Cookie is sent once per cookie).
    void add(std::string name, std::string value);
    // Replaces every field with this name by one.
    void set(std::string_view name, std::string value);
    void remove(std::string_view name);

    // The first field with this name.
    std::optional<std::string_view> get(std::string_view name) const;
    std::vector<std::string_view> get_all(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }

    auto begin() const { return m_fields.begin(); }
    auto end() const { return m_fields.end(); }
    size_t size() const { return m_fields.size(); }
    bool empty() const { return m_fields.empty(); }

private:
    std::vector<Field> m_fields;
};

} // namespace c9::http
