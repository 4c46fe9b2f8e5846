#include "export/plain_text.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

struct EscapeCase {
    std::string_view input;
    std::string_view expected;
};

TEST(PlainText, CleanTextRepairsUtf8AndDropsControls)
{
    const EscapeCase cases[] = {
        {"Gr\xC3\xBC\xC3\x9F" "e", "Gr\xC3\xBC\xC3\x9F" "e"},
        {"bad \xC3 byte", "bad \xEF\xBF\xBD byte"},
        {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
        {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"bell\x07 esc\x1B del\x7F", "bell esc del"},
        {"a\r\nb\rc\n", "a\nb\nc\n"},
        {std::string_view("nul\0byte", 8), "nulbyte"},
    };
    for (const auto& test : cases)
        EXPECT_EQ(clean_text(test.input), test.expected) << test.input;
}

} // namespace
} // namespace c9
