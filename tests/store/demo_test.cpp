// `clause9 demo` at scale 1 on a fresh database: the volumes the issue asks for, every stored row still passing its
// register's rules, the same demo for the same seed and day, and a second run refused without changing anything.
#include "app/agenda.h"
#include "app/links.h"
#include "app/meeting_cycle.h"
#include "app/meeting_docs.h"
#include "app/summary.h"
#include "core/action_item.h"
#include "core/activity.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/review_inputs.h"
#include "core/risk.h"
#include "core/vulnerability.h"
#include "demo/demo.h"
#include "store/audit_log.h"
#include "store/kpi_queries.h"
#include "store/measurements.h"
#include "store/risk_scores.h"
#include "store/settings_store.h"
#include "store/typed.h"
#include "test_support.h"

#include <algorithm>
#include <set>

namespace c9 {
namespace {

using test::caller_at;

constexpr const char* today = "2026-06-15T10:00:00Z";

// The store suite does not link export/'s renderers; a line of plain text stands in for the sealed minutes.
const MinutesRenderers& plain_renderers()
{
    static const MinutesRenderers renderers = [] {
        auto text = [](const MinutesDoc& doc) {
            return fmt::format("Minutes of {}: {} decisions, {} actions", doc.agenda.meeting.title,
                doc.decisions.size(), doc.actions.size());
        };
        return MinutesRenderers {text, text, text, text};
    }();
    return renderers;
}

class Demo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_db = new test::TestDatabase();
        auto created = create_demo(s_db->store(), DemoOptions {}, caller_at(today), plain_renderers());
        ASSERT_TRUE(created) << created.error().message();
        s_counts = *created;
    }
    static void TearDownTestSuite()
    {
        delete s_db;
        s_db = nullptr;
    }

    static Store& store() { return s_db->store(); }

    template <class T> static std::vector<T> rows(const EntitySpec<T>& spec)
    {
        auto all = store().read([&](Tx& tx) { return all_rows(tx, spec); });
        EXPECT_TRUE(all) << all.error().message();
        return all ? *all : std::vector<T> {};
    }

    static std::int64_t count(std::string_view table, std::vector<Filter> filters = {})
    {
        TableDef def {table, table, {{"presence", Storage::text}, {"role", Storage::text}}};
        auto counted = store().read([&](Tx& tx) { return tx.count(def, filters); });
        EXPECT_TRUE(counted) << counted.error().message();
        return counted ? *counted : -1;
    }

    static test::TestDatabase* s_db;
    static DemoCounts s_counts;
};

test::TestDatabase* Demo::s_db = nullptr;
DemoCounts Demo::s_counts;

TEST_F(Demo, HasThePeopleOfAnOrganisation)
{
    auto people = rows(person_spec());
    EXPECT_EQ(people.size(), 40u);
    std::set<std::string> emails, departments;
    int officers = 0, managers = 0, it = 0, representatives = 0;
    for (const auto& person : people) {
        emails.insert(person.email);
        departments.insert(person.department.value_or(""));
        EXPECT_TRUE(person.email.ends_with("@northwind.example")) << person.email;
        officers += has_role(person, IsmsRole::iso) ? 1 : 0;
        managers += has_role(person, IsmsRole::management) ? 1 : 0;
        it += has_role(person, IsmsRole::it) ? 1 : 0;
        representatives += has_role(person, IsmsRole::department) ? 1 : 0;
    }
    EXPECT_EQ(emails.size(), people.size());
    EXPECT_EQ(departments.size(), 6u);
    EXPECT_EQ(officers, 1);
    EXPECT_GE(managers, 2);
    EXPECT_GE(it, 3);
    EXPECT_GE(representatives, 4);
}

