#include "export/markdown_text.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

struct EscapeCase {
    std::string_view input;
    std::string_view expected;
};

TEST(MarkdownText, MarkdownInlineEscapesEveryStructuralCharacter)
{
    const EscapeCase cases[] = {
        {"plain MTG-12 text.", "plain MTG-12 text."},
        {"<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"},
        {"a | b", "a \\| b"},
        {"**bold** _em_ `code` ~~gone~~", "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~"},
        {"[link](http://x)", "\\[link\\](http://x)"},
        {"# not a heading", "\\# not a heading"},
        {"issues_found snake_case __init__ _x", "issues_found snake_case \\_\\_init\\_\\_ \\_x"},
        {"back\\slash", "back\\\\slash"},
        {"&amp; &#60; R&D", "\\&amp; \\&\\#60; R&D"},
        {"line one\nline two\r\nthree", "line one line two three"},
        {"  padded\t", "padded"},
    };
    for (const auto& test : cases)
        EXPECT_EQ(markdown_inline(test.input), test.expected) << test.input;
}

TEST(MarkdownText, MarkdownCellKeepsLinesAsBreaks)
{
    EXPECT_EQ(markdown_cell("first | cell\nsecond *line*"), "first \\| cell<br>second \\*line\\*");
    EXPECT_EQ(markdown_cell("<br>"), "\\<br\\>");
}

TEST(MarkdownText, MarkdownCellTrimsEachLineButKeepsOuterLineBreaks)
{
    EXPECT_EQ(markdown_cell(" \n  padded \n\t"), "<br>padded<br>");
    EXPECT_EQ(markdown_cell(" \t "), "");
}

TEST(MarkdownText, MarkdownBlockEscapesLineStartsAndKeepsLines)
{
    const EscapeCase cases[] = {
        {"", ""},
        {"one line", "one line"},
        {"first\nsecond", "first\\\nsecond"},
        {"para one\n\n\npara two", "para one\n\npara two"},
        {"- not a list\n+ nor this\n1. nor this\n2) nor this", "\\- not a list\\\n\\+ nor this\\\n1\\. nor this\\\n2\\) nor this"},
        {"title\n===\n---", "title\\\n\\===\\\n\\---"},
        {"## Approval", "\\#\\# Approval"},
        {"> quoted\n    indented code", "\\> quoted\\\nindented code"},
        {"```\nfence\n```", "\\`\\`\\`\\\nfence\\\n\\`\\`\\`"},
        {"ends with a backslash\\\nnext", "ends with a backslash\\\\\\\nnext"},
    };
    for (const auto& test : cases)
        EXPECT_EQ(markdown_block(test.input), test.expected) << test.input;
}

TEST(MarkdownText, MarkdownTableHasOneCellPerColumn)
{
    auto table = markdown_table({"A", "B"}, {{"x | y", "1"}, {"only one"}}, {false, true});
    EXPECT_EQ(table, "| A | B |\n|---|---:|\n| x \\| y | 1 |\n| only one |  |\n");
}

} // namespace
} // namespace c9
