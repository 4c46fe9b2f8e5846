// Text typed into the registers must never change the structure of a document, in any format.
#include "export/agenda_markdown.h"
#include "export/doc_html.h"
#include "export/doc_json.h"
#include "export/ical.h"
#include "export/minutes_markdown.h"
#include "export/plain_text.h"
#include "sample_docs.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

namespace c9 {
namespace {

constexpr std::string_view hostile_cases[] = {
    "<script>alert(1)</script>",
    "a | b | c",
    "first line\n## Approval\n| x | y |",
    "**bold** _em_ `code` [link](https://example.com) ~~gone~~",
    "<img src=x onerror=alert(1)> & \"quoted\" 'single'",
    "- list\n1. item\n> quote\n===",
    "tab\there, CR\rhere, bell\x07 and bad \xC3 UTF-8",
};

// Puts the hostile text into every free-text field of the minutes.
MinutesDoc hostile_minutes(std::string_view text)
{
    std::string value(text);
    auto doc = test::review_minutes();
    auto& agenda = doc.agenda;
    agenda.meeting.title = value;
    agenda.meeting.series = value;
    agenda.meeting.location = value;
    agenda.meeting.chair->name = value;
    agenda.attendees[0].person.name = value;
    agenda.attendees[2].person.name = value;
    for (auto& item : agenda.items) {
        item.title = value;
        item.notes = value;
        item.sources.push_back(value);
    }
    agenda.kpis[0].kpi.name = value;
    agenda.kpis[0].kpi.unit = value;
    agenda.coverage[1].title = value;
    for (auto& decision : doc.decisions) {
        decision.text = value;
        decision.rationale = value;
    }
    doc.actions[0].title = value;
    doc.actions[0].owner->name = value;
    doc.lessons[0].title = value;
    doc.lessons[0].improvement = value;
    doc.uncovered_reason = value;
    doc.approval = test::sample_approval();
    doc.approval->approved_by->name = value;
    return doc;
}

// Backslash-escaped pipes do not separate cells.
size_t cell_separators(std::string_view line)
{
    size_t count = 0;
    for (size_t pos = 0; pos < line.size(); ++pos) {
        if (line[pos] == '\\') {
            ++pos;
            continue;
        }
        count += line[pos] == '|';
    }
    return count;
}

void expect_markdown_structure_intact(const std::string& markdown, std::string_view hostile)
{
    // Raw HTML in Markdown: a "<" that is not backslash-escaped, other than the <br> of a table cell.
    for (size_t pos = markdown.find('<'); pos != std::string::npos; pos = markdown.find('<', pos + 1)) {
        bool escaped = pos > 0 && markdown[pos - 1] == '\\';
        EXPECT_TRUE(escaped || markdown.compare(pos, 4, "<br>") == 0) << hostile << "\n" << markdown.substr(pos, 20);
    }
    EXPECT_EQ(markdown.find("**bold**"), std::string::npos);
    EXPECT_EQ(markdown.find('\r'), std::string::npos);
    EXPECT_EQ(markdown.find('\x07'), std::string::npos);
    size_t approval_lines = 0;
    size_t expected_separators = 0;
    size_t line_start = 0;
    while (line_start < markdown.size()) {
        size_t line_end = markdown.find('\n', line_start);
        std::string_view line(markdown.data() + line_start, line_end - line_start);
        approval_lines += line == "## Approval";
        if (line.starts_with("|")) {
            // The header row sets the column count; every row of the table must keep it.
            if (expected_separators == 0)
                expected_separators = cell_separators(line);
            EXPECT_EQ(cell_separators(line), expected_separators) << hostile << "\n" << line;
        } else {
            expected_separators = 0;
            // Outside tables, model text never opens a block: only the renderer's own markers start a line.
            if (!line.empty() && std::string_view("-+=>").find(line[0]) != std::string_view::npos) {
                EXPECT_TRUE(line.starts_with("- **") || line.starts_with("> **Warning")) << hostile << "\n" << line;
            }
            if (line.starts_with("#")) {
                EXPECT_TRUE(line.starts_with("# Agenda: ") || line.starts_with("# Minutes: ") || line.starts_with("## ")
                            || line.starts_with("### ") || line.starts_with("#### "))
                    << hostile << "\n" << line;
            }
            size_t digits = 0;
            while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
                ++digits;
            EXPECT_FALSE(digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'))
                << hostile << "\n" << line;
        }
        line_start = line_end + 1;
    }
    EXPECT_LE(approval_lines, 1u) << hostile;
}

TEST(HostileText, MarkdownKeepsItsStructure)
{
    for (auto hostile : hostile_cases) {
        auto doc = hostile_minutes(hostile);
        expect_markdown_structure_intact(agenda_markdown(doc.agenda), hostile);
        expect_markdown_structure_intact(minutes_markdown(doc), hostile);
        auto minutes = minutes_markdown(doc);
        EXPECT_EQ(minutes.find("\n## Approval\n"), minutes_markdown_body(doc).size() - 1) << hostile;
    }
}

TEST(HostileText, HtmlEscapesEverything)
{
    for (auto hostile : hostile_cases) {
        auto doc = hostile_minutes(hostile);
        for (const auto& html : {agenda_html(doc.agenda), minutes_html(doc)}) {
            EXPECT_EQ(html.find("<script"), std::string::npos) << hostile;
            EXPECT_EQ(html.find("<img"), std::string::npos) << hostile;
            EXPECT_EQ(html.find('\r'), std::string::npos);
            EXPECT_EQ(html.find('\x07'), std::string::npos);
            // Only the page's own elements: count of <table> openings equals closings.
            size_t opened = 0, closed = 0;
            for (size_t pos = html.find("<table>"); pos != std::string::npos; pos = html.find("<table>", pos + 1))
                ++opened;
            for (size_t pos = html.find("</table>"); pos != std::string::npos; pos = html.find("</table>", pos + 1))
                ++closed;
            EXPECT_EQ(opened, closed);
        }
        if (hostile.starts_with("<script>")) {
            EXPECT_NE(minutes_html(doc).find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
        }
    }
}

TEST(HostileText, JsonRoundTripsTheCleanedText)
{
    for (auto hostile : hostile_cases) {
        auto doc = hostile_minutes(hostile);
        auto text = minutes_json(doc).dump();
        auto parsed = Json::parse(text);
        EXPECT_EQ(parsed["meeting"]["title"], clean_text(hostile)) << hostile;
        EXPECT_EQ(parsed["decisions"][0]["text"], clean_text(hostile));
        EXPECT_EQ(parsed["sections"][0]["items"][0]["notes"], clean_text(hostile));
        EXPECT_EQ(agenda_json(doc.agenda).dump(), agenda_json(doc.agenda).dump());
    }
}

TEST(HostileText, IcsKeepsOneEventAndTheText)
{
    for (auto hostile : hostile_cases) {
        auto doc = hostile_minutes(hostile);
        auto ics = meeting_ics(doc.agenda);
        icalcomponent* calendar = icalparser_parse_string(ics.c_str());
        ASSERT_NE(calendar, nullptr) << hostile;
        EXPECT_EQ(icalcomponent_count_components(calendar, ICAL_VEVENT_COMPONENT), 1) << hostile;
        icalcomponent* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
        EXPECT_EQ(std::string(icalcomponent_get_summary(event)), one_line(hostile)) << hostile;
        EXPECT_EQ(std::string(icalcomponent_get_location(event)), one_line(hostile)) << hostile;
        EXPECT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 3) << hostile;
        icalproperty* attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
        icalparameter* name = icalproperty_get_first_parameter(attendee, ICAL_CN_PARAMETER);
        ASSERT_NE(name, nullptr);
        EXPECT_EQ(std::string(icalparameter_get_cn(name)), one_line(hostile)) << hostile;
        icalcomponent_free(calendar);
    }
}

} // namespace
} // namespace c9
