// Pieces of a request target (RFC 3986): percent-decoding, path segments and the query string.
// Each returns nullopt for malformed input so the server can answer 400 instead of guessing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace c9::http {

// In a query string '+' means a space (HTML form encoding); in a path it is a plain '+'.
enum class PlusIsSpace { No, Yes };

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes. Fails on a truncated or non-hex escape and on %00, which no legitimate path or parameter
// holds and which would cut strings short in anything that later treats them as C strings.
std::optional<std::string> percent_decode(std::string_view text, PlusIsSpace plus = PlusIsSpace::No);

// Splits "/a/b%20c/" into {"a", "b c", ""}; "/" gives no segments. The path must start with '/'.
// Segments are decoded one by one so an encoded slash (%2F) stays inside its segment.
std::optional<std::vector<std::string>> split_path(std::string_view raw_path);

// Parses "a=1&b=&a=2&c" into {{"a","1"},{"b",""},{"a","2"},{"c",""}}: order and repeated keys are kept.
std::optional<QueryParams> parse_query(std::string_view query);

} // namespace c9::http
