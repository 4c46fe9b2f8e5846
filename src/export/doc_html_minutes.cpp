// The minutes page; the page frame, style and shared tables are in doc_html.cpp.
#include "export/doc_html.h"

#include "export/doc_format.h"
#include "export/doc_words.h"
#include "export/html_text.h"
#include "export/plain_text.h"

namespace c9 {

namespace {

using html::Cell;

std::string quorum_paragraph(const MinutesDoc& doc)
{
    auto quorum = quorum_statement(doc);
    return std::string(quorum.warning ? "<p class=\"warning\">" : "<p>") + "<strong>" + quorum.label + "</strong> "
           + quorum.text + "</p>\n";
}

std::string attendance(const MinutesDoc& doc)
{
    std::string content;
    if (doc.agenda.attendees.empty()) {
        content = "<p>No attendees recorded.</p>\n";
    } else {
        std::vector<std::vector<Cell>> rows;
        for (const auto& attendee : doc.agenda.attendees)
            rows.push_back({{attendee.person.name, {}},
                            {std::string(role_words(attendee.role)), {}},
                            {std::string(presence_words(attendee.presence)), {}}});
        content = html::table({"Name", "Role", "Attendance"}, rows);
    }
    return html::section("attendance", "Attendance", content + quorum_paragraph(doc));
}

std::string item(const MinutesDoc& doc, const DocItem& agenda_item)
{
    std::string out = "<article class=\"item\">\n<h4>" + std::to_string(agenda_item.number) + ". "
                    + html_escape(one_line(agenda_item.title)) + "</h4>\n"
                    + html::facts(minutes_item_fact_words(doc, agenda_item));
    std::string notes = clean_text(agenda_item.notes);
    if (one_line(notes).empty())
        out += "<p>No notes recorded.</p>\n";
    else
        out += "<p><strong>Notes:</strong></p>\n<div class=\"notes\">" + html_escape(notes) + "</div>\n";
    return out + "</article>\n";
}

std::string items(const MinutesDoc& doc)
{
    std::string content;
    if (doc.agenda.items.empty())
        content = "<p>No agenda items.</p>\n";
    for (const auto& group : items_by_section(doc.agenda.items)) {
        content += "<h3>" + html_escape(section_title(group.section)) + "</h3>\n";
        for (const auto* agenda_item : group.items)
            content += item(doc, *agenda_item);
    }
    return html::section("items", "Agenda items and discussion", content);
}

std::string decisions(const MinutesDoc& doc)
{
    if (doc.decisions.empty())
        return html::section("decisions", "Decisions", "<p>No decisions recorded.</p>\n");
    std::vector<std::vector<Cell>> rows;
    for (const auto& decision : doc.decisions)
        rows.push_back({{decision.ref, {}}, {item_number_words(decision.item_number), "num"},
            {std::string(decision_type_words(decision.type)), {}}, {decision.text, "ml"},
            {decision.rationale.empty() ? "not recorded" : decision.rationale, "ml"}, {person_name(decision.owner), {}},
            {decision_due_words(decision), {}}, {linked_rows_words(decision), {}},
            {decision_standing_words(decision), {}}});
    return html::section("decisions", "Decisions",
        html::table({"Ref", "Item", "Type", "Decision", "Rationale", "Owner", "Due", "Linked rows", "Standing"}, rows));
}

std::string proposals(const MinutesDoc& doc)
{
    if (doc.proposals_not_taken.empty())
        return {};
    std::vector<std::vector<Cell>> rows;
    for (const auto& proposal : doc.proposals_not_taken)
        rows.push_back({{proposal.ref, {}}, {proposal.title, {}}, {std::string(proposal_kind_words(proposal.kind)), {}},
            {person_name(proposal.proposed_by), {}}, {proposal_outcome_words(proposal), "ml"}});
    return html::section("proposals", "Proposals not taken onto the agenda",
        html::table({"Ref", "Proposal", "Kind", "Proposed by", "Outcome"}, rows));
}

std::string actions(const MinutesDoc& doc)
{
    if (doc.actions.empty())
        return html::section("actions", "Action items raised", "<p>No action items raised.</p>\n");
    std::vector<std::vector<Cell>> rows;
    for (const auto& action : doc.actions)
        rows.push_back({{action.ref, {}},
                        {action.title, {}},
                        {person_name(action.owner), {}},
                        {format_date(action.due), "nw"},
                        {std::string(action_status_words(action.status)), {}},
                        {item_number_words(action.item_number), "num"}});
    return html::section("actions", "Action items raised",
                         html::table({"Ref", "Action", "Owner", "Due", "Status", "Item"}, rows));
}

std::string lessons(const MinutesDoc& doc)
{
    if (doc.lessons.empty())
        return html::section("lessons", "Lessons learned", "<p>No lessons learned recorded.</p>\n");
    std::vector<std::vector<Cell>> rows;
    for (const auto& lesson : doc.lessons)
        rows.push_back({{lesson.ref, {}},
                        {lesson.title, {}},
                        {std::string(lesson_category_words(lesson.category)), {}},
                        {lesson.improvement.empty() ? "none recorded" : lesson.improvement, "ml"}});
    return html::section("lessons", "Lessons learned",
                         html::table({"Ref", "Lesson", "Category", "Improvement"}, rows));
}

std::string uncovered_reason(const MinutesDoc& doc)
{
    std::string reason = clean_text(doc.uncovered_reason);
    if (one_line(reason).empty())
        return "<p><strong>Reason recorded for the uncovered inputs:</strong> none recorded.</p>\n";
    return "<p><strong>Reason recorded for the uncovered inputs:</strong></p>\n<div class=\"notes\">"
         + html_escape(reason) + "</div>\n";
}

std::string approval(const MinutesDoc& doc)
{
    if (!doc.approval)
        return "<p class=\"draft\">Draft: not approved. These minutes become evidence when the chair approves "
               "them; approval seals their Markdown text with its SHA-256.</p>\n";
    const auto& sealed = *doc.approval;
    std::string content = "<dl class=\"facts\">\n<dt>Approved by</dt><dd>" + html_escape(person_name(sealed.approved_by))
                        + "</dd>\n<dt>Approved at</dt><dd>" + html_escape(format_utc_seconds(sealed.approved_at))
                        + "</dd>\n<dt>SHA-256 of the minutes</dt><dd><code>" + html_escape(one_line(sealed.sha256))
                        + "</code></dd>\n<dt>Audit trail head at approval</dt><dd><code>"
                        + html_escape(one_line(sealed.audit_head)) + "</code></dd>\n</dl>\n";
    content += "<p>The SHA-256 covers the Markdown text of these minutes: every byte of the Markdown file before the "
               "line &quot;## Approval&quot;. Verify it with <code>sed &#39;/^## Approval$/,$d&#39; minutes.md | "
               "sha256sum</code>.</p>\n";
    return html::section("approval", "Approval", content);
}

} // namespace

std::string minutes_html(const MinutesDoc& doc)
{
    std::string main = html::meeting_facts(doc.agenda.meeting, ActualTimes::yes);
    main += attendance(doc);
    main += items(doc);
    main += decisions(doc);
    main += actions(doc);
    main += lessons(doc);
    main += proposals(doc);
    if (!doc.agenda.kpis.empty())
        main += html::kpi_section(doc.agenda.kpis);
    if (doc.agenda.meeting.type == MeetingType::management_review)
        main += html::coverage_section(doc.agenda, has_uncovered_input(doc.agenda) ? uncovered_reason(doc) : "");
    main += approval(doc);
    return html::page("Minutes", doc.agenda.meeting, main);
}

} // namespace c9
