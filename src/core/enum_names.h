// Enumerations are stored and exchanged by name ("critical", "in_progress"). Each enum specialises EnumNames with
// its names in declaration order; to_string and parse_enum then work for all of them.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace c9 {

template <class E>
struct EnumNames;

template <class E>
concept NamedEnum = requires { EnumNames<E>::names; };

template <NamedEnum E>
constexpr std::span<const std::string_view> enum_names()
{
    return EnumNames<E>::names;
}

template <NamedEnum E>
constexpr std::string_view to_string(E value)
{
    return EnumNames<E>::names[static_cast<size_t>(value)];
}

template <NamedEnum E>
constexpr std::optional<E> parse_enum(std::string_view name)
{
    const auto& names = EnumNames<E>::names;
    for (size_t index = 0; index < names.size(); ++index)
        if (names[index] == name)
            return static_cast<E>(index);
    return std::nullopt;
}

} // namespace c9

// Declares the names of an enum: C9_ENUM_NAMES(Severity, "low", "medium", "high", "critical").
#define C9_ENUM_NAMES(Enum, ...)                                                                                       \
    template <>                                                                                                        \
    struct EnumNames<Enum> {                                                                                           \
        static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__});                                                              \
    }
