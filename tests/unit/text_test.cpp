#include "core/text.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

TEST(Text, TrimDropsBlanksAtBothEndsOnly)
{
    struct Case {
        std::string_view text;
        std::string_view expected;
    };
    const Case cases[] = {
        {"", ""},
        {"plain", "plain"},
        {"  padded\t", "padded"},
        {"\r\n line end \n", "line end"},
        {" \t\r\n ", ""},
        {"inner  \t spaces", "inner  \t spaces"},
        {"\vform feed\f", "\vform feed\f"}, // only space, tab, CR and LF are blanks
        {"\xC2\xA0no-break\xC2\xA0", "\xC2\xA0no-break\xC2\xA0"}, // UTF-8 passes through untouched
    };
    for (const auto& test : cases)
        EXPECT_EQ(trim(test.text), test.expected) << test.text;
}

TEST(Text, TrimReturnsAViewIntoItsInput)
{
    std::string text = "  iso  ";
    auto trimmed = trim(text);
    EXPECT_EQ(trimmed.data(), text.data() + 2);
    EXPECT_EQ(trimmed.size(), 3U);
}

TEST(Text, LowerAndUpperFoldAsciiLettersOnly)
{
    struct Case {
        std::string_view text;
        std::string_view lower;
        std::string_view upper;
    };
    const Case cases[] = {
        {"", "", ""},
        {"Admin@Example.ORG", "admin@example.org", "ADMIN@EXAMPLE.ORG"},
        {"FREQ=weekly;Interval=2", "freq=weekly;interval=2", "FREQ=WEEKLY;INTERVAL=2"},
        {"0-9 _@[`{", "0-9 _@[`{", "0-9 _@[`{"},
        {"\xC3\x84rger Gr\xC3\xBCn", "\xC3\x84rger gr\xC3\xBCn", "\xC3\x84RGER GR\xC3\xBCN"}, // only ASCII folds
    };
    for (const auto& test : cases) {
        EXPECT_EQ(lower(test.text), test.lower) << test.text;
        EXPECT_EQ(upper(test.text), test.upper) << test.text;
    }
}

TEST(Text, SplitListTakesItemsAsTyped)
{
    struct Case {
        std::string_view text;
        std::vector<std::string> items;
    };
    const Case cases[] = {
        {"", {}},
        {" ,; \t\r\n", {}},
        {"iso", {"iso"}},
        {"iso, it  management", {"iso", "it", "management"}},
        {"5.1;8.8", {"5.1", "8.8"}},
        {"INC-4,,RSK-12;\r\nACT-3\tLL-1", {"INC-4", "RSK-12", "ACT-3", "LL-1"}},
        {"  Mixed Case, kept ", {"Mixed", "Case", "kept"}},
        {"b, a, b", {"b", "a", "b"}}, // order and repeats kept
    };
    for (const auto& test : cases)
        EXPECT_EQ(split_list(test.text), test.items) << test.text;
}

} // namespace
} // namespace c9
