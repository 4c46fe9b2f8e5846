// A field value as it crosses layers: null, integer, real or text. Booleans are integers 0/1; dates, instants and
// enumerations are text in their canonical form. Core types convert to and from Value field by field (entity.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace c9 {

using Id = std::int64_t;
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline bool is_null(const Value& value) { return std::holds_alternative<std::monostate>(value); }

// Text for history rows, tables and messages: "" for null, integers and reals without noise.
std::string to_text(const Value& value);

// Whether the text is well-formed UTF-8 (RFC 3629: shortest forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text);

// What is wrong with a text a person typed, if anything: it must be UTF-8 (shortest forms, no surrogates) and hold
// no NUL character. Both engines then store exactly what was given; PostgreSQL refuses anything else outright.
std::optional<std::string> text_problem(std::string_view text);
// Why valid UTF-8 text may not be stored as a row's field: a control character other than a tab or a line break (LF,
// or CR LF). Escape sequences (ESC, CSI) would act on a terminal showing the row, and other controls break tables
// and documents. Nothing when the text is fine.
std::optional<std::string> control_problem(std::string_view text);

} // namespace c9
