// The agenda of a meeting as Markdown: what the chair circulates before the meeting (DESIGN.md section 4).
#pragma once

#include "core/minutes.h"
#include "export/doc_format.h"

#include <string>

namespace c9 {

// Title, meeting facts, invited attendees, the items by section with presenter, timebox and sources, the total
// timebox (with a warning when it exceeds the meeting), the 9.3.2 coverage of a management review and the KPIs.
std::string agenda_markdown(const AgendaDoc& doc);

// Pieces the minutes share with the agenda. Each returns a Markdown block ending with one line end.
std::string markdown_meeting_facts(const DocMeeting& meeting, ActualTimes actual);
std::string markdown_coverage_table(const std::vector<DocCoverage>& coverage);
std::string markdown_kpi_table(const std::vector<KpiStatus>& kpis);

} // namespace c9
