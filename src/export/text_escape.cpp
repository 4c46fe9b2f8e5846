#include "export/text_escape.h"

#include "core/text.h"

#include <array>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace c9 {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence at text[pos], 0 when the bytes there are not one (overlong forms, surrogates
// and code points past U+10FFFF included).
size_t utf8_sequence_length(std::string_view text, size_t pos)
{
    auto byte = [&](size_t offset) { return static_cast<unsigned char>(text[pos + offset]); };
    unsigned char lead = byte(0);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    if (byte(1) < low || byte(1) > high)
        return 0;
    for (size_t offset = 2; offset < length; ++offset)
        if (byte(offset) < 0x80 || byte(offset) > 0xBF)
            return 0;
    return length;
}

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "&amp;" or "&#60;" would be read as an entity by a Markdown renderer and shown as "&" or "<".
bool starts_entity(std::string_view text, size_t pos)
{
    size_t end = pos + 1;
    while (end < text.size() && end - pos <= 32
           && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '#'))
        ++end;
    return end > pos + 1 && end < text.size() && text[end] == ';';
}

void append_markdown_escaped(std::string& out, std::string_view line)
{
    for (size_t pos = 0; pos < line.size(); ++pos) {
        char c = line[pos];
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
        case '#':
            out += '\\';
            break;
        case '&':
            if (starts_entity(line, pos))
                out += '\\';
            break;
        case '_':
            // An underscore between letters or digits never opens or closes emphasis (CommonMark 6.2), so
            // "issues_found" stays readable as plain text.
            if (!(pos > 0 && pos + 1 < line.size() && is_ascii_alnum(line[pos - 1]) && is_ascii_alnum(line[pos + 1])))
                out += '\\';
            break;
        default:
            break;
        }
        out += c;
    }
}

// A line that would start a list, a setext underline or a thematic break when it opens a line of a paragraph.
void escape_line_start(std::string& line)
{
    if (line.empty())
        return;
    if (line[0] == '-' || line[0] == '+' || line[0] == '=') {
        line.insert(0, 1, '\\');
        return;
    }
    size_t digits = 0;
    while (digits < line.size() && digits < 10 && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')'))
        line.insert(digits, 1, '\\');
}

std::vector<std::string_view> split_lines(std::string_view text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (true) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            return lines;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
}

} // namespace

std::string clean_text(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        size_t length = utf8_sequence_length(text, pos);
        if (length == 0) {
            out += replacement_character;
            ++pos;
            continue;
        }
        if (length > 1) {
            out.append(text.substr(pos, length));
            pos += length;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(text[pos++]);
        if (c == '\r') {
            out += '\n';
            if (pos < text.size() && text[pos] == '\n')
                ++pos;
        } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F)) {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string one_line(std::string_view text)
{
    std::string cleaned = clean_text(text);
    for (char& c : cleaned)
        if (c == '\n' || c == '\t')
            c = ' ';
    return std::string(trim(cleaned));
}

std::string markdown_inline(std::string_view text)
{
    std::string out;
    append_markdown_escaped(out, one_line(text));
    return out;
}

std::string markdown_cell(std::string_view text)
{
    std::string cleaned = clean_text(text);
    std::string out;
    bool first = true;
    for (auto line : split_lines(cleaned)) {
        if (!first)
            out += "<br>";
        first = false;
        append_markdown_escaped(out, trim(line));
    }
    return out;
}

std::string markdown_block(std::string_view text)
{
    std::string cleaned = clean_text(text);
    std::string out;
    bool in_paragraph = false;
    bool blank_pending = false;
    for (auto raw_line : split_lines(cleaned)) {
        auto line = trim(raw_line);
        if (line.empty()) {
            blank_pending = in_paragraph;
            continue;
        }
        std::string escaped;
        append_markdown_escaped(escaped, line);
        escape_line_start(escaped);
        if (blank_pending)
            out += "\n\n";
        else if (in_paragraph)
            out += "\\\n"; // CommonMark hard line break: the note keeps its lines
        out += escaped;
        in_paragraph = true;
        blank_pending = false;
    }
    return out;
}

std::string markdown_code(std::string_view text)
{
    std::string line = one_line(text);
    if (line.empty() || line.find('`') != std::string::npos)
        return markdown_inline(line);
    return "`" + line + "`";
}

std::string markdown_table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& numeric)
{
    std::string out = "|";
    for (const auto& header : headers)
        out += " " + markdown_cell(header) + " |";
    out += "\n|";
    for (size_t column = 0; column < headers.size(); ++column)
        out += column < numeric.size() && numeric[column] ? "---:|" : "---|";
    out += "\n";
    for (const auto& row : rows) {
        out += "|";
        for (size_t column = 0; column < headers.size(); ++column) {
            std::string cell = column < row.size() ? markdown_cell(row[column]) : std::string();
            out += " " + cell + " |";
        }
        out += "\n";
    }
    return out;
}

