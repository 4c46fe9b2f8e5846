// Turning typed text into field values, applying patches, CSV, the catalog and the audit hash.
#include "core/audit.h"
#include "core/catalog.h"
#include "core/csv.h"
#include "core/patch.h"
#include "core/risk.h"

#include <gtest/gtest.h>
#include <map>

namespace c9 {
namespace {

TEST(FieldInput, ParsesTextPerKind)
{
    static constexpr std::string_view colours[] = {"red", "green"};
    struct Case {
        FieldKind kind;
        const char* text;
        Value expected; // monostate with ok=false means refused
        bool ok;
    };
    std::vector<Case> cases{
        {FieldKind::integer, "42", std::int64_t{42}, true},
        {FieldKind::integer, "4.5", {}, false},
        {FieldKind::integer, "four", {}, false},
        {FieldKind::real, "7.5", 7.5, true},
        {FieldKind::real, "nan", {}, false},
        {FieldKind::boolean, "yes", std::int64_t{1}, true},
        {FieldKind::boolean, "False", std::int64_t{0}, true},
        {FieldKind::boolean, "maybe", {}, false},
        {FieldKind::date, "2026-02-28", std::string("2026-02-28"), true},
        {FieldKind::date, "2026-02-30", {}, false},
        {FieldKind::timestamp, "2026-02-28 10:00", std::string("2026-02-28T10:00:00Z"), true},
        {FieldKind::choice, "green", std::string("green"), true},
        {FieldKind::choice, "blue", {}, false},
        {FieldKind::person, "7", std::int64_t{7}, true},
        {FieldKind::person, "alice@example.org", std::string("alice@example.org"), true},
        {FieldKind::person, "alice", {}, false},
        {FieldKind::person, "0", {}, false},
        {FieldKind::reference, "INC-7", std::int64_t{7}, true},
        {FieldKind::reference, "inc-7", std::int64_t{7}, true},
        {FieldKind::reference, "RSK-7", {}, false},
        {FieldKind::controls, "A.8.8, 5.1 8.8", std::string("5.1, 8.8"), true},
        {FieldKind::controls, "9.1", {}, false},
        {FieldKind::text, "", Value{}, true},
    };
    for (const auto& test_case : cases) {
        auto parsed = parse_field_text(test_case.kind, colours, "incident", "f", test_case.text);
        EXPECT_EQ(parsed.has_value(), test_case.ok) << to_string(test_case.kind) << " " << test_case.text;
        if (parsed && test_case.ok) {
            EXPECT_EQ(*parsed, test_case.expected) << test_case.text;
        }
        if (!parsed) {
            EXPECT_EQ(parsed.error().fields().at(0).field, "f");
        }
    }
}

TEST(FieldInput, ApplyPatchIsAllOrNothing)
{
    Risk risk;
    risk.title = "old";
    auto result = apply_patch(risk_spec(), risk,
                              Patch{{"title", std::string("new")},
                                    {"inherent_score", std::int64_t{25}},
                                    {"colour", std::string("red")},
                                    {"likelihood", std::string("high")}});
    ASSERT_FALSE(result);
    std::map<std::string, std::string> errors;
    for (const auto& error : result.error().fields())
        errors[error.field] = error.message;
    EXPECT_EQ(errors.size(), 3u);
    EXPECT_TRUE(errors.contains("inherent_score"));
    EXPECT_TRUE(errors.contains("colour"));
    EXPECT_TRUE(errors.contains("likelihood"));
    EXPECT_EQ(risk.title, "old");
    ASSERT_TRUE(apply_patch(risk_spec(), risk, Patch{{"title", std::string("new")}, {"likelihood", std::int64_t{3}}}));
    EXPECT_EQ(risk.title, "new");
    EXPECT_EQ(risk.likelihood, 3);
}

TEST(FieldInput, DisplayIds)
{
    EXPECT_EQ(display_id("RSK", 12), "RSK-12");
    EXPECT_EQ(parse_display_id("RSK", "RSK-12"), 12);
    EXPECT_EQ(parse_display_id("RSK", "rsk-12"), 12);
    EXPECT_EQ(parse_display_id("RSK", "12"), 12);
    EXPECT_FALSE(parse_display_id("RSK", "INC-12"));
    EXPECT_FALSE(parse_display_id("RSK", "RSK-"));
    EXPECT_FALSE(parse_display_id("RSK", "-3"));
}

TEST(Csv, QuotedFieldsAndErrors)
{
    auto rows = parse_csv("a,b\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",\n");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[1][0], "x, y");
    EXPECT_EQ((*rows)[1][1], "say \"hi\"");
    EXPECT_EQ((*rows)[2][0], "multi\nline");
    EXPECT_EQ((*rows)[2][1], "");
    EXPECT_FALSE(parse_csv("a,\"b\n"));
    EXPECT_FALSE(parse_csv("a,b\"c\"\n"));
    EXPECT_EQ(csv_escape("plain"), "plain");
    EXPECT_EQ(csv_escape("a,\"b\""), "\"a,\"\"b\"\"\"");
}

TEST(Catalog, AnnexAHas93ControlsInFourThemes)
{
    auto catalog = parse_catalog(annex_a_csv());
    ASSERT_TRUE(catalog) << catalog.error().message();
    ASSERT_EQ(catalog->size(), 93u);
    std::map<Theme, int> per_theme;
    int new_in_2022 = 0;
    for (const auto& control : *catalog) {
        ++per_theme[control.theme];
        new_in_2022 += control.new_in_2022 ? 1 : 0;
    }
    EXPECT_EQ(per_theme[Theme::organizational], 37);
    EXPECT_EQ(per_theme[Theme::people], 8);
    EXPECT_EQ(per_theme[Theme::physical], 14);
    EXPECT_EQ(per_theme[Theme::technological], 34);
    EXPECT_EQ(new_in_2022, 11);
    EXPECT_EQ(catalog->front().code, "5.1");
    EXPECT_EQ(catalog->back().code, "8.34");
    EXPECT_FALSE(parse_catalog("id,title,theme,new_in_2022,replaces_2013\n5.1,x,Cosmic,no,\n"));
    EXPECT_FALSE(parse_catalog("nonsense\n"));
}

TEST(AuditHash, EveryFieldIsCoveredAndSeparatorsAreEscaped)
{
    AuditEntry entry{1, *parse_timestamp("2026-06-15T10:00:00Z"), "cli:alice", "update", "risk", 12,
                     "updated RSK-12: likelihood 3 -> 4", std::string(genesis_hash), {}};
    auto hash = compute_hash(entry);
    EXPECT_EQ(hash.size(), 64u);
    EXPECT_EQ(hash, compute_hash(entry));
    auto changed = [&](auto mutate) {
        auto copy = entry;
        mutate(copy);
        return compute_hash(copy) != hash;
    };
    EXPECT_TRUE(changed([](AuditEntry& e) { e.seq = 2; }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.at += std::chrono::seconds(1); }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.actor = "cli:mallory"; }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.action = "create"; }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.entity = "incident"; }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.entity_id = 13; }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.summary += "."; }));
    EXPECT_TRUE(changed([](AuditEntry& e) { e.prev_hash[0] = '1'; }));
    // Moving a separator between fields must not produce the same canonical text.
    auto a = entry, b = entry;
    a.actor = "x|y";
    a.action = "z";
    b.actor = "x";
    b.action = "y|z";
    EXPECT_NE(canonical_form(a), canonical_form(b));
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

} // namespace
} // namespace c9

