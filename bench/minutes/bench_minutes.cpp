// Time to render the minutes of a long management review: 60 agenda items with notes, 20 decisions, 30 action
// items, 15 attendees and 15 KPIs. Target: under 10 ms each for Markdown and HTML (the median of many runs).
#include "core/review_inputs.h"
#include "export/agenda_markdown.h"
#include "export/doc_html.h"
#include "export/doc_json.h"
#include "export/ical.h"
#include "export/minutes_markdown.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

namespace {

using namespace c9;

constexpr int item_count = 60;
constexpr int decision_count = 20;
constexpr int action_count = 30;
constexpr int attendee_count = 15;
constexpr int kpi_count = 15;

const char* const first_names[] = {"Alice", "Bogdan", "Chiara", "Deniz", "Elif", "Farid", "Greta", "Hannu",
                                   "Ines", "Jonas", "Keiko", "Lars", "Mira", "Nadia", "Oskar"};
const char* const last_names[] = {"Schmidt", "Novak", "Rossi", "Yilmaz", "Kaya", "Haddad", "Berg", "Virtanen",
                                  "Costa", "Weber", "Tanaka", "Nilsson", "Horvat", "Petrova", "Lindqvist"};

const AgendaSection sections[] = {AgendaSection::opening,         AgendaSection::actions,  AgendaSection::maintenance,
                                  AgendaSection::controls,        AgendaSection::incidents, AgendaSection::vulnerabilities,
                                  AgendaSection::risks,           AgendaSection::kpis,      AgendaSection::management_review,
                                  AgendaSection::other_business};

std::string notes_for(int index)
{
    // Four to seven lines as a minute taker writes them, with the characters that need escaping.
    std::string notes = "Status reported by the owner: " + std::to_string(index % 7 + 2)
                      + " of the planned steps are done; the remaining work depends on the supplier's change window.\n"
                        "Discussion: the team agreed that the compensating control (daily log review) stays in place "
                        "until the fix is verified in production.\n";
    for (int line = 0; line < index % 4; ++line)
        notes += "- Follow-up " + std::to_string(line + 1) + ": check *exposure* on hosts_" + std::to_string(index)
               + " | report back at the next meeting <owner to confirm>.\n";
    notes += "Evidence: ticket CHG-" + std::to_string(4000 + index) + ", scan report of 2026-03-2" +
             std::to_string(index % 9) + ".";
    return notes;
}

MinutesDoc large_minutes()
{
    MinutesDoc doc;
    auto& agenda = doc.agenda;
    std::vector<DocPerson> people;
    for (int index = 0; index < attendee_count; ++index)
        people.push_back({index + 1, std::string(first_names[index]) + " " + last_names[index],
                          std::string(first_names[index]) + "@example.org"});

    agenda.meeting = {42, "MTG-42", "Management review H1 2026", "Management review", MeetingType::management_review,
                      MeetingState::held, *parse_timestamp("2026-06-30T09:00:00Z"), 240, "Board room / video link",
                      *parse_timestamp("2026-06-30T09:04:00Z"), *parse_timestamp("2026-06-30T13:21:00Z"), people[0],
                      people[1]};
    for (int index = 0; index < attendee_count; ++index) {
        AttendeeRole role = index == 0 ? AttendeeRole::chair
                          : index == 1 ? AttendeeRole::minute_taker
                          : index >= 12 ? AttendeeRole::guest
                                        : AttendeeRole::member;
        agenda.attendees.push_back({people[index], role, index % 7 == 6 ? Presence::excused : Presence::present});
    }

    auto inputs = review_inputs();
    for (int index = 0; index < item_count; ++index) {
        DocItem item;
        item.id = 1000 + index;
        item.number = index + 1;
        item.section = sections[index * 10 / item_count];
        item.title = "Review of finding " + std::to_string(index + 1) + ": patching backlog on the payment cluster";
        item.presenter = people[index % attendee_count];
        item.timebox_minutes = 4;
        item.sources = {"RSK-" + std::to_string(10 + index), "INC-" + std::to_string(index / 3 + 1)};
        item.covers = std::string(inputs[index % inputs.size()].code);
        item.notes = notes_for(index);
        item.outcome = static_cast<Outcome>(index % 3);
        agenda.items.push_back(std::move(item));
        agenda.total_minutes += 4;
    }
    for (const auto& input : inputs) {
        DocCoverage coverage{std::string(input.code), std::string(input.title), {}};
        for (const auto& item : agenda.items)
            if (item.covers == input.code)
                coverage.items.push_back(item.number);
        agenda.coverage.push_back(std::move(coverage));
    }
    for (int index = 0; index < kpi_count; ++index) {
        KpiStatus status;
        status.kpi.id = index + 1;
        status.kpi.name = "KPI " + std::to_string(index + 1) + ": vulnerabilities remediated within SLA";
        status.kpi.unit = "%";
        status.kpi.target = 95;
        status.kpi.amber = 90;
        status.kpi.frequency = KpiFrequency::quarterly;
        status.period = *parse_date("2026-04-01");
        status.value = 85 + index;
        status.previous = 88;
        status.rag = status.value >= 95 ? Rag::green : status.value >= 90 ? Rag::amber : Rag::red;
        status.trend = static_cast<Trend>(index % 4);
        agenda.kpis.push_back(status);
    }

    doc.quorum = 8;
    doc.present = 13;
    for (int index = 0; index < decision_count; ++index)
        doc.decisions.push_back({"DEC-" + std::to_string(100 + index),
                                 "Accept the residual risk of RSK-" + std::to_string(10 + index * 3)
                                     + " until the supplier's fix is deployed",
                                 "Compensating monitoring is in place and the exposure is limited to the internal "
                                 "network; the cost of an emergency change outweighs the reduction in risk.",
                                 static_cast<DecisionType>(index % 5), "RSK-" + std::to_string(10 + index * 3),
                                 index * 3 + 1});
    for (int index = 0; index < action_count; ++index)
        doc.actions.push_back({"ACT-" + std::to_string(500 + index),
                               "Verify the fix for finding " + std::to_string(index + 1) + " and attach the scan report",
                               people[(index + 2) % attendee_count],
                               *parse_date("2026-07-31") + std::chrono::days(index), ActionStatus::open,
                               index * 2 + 1});
    for (int index = 0; index < 5; ++index)
        doc.lessons.push_back({"LL-" + std::to_string(20 + index), "Escalate supplier delays earlier",
                               LessonCategory::supplier, "Add the supplier's change window to the patch calendar"});
    doc.approval = DocApproval{*parse_timestamp("2026-07-02T08:00:00Z"), people[0], std::string(64, 'a'),
                               std::string(64, 'b')};
    return doc;
}

struct Figures {
    double median_us;
    double p90_us;
    double min_us;
    size_t bytes;
};

Figures measure(const std::function<size_t()>& render, int runs)
{
    for (int warmup = 0; warmup < 10; ++warmup)
        render();
    std::vector<double> samples;
    size_t bytes = 0;
    for (int run = 0; run < runs; ++run) {
        auto start = std::chrono::steady_clock::now();
        bytes = render();
        auto elapsed = std::chrono::steady_clock::now() - start;
        samples.push_back(std::chrono::duration<double, std::micro>(elapsed).count());
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[samples.size() * 9 / 10], samples.front(), bytes};
}

} // namespace

