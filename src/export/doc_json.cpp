#include "export/doc_json.h"

#include "core/review_inputs.h"
#include "export/plain_text.h"

namespace c9 {

namespace {

// Register text is not trusted to be valid UTF-8, and nlohmann::json refuses to serialise invalid UTF-8.
Json text(std::string_view value) { return clean_text(value); }

Json text_or_null(std::string_view value)
{
    std::string cleaned = clean_text(value);
    return cleaned.empty() ? Json(nullptr) : Json(std::move(cleaned));
}

Json person_json(const std::optional<DocPerson>& person)
{
    if (!person)
        return nullptr;
    return Json{{"id", person->id}, {"name", text(person->name)}};
}

Json number_or_null(int number) { return number > 0 ? Json(number) : Json(nullptr); }

Json strings_json(const std::vector<std::string>& values)
{
    Json out = Json::array();
    for (const auto& value : values)
        out.push_back(text(value));
    return out;
}

Json meeting_json(const DocMeeting& meeting)
{
    return Json{{"id", meeting.id},
                {"ref", text(meeting.ref)},
                {"title", text(meeting.title)},
                {"series", text(meeting.series)},
                {"type", to_string(meeting.type)},
                {"state", to_string(meeting.state)},
                {"starts_at", format_timestamp(meeting.starts_at)},
                {"duration_minutes", meeting.duration_minutes},
                {"location", text_or_null(meeting.location)},
                {"chair", person_json(meeting.chair)},
                {"minute_taker", person_json(meeting.minute_taker)}};
}

Json attendee_json(const DocAttendee& attendee)
{
    return Json{{"id", attendee.person.id},
                {"name", text(attendee.person.name)},
                {"email", text_or_null(attendee.person.email)},
                {"role", to_string(attendee.role)},
                {"presence", to_string(attendee.presence)}};
}

Json item_json(const DocItem& item)
{
    return Json{{"id", item.id},
                {"number", item.number},
                {"title", text(item.title)},
                {"presenter", person_json(item.presenter)},
                {"timebox_minutes", item.timebox_minutes},
                {"sources", strings_json(item.sources)},
                {"covers", strings_json(parse_covers(item.covers))},
                {"notes", text_or_null(item.notes)},
                {"outcome", item.outcome ? Json(to_string(*item.outcome)) : Json(nullptr)},
                {"manual", item.manual}};
}

Json optional_number(std::optional<double> value) { return value ? Json(*value) : Json(nullptr); }

Json kpi_json(const KpiStatus& status)
{
    const auto& kpi = status.kpi;
    return Json{{"id", kpi.id},
                {"name", text(kpi.name)},
                {"value", optional_number(status.value)},
                {"unit", kpi.unit ? text_or_null(*kpi.unit) : Json(nullptr)},
                {"direction", to_string(kpi.direction)},
                {"target", kpi.target},
                {"amber", optional_number(kpi.amber)},
                {"rag", status.rag ? Json(to_string(*status.rag)) : Json(nullptr)},
                {"trend", to_string(status.trend)},
                {"period", format_date(status.period)}};
}

Json decision_json(const DocDecision& decision)
{
    return Json {{"ref", text(decision.ref)}, {"type", to_string(decision.type)}, {"text", text(decision.text)},
        {"rationale", text_or_null(decision.rationale)}, {"links", strings_json(linked_refs(decision))},
        {"item", number_or_null(decision.item_number)}, {"owner", person_json(decision.owner)},
        {"due", decision.due ? Json(format_date(*decision.due)) : Json(nullptr)}, {"provisional", decision.provisional},
        {"confirms", text_or_null(decision.confirms)}};
}

Json action_json(const DocAction& action)
{
    return Json{{"ref", text(action.ref)},
                {"title", text(action.title)},
                {"owner", person_json(action.owner)},
                {"due", format_date(action.due)},
                {"status", to_string(action.status)},
                {"item", number_or_null(action.item_number)}};
}

Json lesson_json(const DocLesson& lesson)
{
    return Json{{"ref", text(lesson.ref)},
                {"title", text(lesson.title)},
                {"category", to_string(lesson.category)},
                {"improvement", text_or_null(lesson.improvement)}};
}

Json approval_json(const DocApproval& approval)
{
    return Json{{"approved_at", format_timestamp(approval.approved_at)},
                {"approved_by", person_json(approval.approved_by)},
                {"sha256", text(approval.sha256)},
                {"audit_head", text(approval.audit_head)}};
}

} // namespace

Json agenda_json(const AgendaDoc& doc)
{
    Json attendees = Json::array();
    for (const auto& attendee : doc.attendees)
        attendees.push_back(attendee_json(attendee));

    Json sections = Json::array();
    for (const auto& group : items_by_section(doc.items)) {
        Json items = Json::array();
        for (const auto* item : group.items)
            items.push_back(item_json(*item));
        sections.push_back(
            Json{{"key", to_string(group.section)}, {"title", section_title(group.section)}, {"items", items}});
    }

    Json coverage = Json::array();
    for (const auto& input : review_coverage_of(doc))
        coverage.push_back(Json{{"input", text(input.code)},
                                {"title", text(input.title)},
                                {"items", input.items},
                                {"covered", !input.items.empty()}});

    Json kpis = Json::array();
    for (const auto& status : doc.kpis)
        kpis.push_back(kpi_json(status));

    return Json{{"meeting", meeting_json(doc.meeting)},
                {"attendees", attendees},
                {"sections", sections},
                {"total_minutes", doc.total_minutes},
                {"duration_minutes", doc.meeting.duration_minutes},
                {"over_time", doc.over_time},
                {"coverage", coverage},
                {"kpis", kpis}};
}

Json minutes_json(const MinutesDoc& doc)
{
    Json out = agenda_json(doc.agenda);
    const auto& meeting = doc.agenda.meeting;
    out["meeting"]["started_at"] = meeting.started_at ? Json(format_timestamp(*meeting.started_at)) : Json(nullptr);
    out["meeting"]["ended_at"] = meeting.ended_at ? Json(format_timestamp(*meeting.ended_at)) : Json(nullptr);
    out["quorum"] = doc.quorum ? Json(*doc.quorum) : Json(nullptr);
    out["present"] = doc.present;
    out["quorum_reached"] = doc.quorum_reached();

    Json decisions = Json::array();
    for (const auto& decision : doc.decisions)
        decisions.push_back(decision_json(decision));
    out["decisions"] = decisions;

    Json actions = Json::array();
    for (const auto& action : doc.actions)
        actions.push_back(action_json(action));
    out["actions"] = actions;

    Json lessons = Json::array();
    for (const auto& lesson : doc.lessons)
        lessons.push_back(lesson_json(lesson));
    out["lessons"] = lessons;

    Json proposals = Json::array();
    for (const auto& proposal : doc.proposals_not_taken)
        proposals.push_back(Json {{"ref", text(proposal.ref)}, {"title", text(proposal.title)},
            {"kind", to_string(proposal.kind)}, {"proposed_by", person_json(proposal.proposed_by)},
            {"status", to_string(proposal.status)}, {"reason", text_or_null(proposal.reason)}});
    out["proposals_not_taken"] = proposals;

    out["uncovered_reason"] = text_or_null(doc.uncovered_reason);
    out["approval"] = doc.approval ? approval_json(*doc.approval) : Json(nullptr);
    return out;
}

} // namespace c9