namespace c9 {
namespace {

TEST(TextProblem, AcceptsUtf8AndRefusesWhatNoEngineCanStoreFaithfully)
{
    EXPECT_FALSE(text_problem(""));
    EXPECT_FALSE(text_problem("plain, with tab\tand new\nline"));
    EXPECT_FALSE(text_problem("Zürich – 東京 🚀"));
    EXPECT_FALSE(text_problem("\xf4\x8f\xbf\xbf")); // U+10FFFF, the last code point
    EXPECT_EQ(text_problem(std::string("nul\0x", 5)), "contains a NUL character");
    EXPECT_EQ(text_problem("bad \xff bytes"), "is not UTF-8 text (byte 5 of it)");
    EXPECT_EQ(text_problem("truncated \xe2\x82"), "is not UTF-8 text (it ends inside a character)");
    EXPECT_TRUE(text_problem("overlong \xc0\xaf"));
    EXPECT_TRUE(text_problem("overlong \xe0\x80\xaf"));
    EXPECT_TRUE(text_problem("surrogate \xed\xa0\x80"));
    EXPECT_TRUE(text_problem("beyond \xf4\x90\x80\x80"));
    EXPECT_EQ(text_problem("lone \x80 continuation"), "is not UTF-8 text (byte 6 of it)");
}

TEST(ControlProblem, OnlyTabsAndLineBreaksAmongTheControls)
{
    EXPECT_FALSE(control_problem(""));
    EXPECT_FALSE(control_problem("tab\there, a line\nand a Windows line\r\nend"));
    EXPECT_FALSE(control_problem("Zürich – 東京 🚀 ~"));
    // An escape sequence would recolour or rewrite a terminal that lists the row.
    EXPECT_EQ(control_problem("red \x1b[31mtitle"),
        "contains a control character (U+001B, character 5); only tabs and line breaks may be stored");
    EXPECT_TRUE(control_problem("bell\a"));
    EXPECT_TRUE(control_problem("a lone\rcarriage return"));
    EXPECT_TRUE(control_problem("delete\x7f"));
    // C1 controls in UTF-8, such as U+009B, the one-character CSI; counted in characters, not bytes.
    EXPECT_EQ(control_problem("é\xc2\x9b"
                              "2J"),
        "contains a control character (U+009B, character 2); only tabs and line breaks may be stored");
    EXPECT_FALSE(control_problem("\xc2\xa0non-breaking space")); // U+00A0 is text
}

} // namespace
} // namespace c9