int main()
{
    const MinutesDoc doc = large_minutes();
    constexpr int runs = 301;
    struct Case {
        const char* name;
        bool has_target;
        std::function<size_t()> render;
    };
    const Case cases[] = {
        {"minutes_markdown", true, [&] { return minutes_markdown(doc).size(); }},
        {"minutes_html", true, [&] { return minutes_html(doc).size(); }},
        {"minutes_json (dump)", false, [&] { return minutes_json(doc).dump().size(); }},
        {"agenda_markdown", false, [&] { return agenda_markdown(doc.agenda).size(); }},
        {"agenda_html", false, [&] { return agenda_html(doc.agenda).size(); }},
        {"meeting_ics", false, [&] { return meeting_ics(doc.agenda).size(); }},
    };

    std::printf("bench_minutes: %d agenda items with notes, %d decisions, %d actions, %d attendees, %d KPIs; "
                "%d runs each\n",
                item_count, decision_count, action_count, attendee_count, kpi_count, runs);
    std::printf("%-22s %10s %10s %10s %10s  %s\n", "document", "median", "p90", "min", "size", "target");
    bool within_target = true;
    for (const auto& test : cases) {
        auto figures = measure(test.render, runs);
        const char* verdict = "";
        if (test.has_target) {
            bool ok = figures.median_us < 10'000;
            within_target = within_target && ok;
            verdict = ok ? "< 10 ms: met" : "< 10 ms: MISSED";
        }
        std::printf("%-22s %7.3f ms %7.3f ms %7.3f ms %7.1f kB  %s\n", test.name, figures.median_us / 1000,
                    figures.p90_us / 1000, figures.min_us / 1000, static_cast<double>(figures.bytes) / 1024, verdict);
    }
    std::printf("%s\n", within_target ? "all targets met" : "target missed");
    return 0;
}
