// The meeting cycle on a real database: lifecycle transitions, planning, moving and cancelling, standing
// members, approval sealing the record and who may approve, and action items carried across meetings.
#include "app/verbs.h"
#include "meeting_fixture.h"

#include <functional>
#include <map>

namespace c9 {
namespace {

using test::caller_at;
using test::MeetingCycle;

TEST_F(MeetingCycle, APlannedMeetingIsMovedOrCancelledUntilItStarts)
{
    // Planning in the past is refused; so is a second meeting while one of the series is running.
    auto past = write("2026-08-10T00:00:00Z", [&](Tx& tx, const Caller& caller) {
        return plan_meeting(tx, series, parse_timestamp("2026-08-01T09:00:00Z"), caller);
    });
    ASSERT_FALSE(past);
    EXPECT_EQ(past.error().fields().at(0).field, "starts_at");
    auto meeting = plan("2026-08-20T09:00:00Z", "2026-08-10T00:00:00Z");
    auto at = [](const char* when) { return caller_at(when); };

    // Moved while planned, not into the past.
    auto moved = update(db.store(), meeting_spec(), display_id("MTG", meeting.id),
                        Patch{{"starts_at", std::string("2026-08-21T09:00:00Z")}}, std::nullopt, at("2026-08-11T00:00:00Z"));
    ASSERT_TRUE(moved) << moved.error().message();
    auto backwards = update(db.store(), meeting_spec(), display_id("MTG", meeting.id),
                            Patch{{"starts_at", std::string("2026-08-01T09:00:00Z")}}, std::nullopt, at("2026-08-11T00:00:00Z"));
    ASSERT_FALSE(backwards);
    EXPECT_EQ(backwards.error().fields().at(0).field, "starts_at");

    // Cancelling needs a reason.
    auto bare = run_verb(db.store(), meeting_spec(), "cancel", display_id("MTG", meeting.id), Patch{}, std::nullopt,
                         at("2026-08-12T00:00:00Z"));
    ASSERT_FALSE(bare);
    EXPECT_EQ(bare.error().fields().at(0).field, "cancel_reason");

    // A second meeting, started: it can be neither moved nor cancelled, and no third is planned meanwhile.
    auto running = plan("2026-08-15T09:00:00Z", "2026-08-12T00:00:00Z");
    ASSERT_TRUE(write("2026-08-15T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, running.id, caller); }));
    auto third = write("2026-08-15T09:10:00Z", [&](Tx& tx, const Caller& caller) {
        return plan_meeting(tx, series, parse_timestamp("2026-09-15T09:00:00Z"), caller);
    });
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().code(), ErrorCode::conflict);
    auto cancel_running = run_verb(db.store(), meeting_spec(), "cancel", display_id("MTG", running.id),
                                   Patch{{"cancel_reason", std::string("too late")}}, std::nullopt, at("2026-08-15T09:20:00Z"));
    ASSERT_FALSE(cancel_running);
    auto move_running = update(db.store(), meeting_spec(), display_id("MTG", running.id),
                               Patch{{"starts_at", std::string("2026-08-30T09:00:00Z")}}, std::nullopt, at("2026-08-15T09:20:00Z"));
    ASSERT_FALSE(move_running);

    auto cancelled = run_verb(db.store(), meeting_spec(), "cancel", display_id("MTG", meeting.id),
                              Patch{{"cancel_reason", std::string("the chair is ill")}}, std::nullopt, at("2026-08-15T09:30:00Z"));
    ASSERT_TRUE(cancelled) << cancelled.error().message();
    EXPECT_EQ(cancelled->row.state, MeetingState::cancelled);
    EXPECT_EQ(cancelled->row.cancel_reason, "the chair is ill");
    auto start_cancelled = write("2026-08-21T09:00:00Z", [&](Tx& tx, const Caller& caller) {
        return start_meeting(tx, meeting.id, caller);
    });
    ASSERT_FALSE(start_cancelled);
    // Nor is anything recorded in it or added to its agenda.
    auto attend_cancelled = write("2026-08-21T09:00:00Z", [&](Tx& tx, const Caller& caller) {
        return record_attendance(tx, meeting.id, {member, std::nullopt, Presence::present}, caller);
    });
    ASSERT_FALSE(attend_cancelled);
    EXPECT_NE(attend_cancelled.error().message().find("is cancelled"), std::string::npos)
        << attend_cancelled.error().message();
    auto item_on_cancelled = write("2026-08-21T09:00:00Z", [&](Tx& tx, const Caller& caller) {
        return add_agenda_item(tx, meeting.id, Patch{{"title", std::string("extra")}}, caller);
    });
    ASSERT_FALSE(item_on_cancelled);
    EXPECT_NE(item_on_cancelled.error().message().find("is cancelled"), std::string::npos)
        << item_on_cancelled.error().message();
}

TEST_F(MeetingCycle, PlanningInvitesTheStandingMembersWithTheirRoles)
{
    auto carol = make(person_spec(), {{"name", std::string("Carol HR")}, {"email", std::string("carol@example.org")}});
    auto caller = caller_at("2026-09-01T00:00:00Z");
    ASSERT_TRUE(add_series_member(db.store(), display_id("SER", series), "bob@example.org", std::nullopt, caller));
    ASSERT_TRUE(add_series_member(db.store(), display_id("SER", series), "PER-3", AttendeeRole::minute_taker, caller));
    auto second_chair = add_series_member(db.store(), display_id("SER", series), "PER-2", AttendeeRole::chair, caller);
    ASSERT_FALSE(second_chair) << "the series is chaired by PER-1";
    EXPECT_EQ(second_chair.error().code(), ErrorCode::conflict);
    auto first = plan("2026-09-15T09:00:00Z", "2026-09-01T00:00:00Z");

    // Removing a member later leaves the meeting already planned as it is.
    ASSERT_TRUE(remove_series_member(db.store(), display_id("SER", series), "carol@example.org", caller_at("2026-09-02T00:00:00Z")));
    auto second = plan("2026-10-15T09:00:00Z", "2026-09-02T00:00:00Z");
    auto roles = [&](Id meeting) {
        auto record = db.store().read([&](Tx& tx) { return load_meeting(tx, meeting); });
        EXPECT_TRUE(record);
        std::map<Id, AttendeeRole> invited;
        for (const auto& attendance : record->attendance)
            invited[attendance.person] = attendance.role;
        return invited;
    };
    EXPECT_EQ(roles(first.id), (std::map<Id, AttendeeRole>{{chair, AttendeeRole::chair}, {member, AttendeeRole::member},
                                                            {carol, AttendeeRole::minute_taker}}));
    EXPECT_EQ(roles(second.id), (std::map<Id, AttendeeRole>{{chair, AttendeeRole::chair}, {member, AttendeeRole::member}}));
}

TEST_F(MeetingCycle, EveryIllegalTransitionIsRefused)
{
    using Step = std::function<Result<bool>(Tx&, Id, const Caller&)>;
    Step start = [](Tx& tx, Id id, const Caller& caller) -> Result<bool> {
        C9_TRY(start_meeting(tx, id, caller));
        return true;
    };
    Step close = [](Tx& tx, Id id, const Caller& caller) -> Result<bool> {
        C9_TRY(close_meeting(tx, id, std::nullopt, caller));
        return true;
    };
    Id approver = chair;
    Step approve = [approver](Tx& tx, Id id, const Caller& caller) -> Result<bool> {
        C9_TRY(approve_meeting(tx, id, approver, caller, minutes_renderers()));
        return true;
    };
    Step note = [](Tx& tx, Id id, const Caller& caller) -> Result<bool> {
        auto record = C9_TRY(load_meeting(tx, id));
        C9_TRY(record_note(tx, record.agenda.at(0).id, "note", std::nullopt, caller));
        return true;
    };
    Step decide = [](Tx& tx, Id id, const Caller& caller) -> Result<bool> {
        C9_TRY(record_decision(tx, id, Patch{{"text", std::string("decided")}}, caller));
        return true;
    };
    Step edit = [](Tx& tx, Id id, const Caller& caller) -> Result<bool> {
        C9_TRY(add_agenda_item(tx, id, Patch{{"title", std::string("extra")}}, caller));
        return true;
    };
    struct Case {
        const char* name;
        int reach;  // 0 planned, 1 in progress, 2 held, 3 approved
        Step step;
        bool allowed;
    };
    std::vector<Case> cases{
        {"close a planned meeting", 0, close, false},       {"approve a planned meeting", 0, approve, false},
        {"note in a planned meeting", 0, note, false},      {"decide in a planned meeting", 0, decide, false},
        {"edit a planned agenda", 0, edit, true},           {"start twice", 1, start, false},
        {"approve a running meeting", 1, approve, false},   {"edit a running agenda", 1, edit, false},
        {"note in a running meeting", 1, note, true},       {"start a held meeting", 2, start, false},
        {"close twice", 2, close, false},                   {"correct a note before approval", 2, note, true},
        {"start an approved meeting", 3, start, false},     {"close an approved meeting", 3, close, false},
        {"approve twice", 3, approve, false},               {"note in an approved meeting", 3, note, false},
        {"decide in an approved meeting", 3, decide, false}, {"edit an approved agenda", 3, edit, false},
    };
    int day = 1;
    for (const auto& test_case : cases) {
        SCOPED_TRACE(test_case.name);
        auto when = fmt::format("2026-03-{:02}T", day++);
        auto meeting = plan((when + "09:00:00Z").c_str(), (when + "00:00:00Z").c_str());
        ASSERT_TRUE(write((when + "08:00:00Z").c_str(), [&](Tx& tx, const Caller& caller) {
            return build_meeting_agenda(tx, meeting.id, caller);
        }));
        std::vector<Step> path{start, close, approve};
        for (int step = 0; step < test_case.reach; ++step)
            ASSERT_TRUE(write((when + "09:0" + std::to_string(step) + ":00Z").c_str(),
                              [&](Tx& tx, const Caller& caller) { return path[step](tx, meeting.id, caller); }));
        auto result = write((when + "09:30:00Z").c_str(),
                            [&](Tx& tx, const Caller& caller) { return test_case.step(tx, meeting.id, caller); });
        EXPECT_EQ(result.has_value(), test_case.allowed) << (result ? "" : result.error().message());
        // One meeting of a series runs at a time: a running one is closed before the next case plans its own.
        if (test_case.reach == 1) {
            ASSERT_TRUE(write((when + "10:00:00Z").c_str(), [&](Tx& tx, const Caller& caller) {
                return close_meeting(tx, meeting.id, std::nullopt, caller);
            }));
        }
        if (!result.has_value() && test_case.reach == 3) {
            EXPECT_EQ(result.error().code(), ErrorCode::locked);
        }
    }
}

TEST_F(MeetingCycle, ApprovalSealsTheRecord)
{
    auto meeting = plan("2026-04-15T09:00:00Z", "2026-04-01T00:00:00Z");
    hold(meeting.id, "2026-04-15");
    auto sealed = db.store().read([&](Tx& tx) { return approved_minutes(tx, meeting.id); });
    ASSERT_TRUE(sealed && *sealed);
    EXPECT_EQ((*sealed)->sha256, sha256_hex((*sealed)->body));
    EXPECT_TRUE((*sealed)->markdown.starts_with((*sealed)->body));
    auto check = db.store().read([&](Tx& tx) { return verify_minutes(tx, meeting.id); });
    ASSERT_TRUE(check);
    EXPECT_TRUE(check->intact);

    // The meeting row itself cannot change, by any path.
    auto renamed = update(db.store(), meeting_spec(), display_id("MTG", meeting.id), Patch{{"title", std::string("renamed")}},
                          std::nullopt, caller_at("2026-04-16T00:00:00Z"));
    ASSERT_FALSE(renamed);
    EXPECT_EQ(renamed.error().code(), ErrorCode::locked);
    auto attend = write("2026-04-16T00:00:00Z", [&](Tx& tx, const Caller& caller) {
        return record_attendance(tx, meeting.id, {member, std::nullopt, Presence::present}, caller);
    });
    ASSERT_FALSE(attend);
    EXPECT_EQ(attend.error().code(), ErrorCode::locked);
}

TEST_F(MeetingCycle, MinutesAreApprovedByTheChairOrAnAttendeeWhoWasPresent)
{
    auto outsider = make(person_spec(), {{"name", std::string("Carol HR")}, {"email", std::string("carol@example.org")}});
    auto gone = make(person_spec(), {{"name", std::string("Dan Gone")}, {"email", std::string("dan@example.org")},
                                     {"active", std::int64_t{0}}});
    auto meeting = plan("2026-04-15T09:00:00Z", "2026-04-01T00:00:00Z");
    ASSERT_TRUE(write("2026-04-15T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting.id, caller); }));
    for (auto person : {member, gone})
        ASSERT_TRUE(write("2026-04-15T09:01:00Z", [&](Tx& tx, const Caller& caller) {
            return record_attendance(tx, meeting.id, {person, std::nullopt, Presence::present}, caller);
        }));
    ASSERT_TRUE(write("2026-04-15T10:00:00Z", [&](Tx& tx, const Caller& caller) {
        return close_meeting(tx, meeting.id, std::nullopt, caller);
    }));
    auto approve = [&](Id by) {
        return write("2026-04-16T10:00:00Z", [&](Tx& tx, const Caller& caller) {
            return approve_meeting(tx, meeting.id, by, caller, minutes_renderers());
        });
    };
    for (auto [by, why] : {std::pair{outsider, "did not attend"}, std::pair{gone, "no longer active"}}) {
        auto refused = approve(by);
        ASSERT_FALSE(refused) << why;
        EXPECT_EQ(refused.error().code(), ErrorCode::invalid);
        EXPECT_EQ(refused.error().fields().at(0).field, "by");
        EXPECT_NE(refused.error().message().find(why), std::string::npos) << refused.error().message();
    }
    auto state = db.store().read([&](Tx& tx) { return get_row(tx, meeting_spec(), meeting.id); });
    ASSERT_TRUE(state);
    EXPECT_EQ(state->state, MeetingState::held) << "a refused approval changes nothing";
    // Nobody is left "invited" in a closed meeting: the invitees who did not come are absent.
    auto record = db.store().read([&](Tx& tx) { return load_meeting(tx, meeting.id); });
    ASSERT_TRUE(record);
    for (const auto& attendance : record->attendance)
        EXPECT_NE(attendance.presence, Presence::invited) << display_id("PER", attendance.person);
    auto approved = approve(member);
    ASSERT_TRUE(approved) << approved.error().message();
    EXPECT_EQ(approved->approved_by, member);
}

TEST_F(MeetingCycle, ASeriesThatNamesItsApproversHasThemApproveAndNobodyElse)
{
    auto board = make(person_spec(), {{"name", std::string("Erin Board")}, {"email", std::string("erin@example.org")}});
    // Approvers must be people who exist.
    auto nobody = update(db.store(), series_spec(), display_id("SER", series), {{"approvers", std::string("PER-99")}},
        std::nullopt, caller_at("2026-04-01T00:00:00Z"));
    ASSERT_FALSE(nobody);
    EXPECT_EQ(nobody.error().fields().at(0).field, "approvers");
    auto named = update(db.store(), series_spec(), display_id("SER", series),
        {{"approvers", fmt::format("per-{}", board)}}, std::nullopt, caller_at("2026-04-01T00:00:00Z"));
    ASSERT_TRUE(named) << named.error().message();
    EXPECT_EQ(named->row.approvers, display_id("PER", board));

    auto meeting = plan("2026-04-15T09:00:00Z", "2026-04-01T00:00:00Z");
    ASSERT_TRUE(write("2026-04-15T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting.id, caller); }));
    ASSERT_TRUE(write("2026-04-15T10:00:00Z", [&](Tx& tx, const Caller& caller) {
        return close_meeting(tx, meeting.id, std::nullopt, caller);
    }));
    auto approve = [&](Id by) {
        return write("2026-04-16T10:00:00Z", [&](Tx& tx, const Caller& caller) {
            return approve_meeting(tx, meeting.id, by, caller, minutes_renderers());
        });
    };
    // The chair was there, but the series says who approves.
    auto by_chair = approve(chair);
    ASSERT_FALSE(by_chair);
    EXPECT_NE(by_chair.error().message().find("is not an approver of"), std::string::npos) << by_chair.error().message();
    auto by_board = approve(board);
    ASSERT_TRUE(by_board) << by_board.error().message();
    EXPECT_EQ(by_board->approved_by, board);
}

TEST_F(MeetingCycle, OpenActionsAreCarriedForwardUntilClosed)
{
    auto first = plan("2026-01-15T09:00:00Z", "2026-01-01T00:00:00Z");
    ASSERT_TRUE(write("2026-01-15T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, first.id, caller); }));
    auto action = write("2026-01-15T09:10:00Z", [&](Tx& tx, const Caller& caller) {
        return raise_action(tx, first.id, Patch{{"title", std::string("Enable MFA")}, {"owner", member}}, caller);
    });
    ASSERT_TRUE(action) << action.error().message();
    EXPECT_EQ(format_date(action->due), "2026-02-15"); // due at the next meeting by default
    ASSERT_TRUE(write("2026-01-15T10:00:00Z", [&](Tx& tx, const Caller& caller) {
        return close_meeting(tx, first.id, std::nullopt, caller);
    }));

    auto ref = "actions.open:" + display_id("ACT", action->id);
    auto second = plan("2026-02-15T09:00:00Z", "2026-02-01T00:00:00Z");
    auto second_keys = agenda_keys(second.id, "2026-02-14T00:00:00Z");
    EXPECT_TRUE(contains(second_keys, "opening.previous_minutes")); // the first meeting's minutes are not approved
    EXPECT_TRUE(contains(second_keys, ref));
    hold(second.id, "2026-02-15");

    auto third = plan("2026-03-15T09:00:00Z", "2026-03-01T00:00:00Z");
    EXPECT_TRUE(contains(agenda_keys(third.id, "2026-03-01T00:00:00Z"), ref)) << "still open: carried again";
    ASSERT_TRUE(update(db.store(), action_spec(), display_id("ACT", action->id), Patch{{"status", std::string("done")}}, std::nullopt,
                       caller_at("2026-03-10T00:00:00Z")));
    auto after_done = agenda_keys(third.id, "2026-03-14T00:00:00Z");
    EXPECT_FALSE(contains(after_done, ref));
    EXPECT_TRUE(contains(after_done, "actions.closed")) << "closed since the previous meeting: for confirmation";
}

} // namespace
} // namespace c9