std::string html_escape(std::string_view text)
{
    std::string cleaned = clean_text(text);
    std::string out;
    out.reserve(cleaned.size() + cleaned.size() / 8);
    for (char c : cleaned) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c; break;
        }
    }
    return out;
}

std::string format_utc_minutes(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    return fmt::format("{} {:02}:{:02} UTC", format_date(day), time.hours().count(), time.minutes().count());
}

std::string format_utc_seconds(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    return fmt::format("{} {:02}:{:02}:{:02} UTC", format_date(day), time.hours().count(), time.minutes().count(),
                       time.seconds().count());
}

std::string format_utc_time(Timestamp at)
{
    auto day = std::chrono::floor<std::chrono::days>(at);
    std::chrono::hh_mm_ss time(at - day);
    return fmt::format("{:02}:{:02} UTC", time.hours().count(), time.minutes().count());
}

std::string format_number(double value)
{
    if (!std::isfinite(value))
        return "n/a";
    std::string text = fmt::format("{:.2f}", value);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    if (text == "-0")
        text = "0";
    return text;
}

std::string join_numbers(const std::vector<int>& numbers)
{
    std::string out;
    for (int number : numbers) {
        if (!out.empty())
            out += ", ";
        out += std::to_string(number);
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty())
            out += separator;
        out += part;
    }
    return out;
}

std::string person_name(const std::optional<DocPerson>& person)
{
    if (!person || one_line(person->name).empty())
        return "not assigned";
    return one_line(person->name);
}

namespace {

// Words for enum values, in the order of their declaration; the static_asserts catch a value added to an enum.
template <NamedEnum E, size_t N>
constexpr bool covers_enum(const std::array<std::string_view, N>&)
{
    return N == enum_names<E>().size();
}

constexpr std::array<std::string_view, 4> meeting_type_table{
    "ISMS maintenance meeting", "Management review (ISO/IEC 27001:2022 9.3)", "Incident review", "Risk review"};
constexpr std::array<std::string_view, 4> role_table{"Chair", "Minute taker", "Member", "Guest"};
constexpr std::array<std::string_view, 4> presence_table{"Invited (not recorded)", "Present", "Absent", "Excused"};
constexpr std::array<std::string_view, 3> outcome_table{"Information", "Decision", "Action"};
constexpr std::array<std::string_view, 5> decision_type_table{"Risk acceptance", "Resource", "Policy change",
                                                              "Improvement", "Other"};
constexpr std::array<std::string_view, 4> action_status_table{"Open", "In progress", "Done", "Cancelled"};
constexpr std::array<std::string_view, 7> lesson_category_table{
    "Process", "Technology", "People", "Supplier", "Communication", "Documentation", "Other"};
constexpr std::array<std::string_view, 3> rag_table{"Green", "Amber", "Red"};
constexpr std::array<std::string_view, 4> trend_table{"Improving", "Stable", "Worsening", "Unknown"};
static_assert(covers_enum<MeetingType>(meeting_type_table));
static_assert(covers_enum<AttendeeRole>(role_table));
static_assert(covers_enum<Presence>(presence_table));
static_assert(covers_enum<Outcome>(outcome_table));
static_assert(covers_enum<DecisionType>(decision_type_table));
static_assert(covers_enum<ActionStatus>(action_status_table));
static_assert(covers_enum<LessonCategory>(lesson_category_table));
static_assert(covers_enum<Rag>(rag_table));
static_assert(covers_enum<Trend>(trend_table));

template <class E, size_t N>
std::string_view word(const std::array<std::string_view, N>& table, E value)
{
    return table[static_cast<size_t>(value)];
}

} // namespace