TEST_F(Demo, AnswersTheWholeStatementOfApplicability)
{
    auto controls = rows(control_spec());
    ASSERT_EQ(controls.size(), 93u);
    int excluded = 0, implemented = 0;
    for (const auto& control : controls) {
        ASSERT_TRUE(control.applicable.has_value()) << control.code;
        EXPECT_TRUE(control.justification && !control.justification->empty()) << control.code;
        EXPECT_TRUE(control.owner.has_value()) << control.code;
        EXPECT_TRUE(control.next_review.has_value()) << control.code;
        excluded += *control.applicable ? 0 : 1;
        implemented += control.status == ImplementationStatus::implemented ? 1 : 0;
    }
    EXPECT_GE(excluded, 1);
    EXPECT_LE(excluded, 8);
    EXPECT_GT(implemented, 46);
}

TEST_F(Demo, HasTheStatedVolumes)
{
    EXPECT_EQ(rows(activity_spec()).size(), 25u);
    EXPECT_GT(s_counts.completions, 150);
    EXPECT_EQ(rows(incident_spec()).size(), 60u);
    EXPECT_EQ(rows(vulnerability_spec()).size(), 300u);
    EXPECT_EQ(rows(kpi_spec()).size(), 15u);
    EXPECT_EQ(rows(nonconformity_spec()).size(), 10u);
    EXPECT_EQ(rows(lesson_spec()).size(), 20u);
    EXPECT_EQ(s_counts.measurements, 15 * 12);
    auto actions = rows(action_spec());
    EXPECT_EQ(actions.size(), 150u);
    auto overdue = std::count_if(actions.begin(), actions.end(),
        [](const ActionItem& action) { return is_overdue(action, test::day("2026-06-15")); });
    EXPECT_GT(overdue, 0);
    EXPECT_LT(overdue, 60);
    for (const auto& action : actions)
        EXPECT_TRUE(action.meeting.has_value()) << action.title;
}

// 5.9: every risk and vulnerability names an asset of the inventory, each asset has an owner and a classification,
// and an asset's page lists its risks and vulnerabilities together (app/links.h).
TEST_F(Demo, HasAnAssetInventoryTheOtherRegistersReferTo)
{
    auto assets = rows(asset_spec());
    EXPECT_EQ(static_cast<std::int64_t>(assets.size()), s_counts.assets);
    EXPECT_GT(assets.size(), 20u);
    std::set<Id> inventory;
    for (const auto& asset : assets) {
        inventory.insert(asset.id);
        EXPECT_TRUE(asset.type && asset.owner && asset.confidentiality && asset.integrity && asset.availability)
            << asset.name;
    }
    std::map<Id, int> risks_on, vulnerabilities_on;
    for (const auto& risk : rows(risk_spec())) {
        ASSERT_TRUE(risk.asset && inventory.contains(*risk.asset)) << risk.title;
        ++risks_on[*risk.asset];
    }
    for (const auto& vulnerability : rows(vulnerability_spec())) {
        ASSERT_TRUE(vulnerability.asset && inventory.contains(*vulnerability.asset)) << vulnerability.title;
        ++vulnerabilities_on[*vulnerability.asset];
    }
    // The asset with the most risks shows them on its page, with its vulnerabilities when it has any.
    auto busiest = std::max_element(risks_on.begin(), risks_on.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
    })->first;
    auto linked = linked_rows(store(), "asset", display_id("AST", busiest));
    ASSERT_TRUE(linked) << linked.error().message();
    int risks = 0, vulnerabilities = 0;
    for (const auto& row : *linked) {
        risks += row.register_name == "risk" ? 1 : 0;
        vulnerabilities += row.register_name == "vulnerability" ? 1 : 0;
    }
    EXPECT_EQ(risks, risks_on[busiest]);
    EXPECT_EQ(vulnerabilities, vulnerabilities_on[busiest]);
    auto on_both = std::count_if(
        risks_on.begin(), risks_on.end(), [&](const auto& entry) { return vulnerabilities_on.contains(entry.first); });
    EXPECT_GT(on_both, 0) << "some assets carry both risks and vulnerabilities";
}

