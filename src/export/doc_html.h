// Agendas and minutes as self-contained HTML5 pages: one file each, an inline style sheet, no scripts, no external
// resources, every model value escaped. They read well on screen and print on A4 (ISO/IEC 27001:2022 7.5.2:
// documented information in a suitable format and media).
#pragma once

#include "core/minutes.h"
#include "export/doc_format.h"

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// The same content as agenda_markdown and minutes_markdown (the minutes page also shows the approval or says that
// the minutes are a draft).
std::string agenda_html(const AgendaDoc& doc);
std::string minutes_html(const MinutesDoc& doc);

// The CSP source expression of the pages' only inline style sheet, "'sha256-<base64>'", so the server can send
// "style-src 'sha256-...'" rather than allow 'unsafe-inline'. The pages carry no style attributes.
std::string document_style_hash();

// Building blocks the agenda and the minutes pages share (doc_html.cpp, doc_html_minutes.cpp).
namespace html {

struct Cell {
    std::string text;            // model text, escaped when written
    std::string_view css_class;  // "num", "nw" (no wrap), "ml" (keeps line ends), "rag rag-red", "uncovered"
};

std::string page(std::string_view kind, const DocMeeting& meeting, const std::string& main_html);
std::string facts(const std::vector<std::pair<std::string, std::string>>& label_and_text);
std::string meeting_facts(const DocMeeting& meeting, ActualTimes actual);
// The first column is the row header.
std::string table(const std::vector<std::string_view>& headers, const std::vector<std::vector<Cell>>& rows);
std::string coverage_section(const AgendaDoc& doc, std::string_view reason_html);
std::string kpi_section(const std::vector<KpiStatus>& kpis);
std::string section(std::string_view id, std::string_view heading, const std::string& content_html);

} // namespace html

} // namespace c9
