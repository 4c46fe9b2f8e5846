#include "export/doc_html.h"

#include "core/audit.h"
#include "export/doc_format.h"
#include "export/doc_words.h"
#include "export/html_text.h"
#include "export/plain_text.h"

#include <array>

namespace c9 {

namespace {

// The only style of the pages. Its SHA-256 is the CSP hash (document_style_hash), so any change here changes the
// header the server sends, and no page may use a style attribute. Colours keep a contrast of at least 7:1 for text;
// RAG is always written as a word, colour only adds to it.
constexpr std::string_view style_sheet = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff}
header.doc{border-bottom:2px solid #1f3a5f;margin-bottom:1rem}
header.doc p{margin:0;color:#3d3d3d;font-size:.9rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem;color:#1f3a5f}
h2{font-size:1.25rem;margin:1.6rem 0 .5rem;color:#1f3a5f;border-bottom:1px solid #c8d1dc}
h3{font-size:1.08rem;margin:1.2rem 0 .4rem}
h4{font-size:1rem;margin:1rem 0 .3rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.3rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}
th,td{border:1px solid #b9c2cc;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e9eef4}
tbody th{font-weight:600;white-space:nowrap}
.num{text-align:right}
.nw{white-space:nowrap}
.ml,.notes{white-space:pre-line}
.warning{border:2px solid #a4161a;background:#fdecea;color:#5c0b0e;padding:.5rem .75rem;margin:.6rem 0}
.rag{font-weight:600}
.rag-green{background:#dcefe0;color:#0b4d1c}
.rag-amber{background:#fdebc8;color:#5c3a00}
.rag-red{background:#f9dcdc;color:#7a0f0f}
.uncovered{font-weight:700;color:#7a0f0f}
article.item{border-left:3px solid #c8d1dc;padding-left:.8rem;margin:.8rem 0}
.draft{font-weight:700}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
@media print{
@page{size:A4;margin:16mm 14mm 18mm}
body{max-width:none;padding:0;font-size:10.5pt}
h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
tr,article.item,.warning,dl.facts{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
a[href]::after{content:none}
thead th,.rag,.warning,.uncovered{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

std::string base64(const std::vector<unsigned char>& bytes)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t pos = 0; pos < bytes.size(); pos += 3) {
        unsigned chunk = bytes[pos] << 16;
        if (pos + 1 < bytes.size())
            chunk |= bytes[pos + 1] << 8;
        if (pos + 2 < bytes.size())
            chunk |= bytes[pos + 2];
        out += alphabet[(chunk >> 18) & 63];
        out += alphabet[(chunk >> 12) & 63];
        out += pos + 1 < bytes.size() ? alphabet[(chunk >> 6) & 63] : '=';
        out += pos + 2 < bytes.size() ? alphabet[chunk & 63] : '=';
    }
    return out;
}

std::vector<unsigned char> from_hex(std::string_view hex)
{
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::vector<unsigned char> bytes;
    for (size_t pos = 0; pos + 1 < hex.size(); pos += 2)
        bytes.push_back(static_cast<unsigned char>(nibble(hex[pos]) << 4 | nibble(hex[pos + 1])));
    return bytes;
}

std::string_view rag_class(std::optional<Rag> rag)
{
    if (!rag)
        return {};
    switch (*rag) {
    case Rag::green: return "rag rag-green";
    case Rag::amber: return "rag rag-amber";
    case Rag::red: return "rag rag-red";
    }
    return {};
}

std::string or_words(std::string_view text, std::string_view none)
{
    std::string line = one_line(text);
    return line.empty() ? std::string(none) : line;
}

std::string agenda_items(const AgendaDoc& doc)
{
    const auto& meeting = doc.meeting;
    std::string out = "<p>Total timebox: " + std::to_string(doc.total_minutes) + " of "
                    + std::to_string(meeting.duration_minutes) + " minutes.</p>\n";
    if (doc.over_time)
        out += "<p class=\"warning\"><strong>Warning: over time.</strong> The timeboxes add up to "
             + std::to_string(doc.total_minutes) + " minutes, "
             + std::to_string(doc.total_minutes - meeting.duration_minutes) + " more than the meeting's "
             + std::to_string(meeting.duration_minutes)
             + " minutes. Shorten or remove items, or extend the meeting.</p>\n";
    if (doc.items.empty())
        out += "<p>No agenda items.</p>\n";
    for (const auto& group : items_by_section(doc.items)) {
        std::vector<std::vector<html::Cell>> rows;
        for (const auto* item : group.items)
            rows.push_back({{std::to_string(item->number), "num"},
                            {item->title, {}},
                            {person_name(item->presenter), {}},
                            {std::to_string(item->timebox_minutes) + " min", "num"},
                            {join(item->sources, ", "), {}}});
        out += "<h3>" + html_escape(section_title(group.section)) + "</h3>\n"
             + html::table({"No.", "Item", "Presenter", "Timebox", "Sources"}, rows);
    }
    return out;
}

} // namespace

std::string document_style_hash()
{
    static const std::string hash = "'sha256-" + base64(from_hex(sha256_hex(style_sheet))) + "'";
    return hash;
}

namespace html {

std::string page(std::string_view kind, const DocMeeting& meeting, const std::string& main_html)
{
    std::string title = or_words(meeting.title, meeting.ref);
    std::string kicker = std::string(kind) + " · " + one_line(meeting.ref);
    if (!one_line(meeting.series).empty())
        kicker += " · " + one_line(meeting.series);
    std::string out;
    out.reserve(main_html.size() + style_sheet.size() + 512);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html_escape(std::string(kind) + ": " + title) + "</title>\n";
    out += "<style>" + std::string(style_sheet) + "</style>\n</head>\n<body>\n";
    out += "<header class=\"doc\">\n<p>" + html_escape(kicker) + "</p>\n<h1>" + html_escape(title) + "</h1>\n</header>\n";
    out += "<main>\n" + main_html + "</main>\n</body>\n</html>\n";
    return out;
}

std::string facts(const std::vector<std::pair<std::string, std::string>>& label_and_text)
{
    std::string out = "<dl class=\"facts\">\n";
    for (const auto& [label, text] : label_and_text)
        out += "<dt>" + html_escape(label) + "</dt><dd>" + html_escape(text) + "</dd>\n";
    return out + "</dl>\n";
}

std::string meeting_facts(const DocMeeting& meeting, ActualTimes actual)
{
    auto ends_at = meeting.starts_at + std::chrono::minutes(meeting.duration_minutes);
    std::vector<std::pair<std::string, std::string>> rows{
        {"Meeting", one_line(meeting.ref)},
        {"Series", or_words(meeting.series, "none")},
        {"Type", std::string(meeting_type_words(meeting.type))},
        {"Date and time", format_utc_minutes(meeting.starts_at) + " to " + format_utc_time(ends_at)},
        {"Duration", std::to_string(meeting.duration_minutes) + " minutes"},
        {"Place", or_words(meeting.location, "not set")},
        {"Chair", person_name(meeting.chair)},
        {"Minute taker", person_name(meeting.minute_taker)},
    };
    if (actual == ActualTimes::yes) {
        rows.emplace_back("Actual start",
                          meeting.started_at ? format_utc_minutes(*meeting.started_at) : "not recorded");
        rows.emplace_back("Actual end", meeting.ended_at ? format_utc_minutes(*meeting.ended_at) : "not recorded");
    }
    return facts(rows);
}

std::string table(const std::vector<std::string_view>& headers, const std::vector<std::vector<Cell>>& rows)
{
    std::string out = "<table>\n<thead><tr>";
    for (auto header : headers)
        out += "<th scope=\"col\">" + html_escape(header) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (size_t column = 0; column < row.size(); ++column) {
            const auto& cell = row[column];
            std::string_view tag = column == 0 ? "th" : "td";
            out += "<" + std::string(tag);
            if (column == 0)
                out += " scope=\"row\"";
            if (!cell.css_class.empty())
                out += " class=\"" + std::string(cell.css_class) + "\"";
            out += ">" + html_escape(cell.text) + "</" + std::string(tag) + ">";
        }
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table>\n";
}

std::string section(std::string_view id, std::string_view heading, const std::string& content_html)
{
    return "<section aria-labelledby=\"" + std::string(id) + "\">\n<h2 id=\"" + std::string(id) + "\">"
         + html_escape(heading) + "</h2>\n" + content_html + "</section>\n";
}

std::string coverage_section(const AgendaDoc& doc, std::string_view reason_html)
{
    std::vector<std::vector<Cell>> rows;
    std::vector<std::string> uncovered;
    for (const auto& input : review_coverage_of(doc)) {
        bool covered = !input.items.empty();
        rows.push_back({{input.code, {}},
                        {input.title, {}},
                        {covered ? join_numbers(input.items) : "NOT COVERED", covered ? "" : "uncovered"}});
        if (!covered)
            uncovered.push_back(one_line(input.code));
    }
    std::string content = table({"Input", "Wording", "Covered by items"}, rows);
    if (!uncovered.empty())
        content += "<p class=\"warning\"><strong>Warning: " + std::to_string(uncovered.size())
                 + (uncovered.size() == 1 ? " input is" : " inputs are") + " not covered by any item:</strong> "
                 + html_escape(join(uncovered, ", ")) + ".</p>\n" + std::string(reason_html);
    return section("coverage", "Coverage of management review inputs (ISO/IEC 27001:2022 9.3.2)", content);
}

std::string kpi_section(const std::vector<KpiStatus>& kpis)
{
    std::vector<std::vector<Cell>> rows;
    for (const auto& status : kpis)
        rows.push_back({{status.kpi.name, {}},
                        {kpi_value_text(status), "num"},
                        {kpi_target_text(status.kpi), {}},
                        {std::string(rag_words(status.rag)), rag_class(status.rag)},
                        {std::string(trend_words(status.trend)), {}},
                        {kpi_period_text(status), "nw"}});
    return section("kpis", "KPIs", table({"KPI", "Value", "Target", "RAG status", "Trend", "Period"}, rows));
}

} // namespace html

std::string agenda_html(const AgendaDoc& doc)
{
    std::string main = html::meeting_facts(doc.meeting, ActualTimes::no);
    std::string attendees;
    if (doc.attendees.empty()) {
        attendees = "<p>No attendees invited.</p>\n";
    } else {
        std::vector<std::vector<html::Cell>> rows;
        for (const auto& attendee : doc.attendees)
            rows.push_back({{attendee.person.name, {}}, {std::string(role_words(attendee.role)), {}}});
        attendees = html::table({"Name", "Role"}, rows);
    }
    main += html::section("attendees", "Attendees invited", attendees);
    main += html::section("agenda", "Agenda", agenda_items(doc));
    if (doc.meeting.type == MeetingType::management_review)
        main += html::coverage_section(doc, {});
    if (!doc.kpis.empty())
        main += html::kpi_section(doc.kpis);
    return html::page("Agenda", doc.meeting, main);
}

} // namespace c9
