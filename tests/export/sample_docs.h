// Document models for the renderer tests: a management review with one 9.3.2 input left uncovered and more
// timeboxes than minutes, and its minutes.
#pragma once

#include "core/minutes.h"
#include "core/review_inputs.h"

namespace c9::test {

inline Timestamp at(std::string_view text) { return *parse_timestamp(text); }
inline Date day(std::string_view text) { return *parse_date(text); }

inline DocPerson person(Id id, std::string name, std::string email)
{
    return DocPerson{id, std::move(name), std::move(email)};
}

inline KpiStatus kpi(Id id, std::string name, std::optional<std::string> unit, Direction direction, double target,
                     std::optional<double> amber, std::optional<double> value, std::optional<Rag> rag, Trend trend)
{
    KpiStatus status;
    status.kpi.id = id;
    status.kpi.name = std::move(name);
    status.kpi.unit = std::move(unit);
    status.kpi.direction = direction;
    status.kpi.target = target;
    status.kpi.amber = amber;
    status.kpi.frequency = KpiFrequency::quarterly;
    status.period = day("2026-01-01");
    status.value = value;
    status.rag = rag;
    status.trend = trend;
    return status;
}

inline DocItem item(Id id, int number, AgendaSection section, std::string title, std::optional<DocPerson> presenter,
                    int timebox, std::vector<std::string> sources, std::string covers = {})
{
    DocItem doc_item;
    doc_item.id = id;
    doc_item.number = number;
    doc_item.section = section;
    doc_item.title = std::move(title);
    doc_item.presenter = std::move(presenter);
    doc_item.timebox_minutes = timebox;
    doc_item.sources = std::move(sources);
    doc_item.covers = std::move(covers);
    return doc_item;
}

// Every 9.3.2 input but b is covered; the timeboxes add up to 70 minutes of a 60-minute meeting.
inline AgendaDoc review_agenda()
{
    auto chair = person(1, "Alice Chair", "alice@example.org");
    auto taker = person(2, "Bob Notes", "bob@example.org");
    auto member = person(3, "Carol Member", "carol@example.org");
    auto guest = person(4, "Dan Guest", "");

    AgendaDoc doc;
    doc.meeting.id = 12;
    doc.meeting.ref = "MTG-12";
    doc.meeting.title = "Management review Q1 2026";
    doc.meeting.series = "Management review";
    doc.meeting.type = MeetingType::management_review;
    doc.meeting.starts_at = at("2026-03-31T14:00:00Z");
    doc.meeting.duration_minutes = 60;
    doc.meeting.location = "Board room";
    doc.meeting.chair = chair;
    doc.meeting.minute_taker = taker;
    doc.attendees = {{chair, AttendeeRole::chair, Presence::invited},
                     {taker, AttendeeRole::minute_taker, Presence::invited},
                     {member, AttendeeRole::member, Presence::invited},
                     {guest, AttendeeRole::guest, Presence::invited}};
    // Listed out of section order on purpose: the documents group them in the order of the sections.
    doc.items = {
        item(101, 1, AgendaSection::opening, "Attendance and roles", chair, 5, {}),
        item(105, 5, AgendaSection::risks, "Risks above appetite", member, 15, {"RSK-12", "RSK-14"}, "f"),
        item(102, 2, AgendaSection::actions, "Open action items", taker, 10, {"ACT-103"}, "a"),
        item(103, 3, AgendaSection::incidents, "Incident INC-4: phishing", member, 10, {"INC-4"}, "d1, c, e"),
        item(104, 4, AgendaSection::kpis, "KPIs off target", chair, 10, {"KPI-2"}, "d2 d3 d4"),
        item(106, 6, AgendaSection::other_business, "Improvement ideas", chair, 20, {}, "g"),
    };
    doc.total_minutes = 70;
    doc.over_time = true;
    std::vector<CoveredItem> covered;
    for (const auto& doc_item : doc.items)
        covered.push_back({doc_item.covers, std::to_string(doc_item.number)});
    // review_coverage is keyed by input code, which sorts in the order of the clause.
    for (const auto& [code, labels] : review_coverage(covered)) {
        DocCoverage input{code, std::string(find_review_input(code)->title), {}};
        for (const auto& label : labels)
            input.items.push_back(std::stoi(label));
        doc.coverage.push_back(std::move(input));
    }
    doc.kpis = {kpi(1, "Vulnerabilities remediated within SLA", "%", Direction::higher_is_better, 95, 90, 92.5,
                    Rag::amber, Trend::improving),
                kpi(2, "Open critical vulnerabilities", std::nullopt, Direction::lower_is_better, 0, 2, 3, Rag::red,
                    Trend::worsening),
                kpi(3, "Mean time to contain", "hours", Direction::lower_is_better, 4, 8, std::nullopt, std::nullopt,
                    Trend::unknown)};
    return doc;
}

inline MinutesDoc review_minutes()
{
    MinutesDoc doc;
    doc.agenda = review_agenda();
    doc.agenda.meeting.state = MeetingState::held;
    doc.agenda.meeting.started_at = at("2026-03-31T14:03:00Z");
    doc.agenda.meeting.ended_at = at("2026-03-31T15:12:00Z");
    doc.agenda.attendees[0].presence = Presence::present;
    doc.agenda.attendees[1].presence = Presence::present;
    doc.agenda.attendees[2].presence = Presence::excused;
    doc.agenda.attendees[3].presence = Presence::present;
    doc.quorum = 3;
    doc.present = 3;
    doc.agenda.items[2].notes = "Two actions overdue.\nACT-103 moved to the next meeting.";
    doc.agenda.items[2].outcome = Outcome::action;
    doc.agenda.items[1].notes = "RSK-12 stays above appetite until the firewall project ends.";
    doc.agenda.items[1].outcome = Outcome::decision;
    doc.decisions = {{"DEC-3", "Accept RSK-12 until 2026-06-30", "Compensating monitoring is in place",
                         DecisionType::risk_acceptance, "RSK-12", 5, doc.agenda.attendees[2].person, day("2026-06-30")},
        {"DEC-4", "Fund a second SOC analyst", "", DecisionType::resource, "", 0, std::nullopt, std::nullopt, false,
            "DEC-1"}};
    doc.proposals_not_taken = {{"PRP-2", "Discuss the canteen Wi-Fi", ProposalKind::concern,
        doc.agenda.attendees[3].person, ProposalStatus::declined, "Not an ISMS matter; facilities handle it"}};
    doc.actions = {{"ACT-120", "Review firewall rule base", doc.agenda.attendees[2].person, day("2026-04-30"),
                    ActionStatus::open, 5},
                   {"ACT-121", "Phishing training for finance", std::nullopt, day("2026-05-15"),
                    ActionStatus::in_progress, 3}};
    doc.lessons = {{"LL-4", "Report phishing faster", LessonCategory::people, "Add a report button to the mail client"}};
    doc.uncovered_reason = "Input b was discussed at the strategy day on 2026-03-10.";
    return doc;
}

inline DocApproval sample_approval()
{
    return DocApproval{at("2026-04-02T09:15:27Z"), person(1, "Alice Chair", "alice@example.org"),
                       "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                       "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"};
}

} // namespace c9::test
