// The room's current item (live meetings): set while the meeting is in progress, to an item of its own agenda that
// was not removed, by its chair or minute taker (or an account that manages meetings); never before the start or
// after the close. The CLI and the API call the same use case, so these rules hold for both.
#include "meeting_fixture.h"

namespace c9::test {
namespace {

using CurrentItem = MeetingCycle;

Caller member_account(Id person)
{
    return Caller {"user:2", person, at("2026-03-02T09:10:00Z"), Standing::account, 2, Role::member};
}

TEST_F(CurrentItem, OnlyWhileInProgressOnItsOwnAgendaAndByWhoLeadsTheRoom)
{
    auto meeting = plan("2026-03-02T09:00:00Z", "2026-02-01T00:00:00Z");
    auto other = plan("2026-04-06T09:00:00Z", "2026-02-01T00:00:00Z");
    agenda_keys(meeting.id, "2026-02-01T00:00:00Z");
    agenda_keys(other.id, "2026-02-01T00:00:00Z");
    auto first_item = [&](Id of) {
        return *write("2026-02-01T00:00:00Z", [&](Tx& tx, const Caller&) -> Result<Id> {
            return C9_TRY(find_agenda_item(tx, of, ItemRef {"1", ItemNumbering::shown})).id;
        });
    };
    Id item = first_item(meeting.id);
    Id elsewhere = first_item(other.id);
    auto ref = display_id("MTG", meeting.id);
    auto set = [&](const std::string& which, const Caller& caller) {
        return set_current_item(db.store(), ref, ItemRef {which, ItemNumbering::id}, caller);
    };

    auto early = set(std::to_string(item), caller_at("2026-03-01T09:00:00Z"));
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code(), ErrorCode::conflict) << early.error().message();

    ASSERT_TRUE(write(
        "2026-03-02T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting.id, caller); }));
    auto set_now = set(std::to_string(item), caller_at("2026-03-02T09:05:00Z"));
    ASSERT_TRUE(set_now) << set_now.error().message();
    EXPECT_EQ(set_now->current_item, item);

    // An item of another meeting is not on this agenda.
    auto foreign = set(std::to_string(elsewhere), caller_at("2026-03-02T09:06:00Z"));
    ASSERT_FALSE(foreign);
    EXPECT_EQ(foreign.error().code(), ErrorCode::not_found);

    // A member's account leads the room only as its chair or minute taker.
    auto bob = member_account(member);
    ASSERT_TRUE(write("2026-03-02T09:07:00Z", [&](Tx& tx, const Caller& caller) {
        return record_attendance(tx, meeting.id, {member, AttendeeRole::member, Presence::present}, caller);
    }));
    auto refused = set(std::to_string(item), bob);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::forbidden) << refused.error().message();
    ASSERT_TRUE(write("2026-03-02T09:08:00Z", [&](Tx& tx, const Caller& caller) {
        return record_attendance(tx, meeting.id, {member, AttendeeRole::minute_taker, Presence::present}, caller);
    }));
    auto minute_taker = set(std::to_string(item), bob);
    EXPECT_TRUE(minute_taker) << minute_taker.error().message();

    // Closed: nobody follows it any more.
    ASSERT_TRUE(write("2026-03-02T10:00:00Z",
        [&](Tx& tx, const Caller& caller) { return close_meeting(tx, meeting.id, std::nullopt, caller); }));
    auto late = set(std::to_string(item), caller_at("2026-03-02T10:01:00Z"));
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code(), ErrorCode::conflict);
}

TEST_F(CurrentItem, NotesSavedMeanwhileAreNotOverwritten)
{
    auto meeting = plan("2026-03-02T09:00:00Z", "2026-02-01T00:00:00Z");
    agenda_keys(meeting.id, "2026-02-01T00:00:00Z");
    ASSERT_TRUE(write(
        "2026-03-02T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting.id, caller); }));
    auto ref = display_id("MTG", meeting.id);
    ItemRef first {"1", ItemNumbering::shown};
    auto read
        = write("2026-03-02T09:01:00Z", [&](Tx& tx, const Caller&) { return find_agenda_item(tx, meeting.id, first); });
    ASSERT_TRUE(read);
    auto version = read->version;

    auto saved = record_note(db.store(), ref, first, std::string("Chair: racks checked."), std::nullopt,
        caller_at("2026-03-02T09:02:00Z"), NoteMode::replace, version);
    ASSERT_TRUE(saved) << saved.error().message();
    auto stale = record_note(db.store(), ref, first, std::string("Member: racks unlocked."), std::nullopt,
        caller_at("2026-03-02T09:03:00Z"), NoteMode::replace, version);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code(), ErrorCode::stale);
    auto after
        = write("2026-03-02T09:04:00Z", [&](Tx& tx, const Caller&) { return find_agenda_item(tx, meeting.id, first); });
    ASSERT_TRUE(after);
    EXPECT_EQ(after->notes.value_or(""), "Chair: racks checked.");
    // Merged and sent with the version now stored, it is saved.
    auto merged = record_note(db.store(), ref, first, std::string("Chair: racks checked.\n\nMember: racks unlocked."),
        std::nullopt, caller_at("2026-03-02T09:05:00Z"), NoteMode::replace, after->version);
    EXPECT_TRUE(merged) << merged.error().message();
}

} // namespace
} // namespace c9::test
