#include "export/text_escape.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

struct EscapeCase {
    std::string_view input;
    std::string_view expected;
};

TEST(TextEscape, MarkdownInlineEscapesEveryStructuralCharacter)
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

TEST(TextEscape, MarkdownCellKeepsLinesAsBreaks)
{
    EXPECT_EQ(markdown_cell("first | cell\nsecond *line*"), "first \\| cell<br>second \\*line\\*");
    EXPECT_EQ(markdown_cell("<br>"), "\\<br\\>");
}

TEST(TextEscape, MarkdownCellTrimsEachLineButKeepsOuterLineBreaks)
{
    EXPECT_EQ(markdown_cell(" \n  padded \n\t"), "<br>padded<br>");
    EXPECT_EQ(markdown_cell(" \t "), "");
}

TEST(TextEscape, MarkdownBlockEscapesLineStartsAndKeepsLines)
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

TEST(TextEscape, MarkdownTableHasOneCellPerColumn)
{
    auto table = markdown_table({"A", "B"}, {{"x | y", "1"}, {"only one"}}, {false, true});
    EXPECT_EQ(table, "| A | B |\n|---|---:|\n| x \\| y | 1 |\n| only one |  |\n");
}

TEST(TextEscape, HtmlEscapesMarkupAndQuotes)
{
    EXPECT_EQ(html_escape("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(TextEscape, CleanTextRepairsUtf8AndDropsControls)
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

TEST(TextEscape, NumbersAndTimes)
{
    EXPECT_EQ(format_number(92.5), "92.5");
    EXPECT_EQ(format_number(3), "3");
    EXPECT_EQ(format_number(1.0 / 3), "0.33");
    EXPECT_EQ(format_number(-0.001), "0");
    EXPECT_EQ(format_number(1234567), "1234567");
    auto at = *parse_timestamp("2026-03-31T14:05:09Z");
    EXPECT_EQ(format_utc_minutes(at), "2026-03-31 14:05 UTC");
    EXPECT_EQ(format_utc_seconds(at), "2026-03-31 14:05:09 UTC");
    EXPECT_EQ(format_utc_time(at), "14:05 UTC");
}

TEST(TextEscape, KpiWording)
{
    KpiStatus status;
    status.kpi.unit = "%";
    status.kpi.target = 95;
    status.kpi.amber = 90;
    status.kpi.frequency = KpiFrequency::quarterly;
    status.period = *parse_date("2026-04-01");
    status.value = 92.5;
    EXPECT_EQ(kpi_value_text(status), "92.5%");
    EXPECT_EQ(kpi_target_text(status.kpi), "at least 95% (amber down to 90%)");
    EXPECT_EQ(kpi_period_text(status), "2026-Q2");
    status.kpi.direction = Direction::lower_is_better;
    status.kpi.unit = "days";
    status.kpi.amber.reset();
    EXPECT_EQ(kpi_target_text(status.kpi), "at most 95 days");
    status.value.reset();
    EXPECT_EQ(kpi_value_text(status), "no value");
    EXPECT_EQ(rag_words(std::nullopt), "No value");
}

} // namespace
} // namespace c9