TEST_F(Demo, EveryRiskHasAScoreHistory)
{
    auto risks = rows(risk_spec());
    ASSERT_EQ(risks.size(), 80u);
    auto checked = store().read([&](Tx& tx) -> Result<void> {
        for (const auto& risk : risks) {
            auto history = C9_TRY(risk_score_history(tx, risk.id));
            EXPECT_GE(history.size(), 1u) << risk.title;
            if (!history.empty()) {
                EXPECT_EQ(history.back().current(), current_score(risk)) << risk.title;
            }
        }
        return {};
    });
    EXPECT_TRUE(checked) << checked.error().message();
}

TEST_F(Demo, HoldsAYearOfMaintenanceMeetings)
{
    auto series = rows(series_spec());
    ASSERT_EQ(series.size(), 2u);
    auto maintenance = std::find_if(
        series.begin(), series.end(), [](const MeetingSeries& row) { return row.type == MeetingType::maintenance; });
    ASSERT_NE(maintenance, series.end());
    int held = 0, approved = 0, planned = 0;
    for (const auto& meeting : rows(meeting_spec())) {
        if (meeting.series != maintenance->id)
            continue;
        held += meeting.state == MeetingState::held ? 1 : 0;
        approved += meeting.state == MeetingState::approved ? 1 : 0;
        planned += meeting.state == MeetingState::planned ? 1 : 0;
        EXPECT_LE(meeting.starts_at, test::at(today) + std::chrono::days(40));
    }
    EXPECT_EQ(held, 1);
    EXPECT_EQ(approved, 11);
    EXPECT_EQ(planned, 1);
    EXPECT_GT(count("attendance", {where("presence", FilterOp::eq, std::string("present"))}), 100);
    EXPECT_EQ(count("attendance", {where("role", FilterOp::eq, std::string("chair"))}), s_counts.meetings);
    EXPECT_GE(s_counts.decisions, 12);
}

TEST_F(Demo, SealsTheMinutesOfApprovedMeetings)
{
    auto meetings = rows(meeting_spec());
    auto checked = store().read([&](Tx& tx) -> Result<int> {
        int sealed = 0;
        for (const auto& meeting : meetings) {
            if (meeting.state != MeetingState::approved)
                continue;
            EXPECT_TRUE(meeting.minutes_hash.has_value()) << meeting.title;
            EXPECT_LT(*meeting.approved_at, test::at(today)) << meeting.title;
            auto check = C9_TRY(verify_minutes(tx, meeting.id));
            EXPECT_TRUE(check.intact) << meeting.title;
            ++sealed;
        }
        return sealed;
    });
    ASSERT_TRUE(checked) << checked.error().message();
    EXPECT_EQ(*checked, s_counts.sealed_minutes);
    EXPECT_GE(*checked, 12);
}

// The meetings are run through the app, so their record holds what the meeting cycle's rules allow.
TEST_F(Demo, EveryHeldMeetingHasANumberedAgendaAndNobodyLeftInvited)
{
    auto checked = store().read([&](Tx& tx) -> Result<int> {
        int held = 0;
        for (const auto& meeting : C9_TRY(all_rows(tx, meeting_spec()))) {
            if (meeting.state != MeetingState::held && meeting.state != MeetingState::approved)
                continue;
            ++held;
            auto record = C9_TRY(load_meeting(tx, meeting.id));
            std::vector<Id> shown;
            for (const auto& item : record.agenda)
                if (!item.removed)
                    shown.push_back(item.id);
            EXPECT_GE(shown.size(), 5u) << meeting.title;
            // The numbers the agenda shows run 1..N, each naming the item in that place.
            for (size_t number = 1; number <= shown.size(); ++number) {
                auto item = find_agenda_item(tx, meeting.id, {std::to_string(number)});
                EXPECT_TRUE(item && item->id == shown[number - 1]) << meeting.title << " item " << number;
            }
            EXPECT_FALSE(find_agenda_item(tx, meeting.id, {std::to_string(shown.size() + 1)}));
            auto doc = C9_TRY(minutes_doc(tx, record, caller_at(today)));
            for (size_t index = 0; index < doc.agenda.items.size(); ++index)
                EXPECT_EQ(doc.agenda.items[index].number, static_cast<int>(index + 1)) << meeting.title;
            int noted = 0;
            for (const auto& item : record.agenda)
                noted += item.notes && !item.notes->empty() ? 1 : 0;
            EXPECT_GE(noted, 3) << meeting.title;
            for (const auto& attendance : record.attendance)
                EXPECT_NE(attendance.presence, Presence::invited)
                    << meeting.title << " " << display_id("PER", attendance.person);
        }
        return held;
    });
    ASSERT_TRUE(checked) << checked.error().message();
    EXPECT_EQ(*checked, 14);
}