std::string_view meeting_type_words(MeetingType type) { return word(meeting_type_table, type); }
std::string_view role_words(AttendeeRole role) { return word(role_table, role); }
std::string_view presence_words(Presence presence) { return word(presence_table, presence); }
std::string_view outcome_words(Outcome outcome) { return word(outcome_table, outcome); }
std::string_view decision_type_words(DecisionType type) { return word(decision_type_table, type); }
std::string_view action_status_words(ActionStatus status) { return word(action_status_table, status); }
std::string_view lesson_category_words(LessonCategory category) { return word(lesson_category_table, category); }
std::string_view rag_words(std::optional<Rag> rag) { return rag ? word(rag_table, *rag) : "No value"; }
std::string_view trend_words(Trend trend) { return word(trend_table, trend); }

namespace {

std::string with_unit(double value, const std::optional<std::string>& unit)
{
    std::string text = format_number(value);
    if (!unit || one_line(*unit).empty())
        return text;
    std::string unit_text = one_line(*unit);
    return unit_text == "%" ? text + unit_text : text + " " + unit_text;
}

} // namespace

std::string kpi_value_text(const KpiStatus& status)
{
    return status.value ? with_unit(*status.value, status.kpi.unit) : "no value";
}

std::string kpi_target_text(const Kpi& kpi)
{
    bool higher = kpi.direction == Direction::higher_is_better;
    std::string text = (higher ? "at least " : "at most ") + with_unit(kpi.target, kpi.unit);
    if (kpi.amber)
        text += (higher ? " (amber down to " : " (amber up to ") + with_unit(*kpi.amber, kpi.unit) + ")";
    return text;
}

std::string kpi_period_text(const KpiStatus& status)
{
    std::chrono::year_month_day ymd(status.period);
    int year = static_cast<int>(ymd.year());
    unsigned month = static_cast<unsigned>(ymd.month());
    switch (status.kpi.frequency) {
    case KpiFrequency::monthly: return fmt::format("{:04}-{:02}", year, month);
    case KpiFrequency::quarterly: return fmt::format("{:04}-Q{}", year, (month - 1) / 3 + 1);
    case KpiFrequency::yearly: return fmt::format("{:04}", year);
    }
    return format_date(status.period);
}

std::vector<SectionItems> items_by_section(const std::vector<DocItem>& items)
{
    std::vector<SectionItems> sections;
    for (size_t index = 0; index < enum_names<AgendaSection>().size(); ++index) {
        auto section = static_cast<AgendaSection>(index);
        SectionItems group{section, {}};
        for (const auto& item : items)
            if (item.section == section)
                group.items.push_back(&item);
        if (!group.items.empty())
            sections.push_back(std::move(group));
    }
    return sections;
}

const std::vector<DocCoverage>& review_coverage_of(const AgendaDoc& doc)
{
    static const std::vector<DocCoverage> none;
    return doc.meeting.type == MeetingType::management_review ? doc.coverage : none;
}

bool has_uncovered_input(const AgendaDoc& doc)
{
    for (const auto& input : review_coverage_of(doc))
        if (input.items.empty())
            return true;
    return false;
}

} // namespace c9
