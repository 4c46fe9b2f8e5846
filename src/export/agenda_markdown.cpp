#include "export/agenda_markdown.h"

#include "export/doc_format.h"
#include "export/doc_words.h"
#include "export/markdown_text.h"
#include "export/plain_text.h"

namespace c9 {

namespace {

std::string fact(std::string_view label, std::string_view markdown_value)
{
    return "- **" + std::string(label) + ":** " + std::string(markdown_value) + "\n";
}

std::string or_words(std::string_view text, std::string_view none)
{
    std::string line = one_line(text);
    return line.empty() ? std::string(none) : line;
}

std::string items_table(const SectionItems& group)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto* item : group.items)
        rows.push_back({std::to_string(item->number), item->title, person_name(item->presenter),
                        std::to_string(item->timebox_minutes) + " min", join(item->sources, ", ")});
    return markdown_table({"No.", "Item", "Presenter", "Timebox", "Sources"}, rows,
                          {true, false, false, true, false});
}

} // namespace

std::string markdown_meeting_facts(const DocMeeting& meeting, ActualTimes actual)
{
    auto ends_at = meeting.starts_at + std::chrono::minutes(meeting.duration_minutes);
    std::string out;
    out += fact("Meeting", markdown_inline(meeting.ref));
    out += fact("Series", markdown_inline(or_words(meeting.series, "none")));
    out += fact("Type", markdown_inline(meeting_type_words(meeting.type)));
    out += fact("Date and time",
                markdown_inline(format_utc_minutes(meeting.starts_at) + " to " + format_utc_time(ends_at)));
    out += fact("Duration", std::to_string(meeting.duration_minutes) + " minutes");
    out += fact("Place", markdown_inline(or_words(meeting.location, "not set")));
    out += fact("Chair", markdown_inline(person_name(meeting.chair)));
    out += fact("Minute taker", markdown_inline(person_name(meeting.minute_taker)));
    if (actual == ActualTimes::yes) {
        out += fact("Actual start",
                    markdown_inline(meeting.started_at ? format_utc_minutes(*meeting.started_at) : "not recorded"));
        out += fact("Actual end",
                    markdown_inline(meeting.ended_at ? format_utc_minutes(*meeting.ended_at) : "not recorded"));
    }
    return out;
}

std::string markdown_coverage_table(const std::vector<DocCoverage>& coverage)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> uncovered;
    for (const auto& input : coverage) {
        rows.push_back({input.code, input.title, input.items.empty() ? "NOT COVERED" : join_numbers(input.items)});
        if (input.items.empty())
            uncovered.push_back(one_line(input.code));
    }
    std::string out = markdown_table({"Input", "Wording", "Covered by items"}, rows);
    if (!uncovered.empty())
        out += "\n**Warning: " + std::to_string(uncovered.size())
             + (uncovered.size() == 1 ? " input is" : " inputs are")
             + " not covered by any item:** " + markdown_inline(join(uncovered, ", ")) + ".\n";
    return out;
}

std::string markdown_kpi_table(const std::vector<KpiStatus>& kpis)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& status : kpis)
        rows.push_back({status.kpi.name, kpi_value_text(status), kpi_target_text(status.kpi),
                        std::string(rag_words(status.rag)), std::string(trend_words(status.trend)),
                        kpi_period_text(status)});
    return markdown_table({"KPI", "Value", "Target", "RAG status", "Trend", "Period"}, rows,
                          {false, true, false, false, false, false});
}

std::string agenda_markdown(const AgendaDoc& doc)
{
    const auto& meeting = doc.meeting;
    std::string out = "# Agenda: " + markdown_inline(or_words(meeting.title, meeting.ref)) + "\n\n";
    out += markdown_meeting_facts(meeting, ActualTimes::no) + "\n";

    out += "## Attendees invited\n\n";
    if (doc.attendees.empty()) {
        out += "No attendees invited.\n\n";
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& attendee : doc.attendees)
            rows.push_back({attendee.person.name, std::string(role_words(attendee.role))});
        out += markdown_table({"Name", "Role"}, rows) + "\n";
    }

    out += "## Agenda\n\n";
    out += "Total timebox: " + std::to_string(doc.total_minutes) + " of " + std::to_string(meeting.duration_minutes)
         + " minutes.\n\n";
    if (doc.over_time)
        out += "> **Warning: over time.** The timeboxes add up to " + std::to_string(doc.total_minutes)
             + " minutes, " + std::to_string(doc.total_minutes - meeting.duration_minutes)
             + " more than the meeting's " + std::to_string(meeting.duration_minutes)
             + " minutes. Shorten or remove items, or extend the meeting.\n\n";
    if (doc.items.empty())
        out += "No agenda items.\n\n";
    for (const auto& group : items_by_section(doc.items))
        out += "### " + std::string(section_title(group.section)) + "\n\n" + items_table(group) + "\n";

    if (doc.meeting.type == MeetingType::management_review) {
        out += "## Coverage of management review inputs (ISO/IEC 27001:2022 9.3.2)\n\n";
        out += markdown_coverage_table(review_coverage_of(doc)) + "\n";
    }
    if (!doc.kpis.empty())
        out += "## KPIs\n\n" + markdown_kpi_table(doc.kpis) + "\n";

    out.pop_back(); // one line end after the last block
    return out;
}

} // namespace c9
