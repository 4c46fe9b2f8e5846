#include "api/body.h"

#include <cmath>
#include <fmt/format.h>

namespace c9 {

BodyReader::BodyReader(const Json& object, std::initializer_list<std::string_view> members) : m_object(object)
{
    for (const auto& [key, value] : object.items()) {
        bool known = false;
        for (auto name : members)
            known = known || name == key;
        if (!known)
            m_problems.add(key, fmt::format("is not taken here (this takes {})", fmt::join(members, ", ")));
    }
}

const Json* BodyReader::member(std::string_view name, Need need)
{
    auto found = m_object.find(name);
    if (found == m_object.end() || found->is_null()) {
        if (need == Need::required)
            m_problems.add(std::string(name), "is required");
        return nullptr;
    }
    return &*found;
}

std::optional<std::string> BodyReader::text(std::string_view name, Need need, size_t max_length)
{
    const auto* json = member(name, need);
    if (!json)
        return std::nullopt;
    if (!json->is_string()) {
        m_problems.add(std::string(name), "must be a string");
        return std::nullopt;
    }
    auto value = json->get<std::string>();
    if (value.size() > max_length) {
        m_problems.add(std::string(name), fmt::format("must be at most {} bytes", max_length));
        return std::nullopt;
    }
    if (need == Need::required && value.empty()) {
        m_problems.add(std::string(name), "is required");
        return std::nullopt;
    }
    return value;
}

std::optional<double> BodyReader::number(std::string_view name, Need need)
{
    const auto* json = member(name, need);
    if (!json)
        return std::nullopt;
    if (!json->is_number() || !std::isfinite(json->get<double>())) {
        m_problems.add(std::string(name), "must be a finite number");
        return std::nullopt;
    }
    return json->get<double>();
}

std::optional<bool> BodyReader::flag(std::string_view name, Need need)
{
    const auto* json = member(name, need);
    if (!json)
        return std::nullopt;
    if (!json->is_boolean()) {
        m_problems.add(std::string(name), "must be true or false");
        return std::nullopt;
    }
    return json->get<bool>();
}

std::optional<std::string> BodyReader::person(std::string_view name, Need need)
{
    return reference(name, "a person's id or email", need);
}

std::optional<std::string> BodyReader::reference(std::string_view name, std::string_view what, Need need)
{
    const auto* json = member(name, need);
    if (!json)
        return std::nullopt;
    if (json->is_number_integer() && json->get<std::int64_t>() > 0)
        return std::to_string(json->get<std::int64_t>());
    if (json->is_string() && !json->get<std::string>().empty() && json->get<std::string>().size() <= 254)
        return json->get<std::string>();
    m_problems.add(std::string(name), "must be " + std::string(what));
    return std::nullopt;
}

} // namespace c9
