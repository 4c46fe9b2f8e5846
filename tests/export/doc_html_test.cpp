#include "core/audit.h"
#include "export/doc_html.h"
#include "sample_docs.h"

#include <gtest/gtest.h>

namespace c9 {
namespace {

using test::review_agenda;
using test::review_minutes;
using test::sample_approval;

std::vector<unsigned char> decode_base64(std::string_view text)
{
    static constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::vector<unsigned char> bytes;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=')
            break;
        buffer = buffer << 6 | static_cast<unsigned>(alphabet.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(static_cast<unsigned char>(buffer >> bits & 0xFF));
        }
    }
    return bytes;
}

std::string to_hex(const std::vector<unsigned char>& bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    for (auto byte : bytes) {
        hex += digits[byte >> 4];
        hex += digits[byte & 15];
    }
    return hex;
}

std::string style_text(const std::string& html)
{
    auto open = html.find("<style>");
    auto close = html.find("</style>");
    EXPECT_NE(open, std::string::npos);
    EXPECT_NE(close, std::string::npos);
    EXPECT_EQ(html.find("<style", open + 1), std::string::npos) << "one style element only";
    return html.substr(open + 7, close - open - 7);
}

std::vector<std::string> both_pages()
{
    auto minutes = review_minutes();
    minutes.approval = sample_approval();
    return {agenda_html(review_agenda()), minutes_html(review_minutes()), minutes_html(minutes)};
}

TEST(DocHtml, PagesAreSelfContainedAndScriptFree)
{
    for (const auto& html : both_pages()) {
        EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
        EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
        EXPECT_EQ(html.find("<script"), std::string::npos);
        EXPECT_EQ(html.find("http://"), std::string::npos);
        EXPECT_EQ(html.find("https://"), std::string::npos);
        EXPECT_EQ(html.find("src="), std::string::npos);
        EXPECT_EQ(html.find("<link"), std::string::npos);
        EXPECT_EQ(html.find("url("), std::string::npos);
        EXPECT_EQ(html.find("@import"), std::string::npos);
        EXPECT_EQ(html.find(" style="), std::string::npos) << "style attributes would need 'unsafe-hashes'";
        EXPECT_EQ(html.find("<th>"), std::string::npos) << "every table header has a scope";
        EXPECT_NE(html.find("<th scope=\"col\">"), std::string::npos);
        EXPECT_NE(html.find("@media print"), std::string::npos);
        EXPECT_NE(html.find("size:A4"), std::string::npos);
        EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
    }
}

TEST(DocHtml, InlineStyleMatchesTheCspHash)
{
    auto hash = document_style_hash();
    ASSERT_EQ(hash.rfind("'sha256-", 0), 0u);
    ASSERT_EQ(hash.back(), '\'');
    auto digest = decode_base64(std::string_view(hash).substr(8, hash.size() - 9));
    ASSERT_EQ(digest.size(), 32u);
    for (const auto& html : both_pages())
        EXPECT_EQ(to_hex(digest), sha256_hex(style_text(html)));
}

TEST(DocHtml, AgendaShowsTheSameContentAsTheMarkdown)
{
    auto html = agenda_html(review_agenda());
    const std::string_view expected[] = {
        "<title>Agenda: Management review Q1 2026</title>",
        "<h1>Management review Q1 2026</h1>",
        "<dt>Date and time</dt><dd>2026-03-31 14:00 UTC to 15:00 UTC</dd>",
        "<strong>Warning: over time.</strong>",
        "<h3>Action items</h3>",
        "<th scope=\"row\" class=\"num\">2</th><td>Open action items</td><td>Bob Notes</td>",
        "<td class=\"uncovered\">NOT COVERED</td>",
        "<td class=\"rag rag-amber\">Amber</td>",
        "<td class=\"rag rag-red\">Red</td>",
    };
    for (auto text : expected)
        EXPECT_NE(html.find(text), std::string::npos) << text;
}

TEST(DocHtml, MinutesShowRecordAndApprovalState)
{
    auto draft = minutes_html(review_minutes());
    const std::string_view expected[] = {
        "<title>Minutes: Management review Q1 2026</title>",
        "<dt>Actual start</dt><dd>2026-03-31 14:03 UTC</dd>",
        "<td>Excused</td>",
        "<strong>Quorum:</strong> reached: 3 present, 3 required.",
        "<div class=\"notes\">Two actions overdue.\nACT-103 moved to the next meeting.</div>",
        "<th scope=\"row\">DEC-3</th>",
        "<td>Carol Member</td><td class=\"nw\">2026-04-30</td><td>Open</td>",
        "Reason recorded for the uncovered inputs:",
        "Draft: not approved.",
    };
    for (auto text : expected)
        EXPECT_NE(draft.find(text), std::string::npos) << text;

    auto doc = review_minutes();
    doc.approval = sample_approval();
    auto approved = minutes_html(doc);
    EXPECT_EQ(approved.find("Draft: not approved"), std::string::npos);
    EXPECT_NE(approved.find("<code>" + doc.approval->sha256 + "</code>"), std::string::npos);
    EXPECT_NE(approved.find("<dt>Approved at</dt><dd>2026-04-02 09:15:27 UTC</dd>"), std::string::npos);
}

} // namespace
} // namespace c9
