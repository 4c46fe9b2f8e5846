// Agendas of the meeting cycle on a real database: boundaries of "since the previous meeting", late-recorded rows,
// numbering after removes and moves, management review coverage, and regeneration keeping the chair's work.
#include "app/kpis.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/risk.h"
#include "meeting_fixture.h"

#include <map>
#include <tuple>

namespace c9 {
namespace {

using test::caller_at;

// The agenda tests share the meeting cycle's fixture under a suite name of their own.
using AgendaCycle = test::MeetingCycle;

TEST_F(AgendaCycle, IncidentsOneSecondAroundThePreviousMeetingStart)
{
    auto first = plan("2026-05-15T09:00:00Z", "2026-05-01T00:00:00Z");
    hold(first.id, "2026-05-15"); // started at 09:00:00
    make(incident_spec(),
        {{"title", std::string("before")}, {"severity", std::string("high")},
            {"detected_at", std::string("2026-05-15T08:59:59Z")}},
        "2026-05-15T08:59:59Z");
    make(incident_spec(),
        {{"title", std::string("after")}, {"severity", std::string("high")},
            {"detected_at", std::string("2026-05-15T09:00:01Z")}},
        "2026-05-15T09:00:01Z");
    auto second = plan("2026-06-15T09:00:00Z", "2026-06-01T00:00:00Z");
    auto keys = agenda_keys(second.id, "2026-06-14T00:00:00Z");
    EXPECT_FALSE(contains(keys, "incidents.severe:INC-1")) << "detected before the previous meeting started";
    EXPECT_TRUE(contains(keys, "incidents.severe:INC-2")) << "detected after the previous meeting started";
}

TEST_F(AgendaCycle, AnIncidentRecordedLateReachesTheNextAgenda)
{
    auto first = plan("2026-05-15T09:00:00Z", "2026-05-01T00:00:00Z");
    hold(first.id, "2026-05-15"); // started at 09:00, the agenda frozen then
    // Detected an hour before the meeting started, recorded during it: the frozen agenda could not list it.
    make(incident_spec(),
        {{"title", std::string("late")}, {"severity", std::string("high")},
            {"detected_at", std::string("2026-05-15T08:00:00Z")}},
        "2026-05-15T09:40:00Z");
    // Detected and recorded before the start: the first meeting's agenda had it.
    make(incident_spec(),
        {{"title", std::string("early")}, {"severity", std::string("low")},
            {"detected_at", std::string("2026-05-15T07:00:00Z")}},
        "2026-05-15T07:10:00Z");
    auto second = plan("2026-06-15T09:00:00Z", "2026-06-01T00:00:00Z");
    auto items = write("2026-06-14T00:00:00Z",
        [&](Tx& tx, const Caller& caller) { return build_meeting_agenda(tx, second.id, caller); });
    ASSERT_TRUE(items) << items.error().message();
    const AgendaItem* late = nullptr;
    for (const auto& item : *items)
        if (item.key == "incidents.severe:INC-1")
            late = &item;
    ASSERT_NE(late, nullptr) << "recorded after the previous agenda was frozen";
    EXPECT_NE(late->title.find("detected 2026-05-15"), std::string::npos) << late->title;
    EXPECT_FALSE(contains(agenda_keys(second.id, "2026-06-14T00:00:01Z"), "incidents.new"))
        << "INC-2 was on the first agenda";
}

// An agenda built at a moment shows the registers as they were then: a row stamped later did not exist yet. In use
// rows are never stamped after "now"; a record built after the fact (the demo) relies on it.
TEST_F(AgendaCycle, RowsRecordedAfterTheAgendaTimeAreNotOnIt)
{
    auto meeting = plan("2026-06-15T09:00:00Z", "2026-06-01T00:00:00Z");
    make(incident_spec(),
        {{"title", std::string("known")}, {"severity", std::string("high")},
            {"detected_at", std::string("2026-06-10T08:00:00Z")}},
        "2026-06-10T09:00:00Z");
    make(incident_spec(),
        {{"title", std::string("later")}, {"severity", std::string("high")},
            {"detected_at", std::string("2026-06-20T08:00:00Z")}},
        "2026-06-20T09:00:00Z");
    make(risk_spec(),
        {{"title", std::string("later risk")}, {"owner", member}, {"likelihood", std::int64_t {5}},
            {"impact", std::int64_t {5}}},
        "2026-06-20T09:00:00Z");
    auto keys = agenda_keys(meeting.id, "2026-06-14T00:00:00Z");
    EXPECT_TRUE(contains(keys, "incidents.severe:INC-1"));
    EXPECT_FALSE(contains(keys, "incidents.severe:INC-2")) << "recorded after the agenda's time";
    EXPECT_FALSE(contains(keys, "risks.new")) << "the risk was recorded after the agenda's time";
    EXPECT_FALSE(contains(keys, "risks.above_appetite")) << "the risk was recorded after the agenda's time";
}

// The minutes show each KPI as the meeting saw it: a measurement recorded after the meeting is not in them.
TEST_F(AgendaCycle, MinutesShowTheKpiValuesKnownAtTheMeeting)
{
    auto kpi = make(kpi_spec(),
        {{"name", std::string("Phishing click rate")}, {"direction", std::string("lower_is_better")}, {"target", 5.0}});
    for (auto [period, value, when] :
        {std::tuple {"2026-05", 7.0, "2026-06-02T10:00:00Z"}, std::tuple {"2026-06", 3.0, "2026-07-02T10:00:00Z"}}) {
        auto measured = write(when, [&](Tx& tx, const Caller& caller) {
            return record_measurement(tx, kpi, period, value, std::nullopt, caller);
        });
        ASSERT_TRUE(measured) << measured.error().message();
    }
    auto meeting = plan("2026-06-15T09:00:00Z", "2026-06-01T00:00:00Z");
    hold(meeting.id, "2026-06-15");
    auto minutes = write("2026-07-05T00:00:00Z", [&](Tx& tx, const Caller& caller) -> Result<MinutesDoc> {
        return minutes_doc(tx, C9_TRY(load_meeting(tx, meeting.id)), caller);
    });
    ASSERT_TRUE(minutes) << minutes.error().message();
    ASSERT_EQ(minutes->agenda.kpis.size(), 1u);
    const auto& status = minutes->agenda.kpis.front();
    EXPECT_EQ(format_date(status.period), "2026-05-01") << "June's figure was recorded on 2 July";
    EXPECT_EQ(status.value, std::optional<double>(7.0));
}

TEST_F(AgendaCycle, AgendaNumbersRunOneToNInTheOrderShownAfterRemovesAndMoves)
{
    auto meeting = plan("2026-07-15T09:00:00Z", "2026-07-01T00:00:00Z");
    std::vector<std::pair<const char*, const char*>> planned {{"maintenance", "M1"}, {"maintenance", "M2"},
        {"controls", "C1"}, {"controls", "C2"}, {"vulnerabilities", "V1"}, {"vulnerabilities", "V2"},
        {"vulnerabilities", "V3"}, {"other_business", "O1"}};
    std::map<std::string, Id> ids;
    for (const auto& [section, title] : planned) {
        auto item = write("2026-07-02T00:00:00Z", [&](Tx& tx, const Caller& caller) {
            return add_agenda_item(
                tx, meeting.id, Patch {{"title", std::string(title)}, {"section", std::string(section)}}, caller);
        });
        ASSERT_TRUE(item) << item.error().message();
        ids[title] = item->id;
    }
    auto shown = [&]() {
        auto doc = write("2026-07-03T00:00:00Z", [&](Tx& tx, const Caller& caller) -> Result<AgendaDoc> {
            return agenda_doc(tx, C9_TRY(load_meeting(tx, meeting.id)), caller);
        });
        EXPECT_TRUE(doc) << doc.error().message();
        std::vector<std::string> titles;
        int number = 0;
        for (const auto& item : doc->items) {
            EXPECT_EQ(item.number, ++number) << item.title;
            if (number > 1) {
                EXPECT_LE(doc->items[static_cast<size_t>(number - 2)].section, item.section) << item.title;
            }
            titles.push_back(item.title);
        }
        return titles;
    };
    auto move = [&](const char* title, int to) {
        return write("2026-07-03T00:00:00Z",
            [&](Tx& tx, const Caller& caller) { return move_agenda_item(tx, ids[title], to, caller); });
    };
    ASSERT_TRUE(write("2026-07-03T00:00:00Z",
        [&](Tx& tx, const Caller& caller) { return remove_agenda_item(tx, ids["M2"], caller); }));
    EXPECT_EQ(shown(), (std::vector<std::string> {"M1", "C1", "C2", "V1", "V2", "V3", "O1"}));
    // A vulnerability item to where the controls start: refused, naming the numbers it can take.
    auto across = move("V3", 2);
    ASSERT_FALSE(across);
    EXPECT_EQ(across.error().code(), ErrorCode::invalid);
    EXPECT_NE(across.error().message().find("4 to 6"), std::string::npos) << across.error().message();
    EXPECT_EQ(shown(), (std::vector<std::string> {"M1", "C1", "C2", "V1", "V2", "V3", "O1"}));
    // Inside its section the number given is the number it shows afterwards.
    ASSERT_TRUE(move("V3", 4));
    EXPECT_EQ(shown(), (std::vector<std::string> {"M1", "C1", "C2", "V3", "V1", "V2", "O1"}));
    // --item N names the item numbered N, whatever was removed before it.
    auto fourth = write("2026-07-03T00:00:00Z", [&](Tx& tx, const Caller&) {
        return find_agenda_item(tx, meeting.id, ItemRef {"4", ItemNumbering::shown});
    });
    ASSERT_TRUE(fourth);
    EXPECT_EQ(fourth->title, "V3");
    // Changing an item's section takes it to the end of that section.
    ASSERT_TRUE(write("2026-07-03T00:00:00Z", [&](Tx& tx, const Caller& caller) {
        return edit_agenda_item(tx, ids["V1"], Patch {{"section", std::string("controls")}}, caller);
    }));
    EXPECT_EQ(shown(), (std::vector<std::string> {"M1", "C1", "C2", "V1", "V3", "V2", "O1"}));
}

TEST_F(AgendaCycle, AManagementReviewNeedsEveryInputOrAReason)
{
    auto review_series = make(series_spec(),
        {{"name", std::string("Management review")}, {"type", std::string("management_review")},
            {"cadence", std::string("half-yearly")}, {"chair", chair}});
    auto meeting = write("2026-05-01T00:00:00Z", [&](Tx& tx, const Caller& caller) {
        return plan_meeting(tx, review_series, parse_timestamp("2026-05-20T09:00:00Z"), caller);
    });
    ASSERT_TRUE(meeting);
    auto items = write("2026-05-19T00:00:00Z",
        [&](Tx& tx, const Caller& caller) { return build_meeting_agenda(tx, meeting->id, caller); });
    ASSERT_TRUE(items);
    for (const auto& item : *items) {
        if (item.covers == "e") {
            ASSERT_TRUE(write("2026-05-19T00:00:00Z",
                [&](Tx& tx, const Caller& caller) { return remove_agenda_item(tx, item.id, caller); }));
        }
    }
    ASSERT_TRUE(write(
        "2026-05-20T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting->id, caller); }));
    auto refused = write("2026-05-20T11:00:00Z",
        [&](Tx& tx, const Caller& caller) { return close_meeting(tx, meeting->id, std::nullopt, caller); });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields().at(0).field, "uncovered_reason");
    EXPECT_NE(refused.error().message().find("e (Feedback from interested parties)"), std::string::npos)
        << refused.error().message();
    // Nothing was discussed yet: every input is missing, not only the one without an item.
    EXPECT_NE(refused.error().message().find("a ("), std::string::npos) << refused.error().message();
    // Notes on every item but the removed one: only e is left.
    for (const auto& item : *items) {
        if (item.covers != "e") {
            ASSERT_TRUE(write("2026-05-20T10:00:00Z", [&](Tx& tx, const Caller& caller) {
                return record_note(tx, item.id, "discussed", std::nullopt, caller);
            }));
        }
    }
    refused = write("2026-05-20T11:00:00Z",
        [&](Tx& tx, const Caller& caller) { return close_meeting(tx, meeting->id, std::nullopt, caller); });
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message().find("a ("), std::string::npos) << refused.error().message();
    EXPECT_NE(refused.error().message().find("e (Feedback"), std::string::npos) << refused.error().message();
    auto closed = write("2026-05-20T11:00:00Z", [&](Tx& tx, const Caller& caller) {
        return close_meeting(tx, meeting->id, std::string("no customer survey this half-year"), caller);
    });
    ASSERT_TRUE(closed) << closed.error().message();
    EXPECT_EQ(*closed->uncovered_reason, "no customer survey this half-year");
}

TEST_F(AgendaCycle, RegeneratingKeepsEditsAndAddsNewFindings)
{
    auto meeting = plan("2026-06-15T09:00:00Z", "2026-06-01T00:00:00Z");
    ASSERT_FALSE(agenda_keys(meeting.id, "2026-06-01T00:00:00Z").empty());
    auto manual = write("2026-06-02T00:00:00Z", [&](Tx& tx, const Caller& caller) {
        return add_agenda_item(tx, meeting.id,
            Patch {{"title", std::string("SIEM budget")}, {"section", std::string("risks")},
                {"timebox_minutes", std::int64_t {15}}},
            caller);
    });
    ASSERT_TRUE(manual) << manual.error().message();
    auto record = db.store().read([&](Tx& tx) { return load_meeting(tx, meeting.id); });
    auto attendance = record->agenda.front();
    ASSERT_TRUE(write("2026-06-02T00:00:00Z", [&](Tx& tx, const Caller& caller) {
        return edit_agenda_item(tx, attendance.id, Patch {{"title", std::string("Welcome and attendance")}}, caller);
    }));
    make(incident_spec(),
        {{"title", std::string("Phishing")}, {"severity", std::string("critical")},
            {"detected_at", std::string("2026-06-03T00:00:00Z")}},
        "2026-06-03T00:00:00Z");
    auto keys = agenda_keys(meeting.id, "2026-06-04T00:00:00Z");
    EXPECT_TRUE(contains(keys, "incidents.severe:INC-1"));
    record = db.store().read([&](Tx& tx) { return load_meeting(tx, meeting.id); });
    EXPECT_EQ(record->agenda.front().title, "Welcome and attendance");
    bool kept = false;
    for (const auto& item : record->agenda)
        kept = kept || item.title == "SIEM budget";
    EXPECT_TRUE(kept);
    for (size_t index = 1; index < record->agenda.size(); ++index)
        EXPECT_EQ(record->agenda[index].position, record->agenda[index - 1].position + 1);
}

} // namespace
} // namespace c9