// 9.3.2 a-g: each closed management review discussed every input, with notes, and needed no reason for a gap.
TEST_F(Demo, ManagementReviewMinutesCoverEveryInputWithNotes)
{
    auto checked = store().read([&](Tx& tx) -> Result<int> {
        int reviews = 0;
        for (const auto& meeting : C9_TRY(all_rows(tx, meeting_spec()))) {
            auto record = C9_TRY(load_meeting(tx, meeting.id));
            if (record.series.type != MeetingType::management_review || meeting.state == MeetingState::planned)
                continue;
            ++reviews;
            EXPECT_FALSE(meeting.uncovered_reason.has_value()) << meeting.title;
            std::vector<AgendaItem> noted;
            for (const auto& item : record.agenda)
                if (!item.removed && item.notes && !item.notes->empty())
                    noted.push_back(item);
            auto coverage = review_coverage(covered_items(noted), Coverage::discussed);
            EXPECT_TRUE(uncovered_inputs(coverage).empty()) << meeting.title;
            for (const auto& input : review_inputs())
                EXPECT_FALSE(coverage[std::string(input.code)].empty()) << meeting.title << " " << input.code;
        }
        return reviews;
    });
    ASSERT_TRUE(checked) << checked.error().message();
    EXPECT_EQ(*checked, 2);
}

// The next management review has, for every input of 9.3.2, an item that names the rows it stands on: the context
// registers behind b) and c), the feedback log behind e), and so on.
TEST_F(Demo, TheNextManagementReviewHasRowsBehindEveryInput)
{
    auto series = rows(series_spec());
    auto review = std::find_if(series.begin(), series.end(),
        [](const MeetingSeries& row) { return row.type == MeetingType::management_review; });
    ASSERT_NE(review, series.end());
    auto agenda = show_agenda(store(), MeetingChoice {"", display_id("SER", review->id)}, caller_at(today));
    ASSERT_TRUE(agenda) << agenda.error().message();
    std::map<std::string, int> sourced;
    for (const auto& item : agenda->items) {
        if (item.removed || item.sources.empty())
            continue;
        for (const auto& code : split_controls(item.covers)) // "d2, d4": the same list form
            ++sourced[code];
    }
    for (const auto& input : review_inputs())
        EXPECT_GT(sourced[std::string(input.code)], 0) << "9.3.2 " << input.code << " has no item with source rows";
}

// The minutes of a meeting hold the KPI values known when it ended, never a later measurement; sealed ones verify.
TEST_F(Demo, MinutesHoldNoKpiValueMeasuredAfterTheMeeting)
{
    int sealed = 0;
    auto checked = store().read([&](Tx& tx) -> Result<int> {
        int held = 0;
        for (const auto& meeting : C9_TRY(all_rows(tx, meeting_spec()))) {
            if (!meeting.ended_at)
                continue;
            ++held;
            auto doc = C9_TRY(minutes_doc(tx, C9_TRY(load_meeting(tx, meeting.id)), caller_at(today)));
            EXPECT_EQ(doc.agenda.kpis.size(), 15u) << meeting.title;
            for (const auto& status : doc.agenda.kpis) {
                if (!status.value)
                    continue;
                EXPECT_LE(status.period, to_date(*meeting.ended_at)) << meeting.title << " " << status.kpi.name;
                if (status.kpi.formula)
                    continue;
                auto measured = C9_TRY(measurement_for(tx, status.kpi.id, status.period));
                EXPECT_TRUE(measured && measured->recorded_at <= *meeting.ended_at)
                    << meeting.title << " " << status.kpi.name << " " << format_date(status.period);
            }
            if (meeting.state == MeetingState::approved) {
                auto check = C9_TRY(verify_minutes(tx, meeting.id));
                EXPECT_TRUE(check.intact) << meeting.title;
                ++sealed;
            }
        }
        return held;
    });
    ASSERT_TRUE(checked) << checked.error().message();
    EXPECT_EQ(*checked, 14);
    EXPECT_EQ(sealed, s_counts.sealed_minutes);
}

