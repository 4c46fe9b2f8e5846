// Small text helpers every layer needs, written once: trimming, ASCII case folding and splitting a typed list.
// They work on bytes and touch only ASCII, so UTF-8 text passes through unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view text);

// ASCII letters folded to lower case; every other byte kept (emails, role names, header names).
std::string lower(std::string_view text);
std::string upper(std::string_view text);

// A title as a noun inside a sentence: "Maintenance activity" -> "maintenance activity"; acronyms stay ("KPI").
std::string common_noun(std::string_view title);
// "a risk", "an incident", "a KPI".
std::string with_article(std::string_view title);

// The items of a list as people type it: "iso, it  management" or "5.1;8.8". Items are separated by commas,
// semicolons or white space; empty items are dropped and the rest kept as typed, in order.
std::vector<std::string> split_list(std::string_view text);

} // namespace c9
