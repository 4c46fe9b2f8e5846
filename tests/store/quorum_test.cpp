// Quorum on a real database: a meeting without quorum decides provisionally, the minutes say so, and its decisions
// come back on the series' next agenda until a meeting with quorum confirms them.
#include "export/minutes_markdown.h"
#include "meeting_fixture.h"

namespace c9 {
namespace {

using test::caller_at;

class Quorum : public test::MeetingCycle {
protected:
    void SetUp() override
    {
        MeetingCycle::SetUp();
        auto quorum = update(db.store(), series_spec(), display_id("SER", series), {{"quorum", std::int64_t {2}}},
            std::nullopt, caller_at("2026-01-01T00:00:00Z"));
        ASSERT_TRUE(quorum) << quorum.error().message();
    }

    // Starts the meeting with the people present, records one decision and closes it.
    Decision hold_with(Id meeting, const std::string& day, std::vector<Id> present, Patch decision)
    {
        auto at = [&](const char* time) { return day + "T" + time; };
        EXPECT_TRUE(write(
            at("09:00:00Z").c_str(), [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting, caller); }));
        for (auto person : present)
            EXPECT_TRUE(write(at("09:01:00Z").c_str(), [&](Tx& tx, const Caller& caller) {
                return record_attendance(tx, meeting, {person, std::nullopt, Presence::present}, caller);
            }));
        auto recorded = write(at("09:30:00Z").c_str(),
            [&](Tx& tx, const Caller& caller) { return record_decision(tx, meeting, decision, caller); });
        EXPECT_TRUE(recorded) << recorded.error().message();
        EXPECT_TRUE(write(at("10:00:00Z").c_str(),
            [&](Tx& tx, const Caller& caller) { return close_meeting(tx, meeting, std::nullopt, caller); }));
        auto stored = db.store().read([&](Tx& tx) { return get_row(tx, decision_spec(), recorded->id); });
        EXPECT_TRUE(stored);
        return *stored;
    }

    std::string minutes_of(Id meeting)
    {
        auto doc = write("2026-06-01T00:00:00Z", [&](Tx& tx, const Caller& caller) -> Result<MinutesDoc> {
            return minutes_doc(tx, C9_TRY(load_meeting(tx, meeting)), caller);
        });
        EXPECT_TRUE(doc) << doc.error().message();
        return minutes_markdown_body(*doc);
    }
};

TEST_F(Quorum, DecisionsOfAMeetingWithoutQuorumAreProvisionalUntilConfirmed)
{
    auto first = plan("2026-02-10T09:00:00Z", "2026-02-01T00:00:00Z");
    auto decision = hold_with(first.id, "2026-02-10", {chair},
        {{"text", std::string("Buy EDR licences")}, {"type", std::string("resource")}, {"owner", member}});
    EXPECT_TRUE(decision.provisional) << "one present of a quorum of two";
    auto minutes = minutes_of(first.id);
    EXPECT_NE(minutes.find("**Quorum: NOT reached:** 1 present, 2 required. The decisions below are provisional"),
        std::string::npos)
        << minutes;
    EXPECT_NE(minutes.find("| Bob IT | none | none | Provisional (no quorum) |"), std::string::npos) << minutes;

    // The next meeting's agenda asks to confirm it.
    auto second = plan("2026-03-10T09:00:00Z", "2026-02-20T00:00:00Z");
    auto ref = display_id("DEC", decision.id);
    EXPECT_TRUE(contains(agenda_keys(second.id, "2026-03-01T00:00:00Z"), "opening.confirm:" + ref));

    // Only a provisional decision of an earlier meeting of the series is confirmed.
    auto refused = write("2026-02-10T09:40:00Z", [&](Tx& tx, const Caller& caller) {
        return record_decision(tx, second.id, {{"confirms", decision.id}}, caller);
    });
    ASSERT_FALSE(refused) << "the second meeting has not started";

    // With quorum the second meeting confirms it; what is not said again comes from the original.
    auto confirmation = hold_with(second.id, "2026-03-10", {chair, member}, {{"confirms", ref}});
    EXPECT_FALSE(confirmation.provisional);
    EXPECT_EQ(confirmation.text, "Confirmed: Buy EDR licences");
    EXPECT_EQ(confirmation.type, DecisionType::resource);
    EXPECT_EQ(confirmation.owner, member);
    EXPECT_EQ(confirmation.confirms, decision.id);
    EXPECT_NE(minutes_of(second.id).find("| Confirms " + ref + " |"), std::string::npos);

    auto third = plan("2026-04-14T09:00:00Z", "2026-03-20T00:00:00Z");
    EXPECT_FALSE(contains(agenda_keys(third.id, "2026-04-01T00:00:00Z"), "opening.confirm:" + ref));
    // Confirmed once: confirming it again, or confirming a binding decision, is refused.
    ASSERT_TRUE(write(
        "2026-04-14T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, third.id, caller); }));
    for (auto target : {decision.id, confirmation.id}) {
        auto again = write("2026-04-14T09:10:00Z", [&](Tx& tx, const Caller& caller) {
            return record_decision(tx, third.id, {{"confirms", target}}, caller);
        });
        ASSERT_FALSE(again);
        EXPECT_EQ(again.error().fields().at(0).field, "confirms");
    }
}

TEST_F(Quorum, AttendanceCorrectedAfterClosingSettlesTheDecisionsAgain)
{
    auto meeting = plan("2026-02-10T09:00:00Z", "2026-02-01T00:00:00Z");
    auto decision = hold_with(meeting.id, "2026-02-10", {chair}, {{"text", std::string("Adopt the new policy")}});
    ASSERT_TRUE(decision.provisional);
    // The minute taker forgot Bob: he was there, so the meeting had quorum after all.
    ASSERT_TRUE(write("2026-02-11T09:00:00Z", [&](Tx& tx, const Caller& caller) {
        return record_attendance(tx, meeting.id, {member, std::nullopt, Presence::present}, caller);
    }));
    auto settled = db.store().read([&](Tx& tx) { return get_row(tx, decision_spec(), decision.id); });
    ASSERT_TRUE(settled);
    EXPECT_FALSE(settled->provisional);
}

} // namespace
} // namespace c9