template <class T> void expect_valid(const EntitySpec<T>& spec, const std::vector<T>& stored, const Rules& rules)
{
    for (const auto& row : stored) {
        // Deriving again changes nothing, and the rules hold as for an update that changes nothing.
        T copy = row;
        derive(copy, &row, rules);
        EXPECT_EQ(values_of(spec, copy), values_of(spec, row)) << spec.name << " " << row.id;
        Problems problems;
        check_required(spec, copy, problems);
        validate(copy, &row, rules, problems);
        EXPECT_TRUE(problems.empty()) << spec.name << " " << row.id << ": "
                                      << (problems.empty() ? "" : problems.result().error().message());
        EXPECT_LE(row.created_at, rules.now) << spec.name << " " << row.id;
    }
}

TEST_F(Demo, EveryRowPassesItsRules)
{
    auto rules = store().read([](Tx& tx) { return load_rules(tx, test::at(today)); });
    ASSERT_TRUE(rules);
    expect_valid(person_spec(), rows(person_spec()), *rules);
    expect_valid(control_spec(), rows(control_spec()), *rules);
    expect_valid(activity_spec(), rows(activity_spec()), *rules);
    expect_valid(incident_spec(), rows(incident_spec()), *rules);
    expect_valid(vulnerability_spec(), rows(vulnerability_spec()), *rules);
    expect_valid(risk_spec(), rows(risk_spec()), *rules);
    expect_valid(nonconformity_spec(), rows(nonconformity_spec()), *rules);
    expect_valid(kpi_spec(), rows(kpi_spec()), *rules);
    expect_valid(action_spec(), rows(action_spec()), *rules);
    expect_valid(lesson_spec(), rows(lesson_spec()), *rules);
    expect_valid(series_spec(), rows(series_spec()), *rules);
    expect_valid(meeting_spec(), rows(meeting_spec()), *rules);
    expect_valid(decision_spec(), rows(decision_spec()), *rules);
}

TEST_F(Demo, SaysInTheAuditTrailWhatItCreated)
{
    auto entries = store().read([](Tx& tx) { return recent_audit_entries(tx, 100000, 0); });
    ASSERT_TRUE(entries);
    std::set<std::string> entities;
    for (const auto& entry : *entries)
        if (entry.action == "demo")
            entities.insert(entry.entity);
    EXPECT_EQ(entities,
        (std::set<std::string> {"person", "control", "context", "asset", "activity", "incident", "vulnerability",
            "risk", "series", "meeting", "nonconformity", "lesson", "action", "kpi"}));
}

TEST_F(Demo, RefusesADatabaseInUseAndChangesNothing)
{
    auto before = store().read([](Tx& tx) { return audit_head(tx); });
    ASSERT_TRUE(before);
    auto again = create_demo(store(), DemoOptions {}, caller_at(today), plain_renderers());
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code(), ErrorCode::conflict);
    EXPECT_NE(again.error().message().find("already holds people or risks"), std::string::npos);
    auto after = store().read([](Tx& tx) { return audit_head(tx); });
    EXPECT_EQ(after->seq, before->seq);
    EXPECT_EQ(rows(person_spec()).size(), 40u);
}

