#include "app/meeting_docs.h"

#include "app/kpi_review.h"
#include "app/registers.h"
#include "core/audit.h"
#include "core/review_inputs.h"
#include "core/text.h"
#include "store/audit_log.h"
#include "store/meeting_records.h"

namespace c9 {

namespace {

class People {
public:
    explicit People(Tx& tx) : m_tx(tx) {}

    Result<std::optional<DocPerson>> find(std::optional<Id> id)
    {
        if (!id)
            return std::optional<DocPerson>{};
        auto cached = m_cache.find(*id);
        if (cached == m_cache.end()) {
            auto person = C9_TRY(get_row(m_tx, person_spec(), *id));
            cached = m_cache.emplace(*id, DocPerson{person.id, person.name, person.email}).first;
        }
        return std::optional<DocPerson>{cached->second};
    }

private:
    Tx& m_tx;
    std::map<Id, DocPerson> m_cache;
};

// Documents of a meeting that has ended show the figures as they were when it ended.
Timestamp document_time(const Meeting& meeting, const Caller& caller)
{
    return meeting.ended_at.value_or(caller.now);
}

} // namespace

Result<AgendaDoc> agenda_doc(Tx& tx, const MeetingRecord& record, const Caller& caller)
{
    People people(tx);
    AgendaDoc doc;
    const auto& meeting = record.meeting;
    doc.meeting = {meeting.id,
                   display_id("MTG", meeting.id),
                   meeting.title,
                   record.series.name,
                   record.series.type,
                   meeting.state,
                   meeting.starts_at,
                   meeting.duration_minutes,
                   meeting.location.value_or(""),
                   meeting.started_at,
                   meeting.ended_at,
                   {},
                   {}};
    for (const auto& attendance : record.attendance) {
        auto person = C9_TRY(people.find(attendance.person));
        doc.attendees.push_back({*person, attendance.role, attendance.presence});
        if (attendance.role == AttendeeRole::chair)
            doc.meeting.chair = person;
        if (attendance.role == AttendeeRole::minute_taker)
            doc.meeting.minute_taker = person;
    }
    int number = 0;
    for (const auto& item : record.agenda) {
        if (item.removed)
            continue;
        DocItem doc_item;
        doc_item.id = item.id;
        doc_item.number = ++number;
        doc_item.section = item.section;
        doc_item.title = item.title;
        doc_item.presenter = C9_TRY(people.find(item.presenter));
        doc_item.timebox_minutes = item.timebox_minutes;
        doc_item.sources = split_list(item.sources);
        doc_item.covers = item.covers;
        doc_item.notes = item.notes.value_or("");
        doc_item.outcome = item.outcome;
        doc_item.manual = !item.key.has_value();
        doc.total_minutes += item.timebox_minutes;
        doc.items.push_back(std::move(doc_item));
    }
    doc.over_time = doc.total_minutes > meeting.duration_minutes;
    if (record.series.type == MeetingType::management_review) {
        // Before the meeting the agenda shows what each input is planned under; from the start on, what was
        // discussed: notes or an outcome on an item covering it.
        auto coverage = review_coverage(covered_items(record.agenda),
            meeting.state == MeetingState::planned ? Coverage::planned : Coverage::discussed);
        for (const auto& input : review_inputs()) {
            DocCoverage entry{std::string(input.code), std::string(input.title), {}};
            for (const auto& label : coverage[std::string(input.code)])
                entry.items.push_back(std::stoi(label));
            doc.coverage.push_back(std::move(entry));
        }
    }
    auto rules = C9_TRY(load_rules(tx, document_time(meeting, caller)));
    doc.kpis = C9_TRY(review_kpis(tx, rules));
    return doc;
}

Result<MinutesDoc> minutes_doc(Tx& tx, const MeetingRecord& record, const Caller& caller)
{
    People people(tx);
    MinutesDoc doc;
    doc.agenda = C9_TRY(agenda_doc(tx, record, caller));
    doc.quorum = record.series.quorum;
    for (const auto& attendance : record.attendance)
        doc.present += attendance.presence == Presence::present ? 1 : 0;
    std::map<Id, int> numbers;
    for (const auto& item : doc.agenda.items)
        numbers[item.id] = item.number;
    auto number_of = [&](std::optional<Id> item) { return item && numbers.contains(*item) ? numbers[*item] : 0; };
    for (const auto& decision : record.decisions)
        doc.decisions.push_back(
            {display_id("DEC", decision.id), decision.text, decision.rationale.value_or(""), decision.type,
                decision.links, number_of(decision.agenda_item), C9_TRY(people.find(decision.owner)), decision.due,
                decision.provisional, decision.confirms ? display_id("DEC", *decision.confirms) : std::string()});
    for (const auto& proposal : record.proposals)
        if (proposal.status != ProposalStatus::accepted)
            doc.proposals_not_taken.push_back({display_id("PRP", proposal.id), proposal.title, proposal.kind,
                C9_TRY(people.find(proposal.proposed_by)), proposal.status, proposal.reason.value_or("")});
    for (const auto& action : record.actions)
        doc.actions.push_back({display_id("ACT", action.id), action.title, C9_TRY(people.find(action.owner)),
                               action.due, action.status, number_of(action.agenda_item)});
    for (const auto& lesson : record.lessons)
        doc.lessons.push_back(
            {display_id("LL", lesson.id), lesson.title, lesson.category, lesson.improvement.value_or("")});
    doc.uncovered_reason = record.meeting.uncovered_reason.value_or("");
    if (record.meeting.state == MeetingState::approved && record.meeting.approved_at)
        doc.approval = DocApproval{*record.meeting.approved_at, C9_TRY(people.find(record.meeting.approved_by)),
                                   record.meeting.minutes_hash.value_or(""), record.meeting.audit_head.value_or("")};
    return doc;
}

Result<Meeting> approve_meeting(Tx& tx, Id meeting_id, std::optional<Id> approver, const Caller& caller,
                                const MinutesRenderers& renderers)
{
    auto record = C9_TRY(load_meeting(tx, meeting_id));
    const auto& meeting = record.meeting;
    C9_TRY(ensure_record_open(meeting));
    if (meeting.state != MeetingState::held)
        return Error::conflict(fmt::format("{} cannot be approved: it is {}; close it first",
                                           display_id("MTG", meeting_id), to_string(meeting.state)));
    if (!approver)
        approver = caller.person;
    if (!approver)
        return Error::invalid("by", "name the person approving the minutes (id or email)");
    if (!C9_TRY(tx.exists("people", *approver)))
        return Error::invalid("by", fmt::format("no person has the id {}", *approver));
    auto person = C9_TRY(get_row(tx, person_spec(), *approver));
    if (auto refusal = approval_refusal(person.id, person.active, record.attendance, record.series))
        return Error::invalid("by", *refusal);

    auto doc = C9_TRY(minutes_doc(tx, record, caller));
    SealedMinutes sealed;
    sealed.meeting = meeting_id;
    sealed.body = renderers.markdown_body(doc);
    sealed.sha256 = sha256_hex(sealed.body);
    auto head = C9_TRY(audit_head(tx));
    People people(tx);
    doc.approval = DocApproval{caller.now, C9_TRY(people.find(approver)), sealed.sha256, head.hash};
    sealed.markdown = renderers.markdown(doc);
    sealed.html = renderers.html(doc);
    sealed.json = renderers.json(doc);
    sealed.approved_at = caller.now;
    sealed.approved_by = caller.actor;
    C9_TRY(insert_minutes(tx, sealed));

    auto approved = meeting;
    approved.state = MeetingState::approved;
    approved.approved_at = caller.now;
    approved.approved_by = approver;
    approved.minutes_hash = sealed.sha256;
    approved.audit_head = head.hash;
    return write_changes(tx, meeting_spec(), meeting, approved, caller, "approve");
}

Result<std::optional<SealedMinutes>> approved_minutes(Tx& tx, Id meeting) { return sealed_minutes(tx, meeting); }

Result<SealCheck> verify_minutes(Tx& tx, Id meeting_id)
{
    auto meeting = C9_TRY(get_row(tx, meeting_spec(), meeting_id));
    auto sealed = C9_TRY(sealed_minutes(tx, meeting_id));
    if (!sealed || !meeting.minutes_hash)
        return Error::not_found(fmt::format("{} has no approved minutes", display_id("MTG", meeting_id)));
    SealCheck check;
    check.recorded = *meeting.minutes_hash;
    check.computed = sha256_hex(sealed->body);
    check.intact = check.recorded == check.computed && sealed->sha256 == check.recorded;
    return check;
}

} // namespace c9
