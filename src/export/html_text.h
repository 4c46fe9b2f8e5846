// Model text as HTML: a title may hold "<script>" or a quote that would end an attribute, and shows as typed.
#pragma once

#include <string>
#include <string_view>

namespace c9 {

// HTML text content and attribute values (quotes included); the input is cleaned first (plain_text.h).
std::string html_escape(std::string_view text);

} // namespace c9