TEST(DemoRun, IsTheSameForTheSameSeedAndDay)
{
    auto titles = [](std::uint64_t seed) {
        test::TestDatabase db;
        auto created = create_demo(db.store(), DemoOptions {1, 1, seed}, caller_at(today), plain_renderers());
        EXPECT_TRUE(created) << created.error().message();
        std::vector<std::string> out;
        auto risks = db.store().read([](Tx& tx) { return all_rows(tx, risk_spec()); });
        for (const auto& risk : *risks)
            out.push_back(fmt::format(
                "{} {} {} {}", risk.title, risk.owner.value_or(0), risk.likelihood, format_timestamp(risk.created_at)));
        // The meetings run through the app in date order: the same agendas, notes, actions and sealed minutes.
        auto items = db.store().read([](Tx& tx) { return all_rows(tx, agenda_item_spec()); });
        for (const auto& item : *items)
            out.push_back(fmt::format(
                "{} {} {} {}", item.meeting, item.title, item.notes.value_or(""), format_timestamp(item.updated_at)));
        auto actions = db.store().read([](Tx& tx) { return all_rows(tx, action_spec()); });
        for (const auto& action : *actions)
            out.push_back(fmt::format("{} {} {} {}", action.title, action.meeting.value_or(0), to_string(action.status),
                action.completed_at ? format_timestamp(*action.completed_at) : ""));
        auto meetings = db.store().read([](Tx& tx) { return all_rows(tx, meeting_spec()); });
        for (const auto& meeting : *meetings)
            out.push_back(fmt::format("{} {}", meeting.title, meeting.minutes_hash.value_or("")));
        return out;
    };
    EXPECT_EQ(titles(7), titles(7));
    EXPECT_NE(titles(7), titles(8));
}

TEST(DemoRun, RejectsOutOfRangeOptions)
{
    EXPECT_FALSE(check_demo_options({0, 1, 1}));
    EXPECT_FALSE(check_demo_options({1, 0, 1}));
    EXPECT_FALSE(check_demo_options({1001, 1, 1}));
    EXPECT_TRUE(check_demo_options({100, 20, 1}));
}

// On PostgreSQL the agenda computes every KPI formula in one statement of joined aggregates (two when there are more
// than 32 parts); each value must be what the formula gives alone, for every formula and period.
TEST_F(Demo, KpiFormulasComputedTogetherEqualEachAlone)
{
    auto at = *parse_timestamp(today);
    auto computed = store().read([&](Tx& tx) -> Result<bool> {
        auto rules = C9_TRY(load_rules(tx, at));
        std::vector<FormulaRequest> requests;
        for (const auto* period : {"2026-05-01", "2026-04-01", "2026-01-01"})
            for (int formula = 0; formula <= static_cast<int>(KpiFormula::meeting_attendance); ++formula) {
                auto from = *parse_date(period);
                requests.push_back({static_cast<KpiFormula>(formula), {from, add_days(from, 30)}});
            }
        auto together = C9_TRY(compute_formulas(tx, requests, rules));
        EXPECT_EQ(together.size(), requests.size());
        int measured = 0;
        for (size_t index = 0; index < requests.size() && index < together.size(); ++index) {
            auto alone = C9_TRY(compute_formulas(tx, {requests[index]}, rules)).at(0);
            EXPECT_EQ(together[index], alone)
                << to_string(requests[index].formula) << " from " << format_date(requests[index].period.from);
            measured += alone && *alone > 0;
        }
        EXPECT_GT(measured, 30); // the demo gives most formulas something to measure

        // One value checked against the register itself.
        auto open_severe = C9_TRY(tx.count(table_of(vulnerability_spec()),
            {where_in("status", {std::string("open"), std::string("in_progress")}),
                where_in("severity", {std::string("critical"), std::string("high")})}));
        EXPECT_EQ(together.at(1), std::optional<double>(static_cast<double>(open_severe)));
        EXPECT_GT(open_severe, 0);
        return true;
    });
    ASSERT_TRUE(computed) << computed.error().message();
}

} // namespace
} // namespace c9
