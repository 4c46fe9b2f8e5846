#include "export/minutes_markdown.h"

#include "export/agenda_markdown.h"
#include "export/doc_format.h"
#include "export/doc_words.h"
#include "export/markdown_text.h"
#include "export/plain_text.h"

namespace c9 {

namespace {

std::string quorum_line(const MinutesDoc& doc)
{
    auto quorum = quorum_statement(doc);
    return "**" + quorum.label + "** " + quorum.text + "\n";
}

std::string attendance(const MinutesDoc& doc)
{
    std::string out = "## Attendance\n\n";
    if (doc.agenda.attendees.empty()) {
        out += "No attendees recorded.\n\n";
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& attendee : doc.agenda.attendees)
            rows.push_back({attendee.person.name, std::string(role_words(attendee.role)),
                            std::string(presence_words(attendee.presence))});
        out += markdown_table({"Name", "Role", "Attendance"}, rows) + "\n";
    }
    return out + quorum_line(doc) + "\n";
}

std::string item_fact(std::string_view label, std::string_view markdown_value)
{
    return "- **" + std::string(label) + ":** " + std::string(markdown_value) + "\n";
}

std::string item(const MinutesDoc& doc, const DocItem& agenda_item)
{
    std::string out = "#### " + std::to_string(agenda_item.number) + ". " + markdown_inline(agenda_item.title) + "\n\n";
    for (const auto& [label, text] : minutes_item_fact_words(doc, agenda_item))
        out += item_fact(label, markdown_inline(text));
    std::string notes = markdown_block(agenda_item.notes);
    out += notes.empty() ? "\nNo notes recorded.\n\n" : "\n**Notes:**\n\n" + notes + "\n\n";
    return out;
}

std::string items(const MinutesDoc& doc)
{
    std::string out = "## Agenda items and discussion\n\n";
    if (doc.agenda.items.empty())
        return out + "No agenda items.\n\n";
    for (const auto& group : items_by_section(doc.agenda.items)) {
        out += "### " + std::string(section_title(group.section)) + "\n\n";
        for (const auto* agenda_item : group.items)
            out += item(doc, *agenda_item);
    }
    return out;
}

std::string decisions(const MinutesDoc& doc)
{
    std::string out = "## Decisions\n\n";
    if (doc.decisions.empty())
        return out + "No decisions recorded.\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& decision : doc.decisions)
        rows.push_back({decision.ref, item_number_words(decision.item_number),
            std::string(decision_type_words(decision.type)), decision.text,
            decision.rationale.empty() ? "not recorded" : decision.rationale, person_name(decision.owner),
            decision_due_words(decision), linked_rows_words(decision), decision_standing_words(decision)});
    return out
        + markdown_table({"Ref", "Item", "Type", "Decision", "Rationale", "Owner", "Due", "Linked rows", "Standing"},
            rows, {false, true, false, false, false, false, false, false, false})
        + "\n";
}

std::string proposals(const MinutesDoc& doc)
{
    if (doc.proposals_not_taken.empty())
        return {};
    std::vector<std::vector<std::string>> rows;
    for (const auto& proposal : doc.proposals_not_taken)
        rows.push_back({proposal.ref, proposal.title, std::string(proposal_kind_words(proposal.kind)),
            person_name(proposal.proposed_by), proposal_outcome_words(proposal)});
    return "## Proposals not taken onto the agenda\n\n"
        + markdown_table({"Ref", "Proposal", "Kind", "Proposed by", "Outcome"}, rows) + "\n";
}

std::string actions(const MinutesDoc& doc)
{
    std::string out = "## Action items raised\n\n";
    if (doc.actions.empty())
        return out + "No action items raised.\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& action : doc.actions)
        rows.push_back({action.ref, action.title, person_name(action.owner), format_date(action.due),
                        std::string(action_status_words(action.status)), item_number_words(action.item_number)});
    return out
         + markdown_table({"Ref", "Action", "Owner", "Due", "Status", "Item"}, rows,
                          {false, false, false, false, false, true})
         + "\n";
}

std::string lessons(const MinutesDoc& doc)
{
    std::string out = "## Lessons learned\n\n";
    if (doc.lessons.empty())
        return out + "No lessons learned recorded.\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& lesson : doc.lessons)
        rows.push_back({lesson.ref, lesson.title, std::string(lesson_category_words(lesson.category)),
                        lesson.improvement.empty() ? "none recorded" : lesson.improvement});
    return out + markdown_table({"Ref", "Lesson", "Category", "Improvement"}, rows) + "\n";
}

std::string coverage(const MinutesDoc& doc)
{
    std::string out = "## Coverage of management review inputs (ISO/IEC 27001:2022 9.3.2)\n\n";
    out += markdown_coverage_table(review_coverage_of(doc.agenda)) + "\n";
    if (!has_uncovered_input(doc.agenda))
        return out;
    std::string reason = markdown_block(doc.uncovered_reason);
    if (reason.empty())
        return out + "**Reason recorded for the uncovered inputs:** none recorded.\n\n";
    return out + "**Reason recorded for the uncovered inputs:**\n\n" + reason + "\n\n";
}

} // namespace

std::string minutes_markdown_body(const MinutesDoc& doc)
{
    const auto& meeting = doc.agenda.meeting;
    std::string title = one_line(meeting.title).empty() ? meeting.ref : meeting.title;
    std::string out = "# Minutes: " + markdown_inline(title) + "\n\n";
    out += markdown_meeting_facts(meeting, ActualTimes::yes) + "\n";
    out += attendance(doc);
    out += items(doc);
    out += decisions(doc);
    out += actions(doc);
    out += lessons(doc);
    out += proposals(doc);
    if (!doc.agenda.kpis.empty())
        out += "## KPIs\n\n" + markdown_kpi_table(doc.agenda.kpis) + "\n";
    if (meeting.type == MeetingType::management_review)
        out += coverage(doc);
    return out;
}

std::string minutes_approval_markdown(const DocApproval& approval)
{
    std::string out = "## Approval\n\n";
    out += "- **Approved by:** " + markdown_inline(person_name(approval.approved_by)) + "\n";
    out += "- **Approved at:** " + markdown_inline(format_utc_seconds(approval.approved_at)) + "\n";
    out += "- **SHA-256 of the minutes:** " + markdown_code(approval.sha256) + "\n";
    out += "- **Audit trail head at approval:** " + markdown_code(approval.audit_head) + "\n\n";
    // ISO/IEC 27001:2022 7.5.3: an auditor can check that the approved text was not altered without trusting the tool.
    out += "The SHA-256 covers exactly the text above this section: every byte of this file before the line "
           "\"## Approval\", UTF-8, with LF line ends and the blank line that ends it. To verify it, run "
           "`sed '/^## Approval$/,$d' minutes.md | sha256sum` and compare the result with the value above.\n";
    return out;
}

std::string minutes_markdown(const MinutesDoc& doc)
{
    std::string out = minutes_markdown_body(doc);
    if (doc.approval)
        return out + minutes_approval_markdown(*doc.approval);
    return out + "**Draft: not approved.** These minutes become evidence when the chair approves them; approval "
                 "seals this text with its SHA-256.\n";
}

} // namespace c9
