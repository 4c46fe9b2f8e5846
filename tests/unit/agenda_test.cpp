// The agenda builder and the merge of a regenerated agenda, on small hand-built inputs.
#include "core/agenda.h"
#include "core/review_inputs.h"

#include <functional>

#include <gtest/gtest.h>

namespace c9 {
namespace {

Timestamp at(const char* text) { return *parse_timestamp(text); }
Date day(const char* text) { return *parse_date(text); }

AgendaInput base_input()
{
    AgendaInput input;
    input.now = at("2026-06-15T09:00:00Z");
    Meeting previous;
    previous.id = 7;
    previous.title = "ISMS maintenance 2026-05-15";
    previous.starts_at = at("2026-05-15T09:00:00Z");
    previous.started_at = at("2026-05-15T09:05:00Z");
    previous.state = MeetingState::approved;
    input.previous = previous;
    input.next_meeting = day("2026-07-15");
    input.chair = 1;
    input.role_holders = {{IsmsRole::iso, 1}, {IsmsRole::it, 2}};
    return input;
}

const AgendaDraft* find(const std::vector<AgendaDraft>& items, const std::string& key)
{
    for (const auto& item : items)
        if (item.key == key)
            return &item;
    return nullptr;
}

bool has_key(const std::vector<AgendaDraft>& items, const std::string& key) { return find(items, key) != nullptr; }

TEST(AgendaBuilder, ChangesAreCountedFromTheStartOfThePreviousMeeting)
{
    auto input = base_input();
    EXPECT_EQ(format_timestamp(changes_since(input)), "2026-05-15T09:05:00Z");
    input.previous->started_at.reset();
    EXPECT_EQ(format_timestamp(changes_since(input)), "2026-05-15T09:00:00Z");
    input.previous.reset();
    EXPECT_EQ(changes_since(input), Timestamp{});
}

TEST(AgendaBuilder, EverySectionAppearsInOrderWithPresentersAndTimeboxes)
{
    auto input = base_input();
    input.previous->state = MeetingState::held;
    ActionItem action;
    action.id = 3;
    action.title = "Rotate VPN certificates";
    action.owner = 5;
    action.due = day("2026-06-01");
    input.open_actions = {{action}, 1};
    input.overdue_actions = 1;
    Incident severe;
    severe.id = 11;
    severe.title = "Ransomware on file server";
    severe.severity = Severity::critical;
    severe.owner = 2;
    Incident minor = severe;
    minor.id = 12;
    minor.severity = Severity::low;
    minor.owner.reset();
    input.new_incidents = {{Severity::critical, 1}, {Severity::low, 1}};
    input.severe_incidents = {{severe}, 1};
    input.routine_incidents = {{minor}, 1};
    auto items = build_agenda(input);

    ASSERT_FALSE(items.empty());
    for (size_t index = 1; index < items.size(); ++index)
        EXPECT_LE(items[index - 1].section, items[index].section) << items[index].key;
    ASSERT_TRUE(has_key(items, "opening.previous_minutes"));
    const auto* overdue = find(items, "actions.open:ACT-3");
    ASSERT_NE(overdue, nullptr);
    EXPECT_EQ(overdue->presenter, 5); // the owner presents
    EXPECT_NE(overdue->title.find("Overdue"), std::string::npos);
    const auto* critical = find(items, "incidents.severe:INC-11");
    ASSERT_NE(critical, nullptr);
    EXPECT_EQ(critical->timebox_minutes, 10);
    const auto* routine = find(items, "incidents.new");
    ASSERT_NE(routine, nullptr);
    EXPECT_EQ(routine->presenter, 2); // no owner: the IT role holder presents incidents
    EXPECT_EQ(routine->sources, std::vector<std::string>{"INC-12"});
    EXPECT_TRUE(has_key(items, "other.next_meeting"));
    EXPECT_FALSE(has_key(items, "review.b")); // not a management review
}

TEST(AgendaBuilder, KpiFiguresReadAsTheKpiTableShowsThem)
{
    auto input = base_input();
    Kpi percent;
    percent.id = 1;
    percent.name = "Patch compliance";
    percent.unit = "%";
    percent.target = 95;
    percent.amber = 90;
    Kpi days;
    days.id = 2;
    days.name = "Mean time to remediate";
    days.unit = "days";
    days.direction = Direction::lower_is_better;
    days.target = 30;
    input.kpis = {kpi_status(percent, day("2026-05-01"), 2500.0 / 27, 96.0),
                  kpi_status(days, day("2026-05-01"), 80.80952, 70.0)};
    std::map<std::string, std::string> titles;
    for (const auto& draft : build_agenda(input))
        titles[draft.key] = draft.title;
    EXPECT_EQ(titles["kpis.off_target:KPI-1"],
              "KPI-1 Patch compliance is amber: 92.59% against a target of at least 95% (amber down to 90%) (worsening)");
    EXPECT_EQ(titles["kpis.off_target:KPI-2"],
              "KPI-2 Mean time to remediate is red: 80.81 days against a target of at most 30 days (worsening)");
}

TEST(AgendaBuilder, TableOfRules)
{
    struct Case {
        const char* name;
        std::function<void(AgendaInput&)> setup;
        const char* expected_key; // present in the agenda
        const char* absent_key;   // must not be present (nullptr: nothing checked)
    };
    std::vector<Case> cases{
        {"an action closed since the previous meeting is listed for confirmation",
         [](AgendaInput& input) {
             ActionItem done;
             done.id = 9;
             done.status = ActionStatus::done;
             input.closed_actions = {{done}, 1};
         },
         "actions.closed", nullptr},
        {"a KPI turning red gets its own item",
         [](AgendaInput& input) {
             Kpi kpi;
             kpi.id = 4;
             kpi.name = "Vulnerabilities remediated within SLA";
             kpi.target = 95;
             kpi.amber = 90;
             input.kpis = {kpi_status(kpi, day("2026-05-01"), 80.0, 96.0)};
         },
         "kpis.off_target:KPI-4", nullptr},
        {"a KPI on target is only in the review table",
         [](AgendaInput& input) {
             Kpi kpi;
             kpi.id = 4;
             kpi.name = "x";
             kpi.target = 95;
             input.kpis = {kpi_status(kpi, day("2026-05-01"), 99.0, 96.0)};
         },
         "kpis.review", "kpis.off_target:KPI-4"},
        {"a risk whose score rose is discussed on its own",
         [](AgendaInput& input) {
             Risk risk;
             risk.id = 21;
             risk.title = "Supplier breach";
             risk.owner = 6;
             input.risen = {{risk, 6, 12}};
             input.risen_total = 1;
         },
         "risks.rose:RSK-21", "risks.lowered"},
        {"a risk whose score fell is grouped",
         [](AgendaInput& input) {
             input.lowered = {{22}, 1};
         },
         "risks.lowered", "risks.rose:RSK-22"},
        {"known-exploited vulnerabilities come first and on their own",
         [](AgendaInput& input) {
             Vulnerability kev;
             kev.id = 30;
             kev.kev = true;
             kev.cve = "CVE-2024-3400";
             kev.due = day("2026-06-01");
             input.known_exploited = {{kev}, 1};
         },
         "vulnerabilities.kev:VUL-30", "vulnerabilities.overdue"},
        {"minutes already approved are not approved again", [](AgendaInput&) {}, "opening.attendance",
         "opening.previous_minutes"},
        {"the first meeting of a series has no previous minutes",
         [](AgendaInput& input) { input.previous.reset(); }, "opening.attendance", "opening.previous_minutes"},
        {"a vulnerability accepted as risk since the previous meeting is seen once",
         [](AgendaInput& input) {
             Vulnerability accepted;
             accepted.id = 31;
             accepted.status = VulnStatus::risk_accepted;
             input.accepted_vulnerabilities = {{accepted}, 1};
         },
         "vulnerabilities.accepted", nullptr},
        {"an incident open for more than 30 days is raised",
         [](AgendaInput& input) {
             Incident stuck;
             stuck.id = 41;
             input.long_open_incidents = {{stuck}, 1};
         },
         "incidents.long_open", nullptr},
        {"a new nonconformity is discussed in its own section (10.2)",
         [](AgendaInput& input) {
             Nonconformity nc;
             nc.id = 5;
             input.new_nonconformities = {{nc}, 1};
         },
         "nonconformities.new", "nonconformities.overdue"},
        {"an overdue corrective action is followed up",
         [](AgendaInput& input) {
             Nonconformity nc;
             nc.id = 6;
             input.overdue_corrective_actions = {{nc}, 1};
         },
         "nonconformities.overdue", "nonconformities.new"},
        {"a corrective action awaiting its effectiveness check is listed",
         [](AgendaInput& input) {
             Nonconformity nc;
             nc.id = 7;
             input.effectiveness_due = {{nc}, 1};
         },
         "nonconformities.effectiveness", nullptr},
        {"a management review leaves nonconformities to its 9.3.2 input",
         [](AgendaInput& input) {
             input.type = MeetingType::management_review;
             Nonconformity nc;
             nc.id = 8;
             input.new_nonconformities = {{nc}, 1};
         },
         "opening.attendance", "nonconformities.new"},
        {"a closed incident without lessons is flagged",
         [](AgendaInput& input) {
             Incident incident;
             incident.id = 40;
             input.closed_without_lessons = {{incident}, 1};
         },
         "incidents.no_lessons", nullptr},
        {"a maintenance finding gets its own item",
         [](AgendaInput& input) {
             Completion completion;
             completion.activity = 8;
             completion.done_on = day("2026-06-01");
             completion.due = day("2026-05-31");
             completion.result = ActivityResult::issues_found;
             input.completions = 1;
             input.findings = {{{completion, "Restore test", 2}}, 1};
         },
         "maintenance.findings:MNT-8:2026-06-01", nullptr},
    };
    for (const auto& test_case : cases) {
        auto input = base_input();
        test_case.setup(input);
        auto items = build_agenda(input);
        EXPECT_TRUE(has_key(items, test_case.expected_key)) << test_case.name;
        if (test_case.absent_key) {
            EXPECT_FALSE(has_key(items, test_case.absent_key)) << test_case.name;
        }
    }
}

TEST(AgendaBuilder, ManyOpenActionsAreGroupedByOwnerOverdueFirst)
{
    auto input = base_input();
    input.open_actions.total = 40;
    input.overdue_actions = 3;
    input.action_owners = {{11, 5, 3, {7, 8, 9, 10, 12}}, {10, 20, 0, {1, 2}}, {12, 5, 0, {3}}};
    auto items = build_agenda(input);
    std::vector<const AgendaDraft*> owners;
    for (const auto& item : items)
        if (item.key.starts_with("actions.owner:"))
            owners.push_back(&item);
    ASSERT_EQ(owners.size(), 3u);
    EXPECT_EQ(owners[0]->presenter, 11); // the owner with overdue items comes first and presents them
    EXPECT_NE(owners[0]->title.find("3 overdue"), std::string::npos);
    EXPECT_EQ(owners[0]->sources.size(), 5u);
    const auto* others = find(items, "actions.others");
    ASSERT_NE(others, nullptr);
    EXPECT_NE(others->title.find("10 of 40"), std::string::npos) << others->title;
}

TEST(AgendaBuilder, ABadMonthStillGivesAnAgendaAMeetingCanGetThrough)
{
    auto input = base_input();
    for (int index = 1; index <= 30; ++index) {
        Incident incident;
        incident.id = index;
        incident.severity = Severity::high;
        input.severe_incidents.rows.push_back(incident);
    }
    input.severe_incidents.total = 250;
    auto items = build_agenda(input);
    int individual = 0;
    for (const auto& item : items)
        individual += item.key.starts_with("incidents.severe:") ? 1 : 0;
    EXPECT_EQ(individual, 10);
    const auto* more = find(items, "incidents.severe_more");
    ASSERT_NE(more, nullptr);
    EXPECT_NE(more->title.find("240"), std::string::npos) << more->title;
}

TEST(AgendaBuilder, ManagementReviewCoversEveryInput)
{
    auto input = base_input();
    input.type = MeetingType::management_review;
    auto items = build_agenda(input);
    std::vector<CoveredItem> covered;
    for (const auto& item : items)
        covered.push_back({item.covers, item.title});
    EXPECT_TRUE(uncovered_inputs(review_coverage(covered)).empty());
    // Without the item for feedback from interested parties, input e is uncovered.
    std::erase_if(covered, [](const CoveredItem& item) { return item.covers == "e"; });
    EXPECT_EQ(uncovered_inputs(review_coverage(covered)), std::vector<std::string>{"e"});
    EXPECT_EQ(parse_covers("D2, a x9"), (std::vector<std::string>{"d2", "a"}));
}

AgendaItem stored(Id id, int position, const AgendaDraft& draft)
{
    AgendaItem item;
    item.id = id;
    item.meeting = 1;
    item.position = position;
    item.section = draft.section;
    item.key = draft.key;
    item.title = draft.title;
    item.presenter = draft.presenter;
    item.timebox_minutes = draft.timebox_minutes;
    return item;
}

TEST(AgendaMerge, GeneratedTimeboxesFitTheMeetingAndTheChairsAreKept)
{
    auto item = [](Id id, int minutes, bool generated) {
        AgendaItem one;
        one.id = id;
        one.timebox_minutes = minutes;
        if (generated)
            one.key = "k" + std::to_string(id);
        return one;
    };
    std::vector<AgendaItem> items{item(1, 10, true), item(2, 10, true), item(3, 15, true), item(4, 30, false),
                                  item(5, 5, true)};
    items[4].removed = true; // not counted
    auto edited = item(6, 10, true);
    mark_edited(edited, "timebox_minutes");
    items.push_back(edited);
    fit_timeboxes(items, 60); // 35 generated, 40 the chair's: 20 left for the generated ones
    int total = 0;
    for (const auto& one : items)
        total += one.removed ? 0 : one.timebox_minutes;
    EXPECT_EQ(total, 60);
    EXPECT_EQ(items[3].timebox_minutes, 30) << "added by hand";
    EXPECT_EQ(items[5].timebox_minutes, 10) << "edited by the chair";
    EXPECT_EQ(items[4].timebox_minutes, 5) << "removed";
    EXPECT_GE(items[2].timebox_minutes, items[0].timebox_minutes) << "the longer stays longer";

    // Within the time nothing changes; far beyond it each keeps a minute and the agenda stays over (flagged).
    std::vector<AgendaItem> short_list{item(1, 10, true), item(2, 5, true)};
    fit_timeboxes(short_list, 60);
    EXPECT_EQ(short_list[0].timebox_minutes, 10);
    std::vector<AgendaItem> long_list;
    for (Id id = 1; id <= 40; ++id)
        long_list.push_back(item(id, 5, true));
    fit_timeboxes(long_list, 30);
    for (const auto& one : long_list)
        EXPECT_EQ(one.timebox_minutes, 1);
}

TEST(AgendaMerge, RegenerationKeepsTheChairsWork)
{
    std::vector<AgendaDraft> first{
        {"opening.attendance", AgendaSection::opening, "Attendance", 1, 5, {}, {}},
        {"incidents.new", AgendaSection::incidents, "Incidents (1)", 2, 5, {"INC-1"}, {}},
        {"risks.new", AgendaSection::risks, "New risks (1)", 1, 5, {"RSK-1"}, {}},
        {"kpis.review", AgendaSection::kpis, "KPI review", 1, 10, {}, {}},
        {"other.business", AgendaSection::other_business, "AOB", 1, 5, {}, {}},
    };
    std::vector<AgendaItem> existing;
    for (size_t index = 0; index < first.size(); ++index)
        existing.push_back(stored(static_cast<Id>(index + 1), static_cast<int>(index + 1), first[index]));
    // The chair renames the incident item, removes the risk item and adds an item before AOB. An agenda stored
    // before items were kept under their sections has the KPI review first: the merge puts it back in its section.
    existing[1].title = "Incidents: the phishing wave";
    mark_edited(existing[1], "title");
    existing[2].removed = true;
    existing[3].position = 0;
    AgendaItem manual;
    manual.id = 6;
    manual.meeting = 1;
    manual.position = 4;
    manual.section = AgendaSection::other_business;
    manual.title = "Budget for the SIEM";
    existing.push_back(manual);

    // Fresh findings: one more incident (the title changes), a new vulnerability section item.
    auto second = first;
    second[1].title = "Incidents (2)";
    second[1].sources = {"INC-1", "INC-2"};
    second.insert(second.begin() + 2,
                  {"vulnerabilities.new", AgendaSection::vulnerabilities, "New vulnerabilities", 2, 5, {"VUL-9"}, {}});
    auto merge = merge_agenda(1, existing, second);

    std::vector<std::string> titles;
    for (const auto& item : merge.items)
        titles.push_back(item.title + (item.removed ? " [removed]" : ""));
    // Shown items in their sections' order, the chair's order inside a section kept, the removed one last.
    EXPECT_EQ(titles, (std::vector<std::string>{"Attendance", "Incidents: the phishing wave", "New vulnerabilities",
                                                "KPI review", "Budget for the SIEM", "AOB",
                                                "New risks (1) [removed]"}));
    EXPECT_EQ(merge.items[1].sources, "INC-1, INC-2"); // not edited: refreshed
    EXPECT_EQ(merge.items[2].id, 0);                    // new
    for (size_t index = 0; index < merge.items.size(); ++index)
        EXPECT_EQ(merge.items[index].position, static_cast<int>(index + 1));
    EXPECT_TRUE(merge.removed.empty());

    // A finding that disappears is dropped unless the chair touched it.
    auto third = second;
    third.erase(third.begin() + 1); // no incidents item any more
    third.erase(third.begin() + 3); // nor kpi review
    existing = merge.items;
    for (size_t index = 0; index < existing.size(); ++index)
        if (existing[index].id == 0)
            existing[index].id = 100 + static_cast<Id>(index);
    existing[3].notes = "discussed already"; // the KPI review
    auto after = merge_agenda(1, existing, third);
    std::vector<std::string> kept;
    for (const auto& item : after.items)
        kept.push_back(item.title);
    EXPECT_EQ(kept, (std::vector<std::string>{"Attendance", "Incidents: the phishing wave", "New vulnerabilities",
                                              "KPI review", "Budget for the SIEM", "AOB", "New risks (1)"}));
    EXPECT_TRUE(after.removed.empty()); // every one of them was edited, noted, removed by hand or manual

    std::vector<AgendaItem> untouched{stored(1, 1, first[1])};
    auto gone = merge_agenda(1, untouched, {});
    EXPECT_TRUE(gone.items.empty());
    EXPECT_EQ(gone.removed, std::vector<Id>{1});
}

} // namespace
} // namespace c9
