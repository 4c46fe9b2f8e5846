#include "core/text.h"

namespace c9 {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_separator(char c) { return c == ',' || c == ';' || is_blank(c); }

} // namespace

std::string_view trim(std::string_view text)
{
    while (!text.empty() && is_blank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string common_noun(std::string_view title)
{
    std::string noun(title);
    bool acronym = noun.size() > 1 && noun[1] >= 'A' && noun[1] <= 'Z';
    if (!acronym && !noun.empty() && noun.front() >= 'A' && noun.front() <= 'Z')
        noun.front() = static_cast<char>(noun.front() - 'A' + 'a');
    return noun;
}

std::string with_article(std::string_view title)
{
    auto noun = common_noun(title);
    bool vowel = !noun.empty() && std::string_view("aeiouAEIOU").find(noun.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + noun;
}

std::vector<std::string> split_list(std::string_view text)
{
    std::vector<std::string> items;
    size_t start = 0;
    for (size_t index = 0; index <= text.size(); ++index) {
        if (index < text.size() && !is_separator(text[index]))
            continue;
        if (index > start)
            items.emplace_back(text.substr(start, index - start));
        start = index + 1;
    }
    return items;
}

} // namespace c9
