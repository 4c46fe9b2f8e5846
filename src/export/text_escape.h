// Text for the meeting documents. Everything in an agenda or the minutes comes from the registers and is typed by
// people, so a title may hold "<script>", a note "| **x** |" or a line "## Approval". Every renderer passes model
// text through these functions before writing it, so no value can change the structure of a document or hide part
// of it (ISO/IEC 27001:2022 7.5.3: documented information protected from loss of integrity). The plain wording of
// times, numbers and enumerations lives here too, so Markdown, HTML and iCalendar say the same thing.
#pragma once

#include "core/kpi_status.h"
#include "core/minutes.h"

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// Valid UTF-8 (invalid bytes become U+FFFD), LF line ends (CR LF and lone CR become LF), no control characters other
// than LF and tab.
std::string clean_text(std::string_view text);
// clean_text on one line: line ends and tabs become spaces, surrounding spaces are trimmed.
std::string one_line(std::string_view text);

// Markdown text inside a line (a heading, a list entry, a table cell): every character that could open emphasis,
// code, a link, raw HTML, an entity, strikethrough or a table cell boundary is backslash-escaped; line ends become
// spaces.
std::string markdown_inline(std::string_view text);
// A Markdown table cell: markdown_inline, with line ends kept as <br>.
std::string markdown_cell(std::string_view text);
// Free text of several lines as Markdown paragraphs: each line escaped inline and against block markers at its start
// ("#", ">", "-", "+", "=", "1."), lines kept apart by hard breaks, blank lines kept as paragraph breaks.
std::string markdown_block(std::string_view text);
// A machine value (a hash) as a code span; text that a code span cannot hold falls back to markdown_inline.
std::string markdown_code(std::string_view text);
// A GitHub-flavoured Markdown table; cells are model text and are escaped here. `numeric` right-aligns columns.
std::string markdown_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& numeric = {});

// HTML text content and attribute values (quotes included); the input is cleaned first.
std::string html_escape(std::string_view text);

// "2026-03-31 14:00 UTC"
std::string format_utc_minutes(Timestamp at);
// "2026-03-31 14:00:27 UTC"
std::string format_utc_seconds(Timestamp at);
// "14:00 UTC"
std::string format_utc_time(Timestamp at);
// Rounded to two decimals without trailing zeros: 92.5, 3, 0.33.
std::string format_number(double value);
// "2, 5, 11"
std::string join_numbers(const std::vector<int>& numbers);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

std::string person_name(const std::optional<DocPerson>& person); // "not assigned" when empty
std::string_view meeting_type_words(MeetingType type);
std::string_view role_words(AttendeeRole role);
std::string_view presence_words(Presence presence);
std::string_view outcome_words(Outcome outcome);
std::string_view decision_type_words(DecisionType type);
std::string_view action_status_words(ActionStatus status);
std::string_view lesson_category_words(LessonCategory category);

// KPIs as read in a meeting: "92.5%", "at least 95% (amber from 90%)", "2026-Q1", "Amber", "Improving".
std::string kpi_value_text(const KpiStatus& status);
std::string kpi_target_text(const Kpi& kpi);
std::string kpi_period_text(const KpiStatus& status);
std::string_view rag_words(std::optional<Rag> rag);
std::string_view trend_words(Trend trend);

// Whether the meeting facts include the actual start and end (the minutes do, the agenda does not).
enum class ActualTimes { no, yes };

// The items of a document grouped by section, in the order of the AgendaSection enum, each group in document order.
struct SectionItems {
    AgendaSection section;
    std::vector<const DocItem*> items;
};
std::vector<SectionItems> items_by_section(const std::vector<DocItem>& items);

// Management reviews only: the coverage rows of clause 9.3.2 (empty for other meeting types).
const std::vector<DocCoverage>& review_coverage_of(const AgendaDoc& doc);
bool has_uncovered_input(const AgendaDoc& doc);

} // namespace c9
