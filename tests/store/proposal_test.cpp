// Agenda proposals on a real database: invitees propose items before the meeting, the chair accepts them into a
// section (they survive regeneration) or declines them with a reason the minutes give.
#include "app/agenda.h"
#include "export/minutes_markdown.h"
#include "meeting_fixture.h"

namespace c9 {
namespace {

using test::caller_at;

class Proposals : public test::MeetingCycle {
protected:
    Id outsider = 0;
    Id meeting = 0;

    void SetUp() override
    {
        MeetingCycle::SetUp();
        outsider
            = make(person_spec(), {{"name", std::string("Carol HR")}, {"email", std::string("carol@example.org")}});
        ASSERT_TRUE(add_series_member(db.store(), display_id("SER", series), display_id("PER", member), std::nullopt,
            caller_at("2026-01-02T00:00:00Z")));
        meeting = plan("2026-02-10T09:00:00Z", "2026-01-20T09:00:00Z").id;
    }

    // A signed-in account of the given role acting for a person.
    static Caller account(Role role, std::optional<Id> person, const char* when = "2026-02-01T09:00:00Z")
    {
        auto caller = caller_at(when, "user:9");
        caller.standing = Standing::account;
        caller.account = 9;
        caller.role = role;
        caller.person = person;
        return caller;
    }

    Result<Proposal> propose(const Caller& caller, std::string title, std::optional<std::string> by = std::nullopt,
        std::string kind = "concern")
    {
        Patch fields {{"title", std::move(title)}, {"kind", std::move(kind)}, {"sources", std::string("INC-1")}};
        return propose_agenda_item(db.store(), display_id("MTG", meeting), fields, by, caller);
    }

    std::vector<AgendaItem> shown_items(const char* when)
    {
        auto items
            = write(when, [&](Tx& tx, const Caller& caller) { return build_meeting_agenda(tx, meeting, caller); });
        EXPECT_TRUE(items) << items.error().message();
        std::vector<AgendaItem> shown;
        for (const auto& item : *items)
            if (!item.removed)
                shown.push_back(item);
        return shown;
    }
};

TEST_F(Proposals, AMembersProposalAcceptedIsOnTheAgendaAndSurvivesRegeneration)
{
    auto proposal = propose(account(Role::member, member), "Backups of the HR laptops");
    ASSERT_TRUE(proposal) << proposal.error().message();
    EXPECT_EQ(proposal->proposed_by, member);
    EXPECT_EQ(proposal->status, ProposalStatus::open);
    EXPECT_EQ(proposal->sources, "INC-1");

    auto listed = list_proposals(db.store(), display_id("MTG", meeting), account(Role::chair, chair));
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().title, "Backups of the HR laptops");

    // A member may not take it onto the agenda; the chair may.
    auto refused = accept_proposal(db.store(), display_id("MTG", meeting), display_id("PRP", proposal->id),
        AgendaSection::risks, account(Role::member, member));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::forbidden);
    auto accepted = accept_proposal(db.store(), display_id("MTG", meeting), display_id("PRP", proposal->id),
        AgendaSection::risks, account(Role::chair, chair));
    ASSERT_TRUE(accepted) << accepted.error().message();
    EXPECT_EQ(accepted->proposal.status, ProposalStatus::accepted);
    EXPECT_EQ(accepted->proposal.agenda_item, accepted->item.id);
    EXPECT_EQ(accepted->proposal.decided_by, chair);
    EXPECT_EQ(accepted->item.section, AgendaSection::risks);
    EXPECT_EQ(accepted->item.presenter, member);
    EXPECT_FALSE(accepted->item.key) << "an accepted proposal is the chair's own item";

    // Regenerating the agenda keeps it, in its section, and numbers stay 1..N.
    auto shown = shown_items("2026-02-05T09:00:00Z");
    auto found = std::find_if(
        shown.begin(), shown.end(), [&](const AgendaItem& item) { return item.id == accepted->item.id; });
    ASSERT_NE(found, shown.end());
    EXPECT_EQ(found->title, "Backups of the HR laptops");
    for (size_t index = 0; index < shown.size(); ++index)
        EXPECT_EQ(shown[index].position, static_cast<int>(index) + 1);

    // Decided once: accepting or declining it again is a conflict that changes nothing.
    auto again = decline_proposal(
        db.store(), display_id("MTG", meeting), display_id("PRP", proposal->id), "late", account(Role::chair, chair));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code(), ErrorCode::conflict);
}

TEST_F(Proposals, OnlyInviteesProposeAndAMemberOnlyInTheirOwnName)
{
    // Carol is not invited: refused whoever records it.
    auto outside = propose(caller_at("2026-02-01T09:00:00Z"), "Canteen Wi-Fi", display_id("PER", outsider));
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().fields().at(0).field, "by");
    // A member account proposes in its own person's name only.
    auto for_other = propose(account(Role::member, member), "On the chair's behalf", display_id("PER", chair));
    ASSERT_FALSE(for_other);
    EXPECT_EQ(for_other.error().code(), ErrorCode::forbidden);
    // A member account not invited to the meeting records nothing in it.
    auto not_invited = propose(account(Role::member, outsider), "Mine");
    ASSERT_FALSE(not_invited);
    EXPECT_EQ(not_invited.error().code(), ErrorCode::forbidden);
    // The auditor changes nothing.
    auto auditor = propose(account(Role::auditor, member), "Audit view");
    ASSERT_FALSE(auditor);
    EXPECT_EQ(auditor.error().code(), ErrorCode::forbidden);
    // Without a person to name, the proposer must be given.
    auto nobody = propose(caller_at("2026-02-01T09:00:00Z"), "Whose?");
    ASSERT_FALSE(nobody);
    EXPECT_EQ(nobody.error().fields().at(0).field, "by");
    // A kind that does not exist is refused by the rules.
    auto kind = propose(account(Role::member, member), "Odd", std::nullopt, "complaint");
    ASSERT_FALSE(kind);
    EXPECT_EQ(kind.error().fields().at(0).field, "kind");

    auto listed = list_proposals(db.store(), display_id("MTG", meeting), caller_at());
    ASSERT_TRUE(listed);
    EXPECT_TRUE(listed->empty()) << "a refused proposal leaves nothing behind";
}

TEST_F(Proposals, DeclinedAndUnansweredProposalsAreInTheMinutes)
{
    auto declined = propose(account(Role::member, member), "Discuss the canteen Wi-Fi");
    auto unanswered = propose(account(Role::member, member), "Rotate the VPN keys", std::nullopt, "suggestion");
    ASSERT_TRUE(declined && unanswered);
    auto chair_caller = account(Role::chair, chair);
    auto no_reason
        = decline_proposal(db.store(), display_id("MTG", meeting), display_id("PRP", declined->id), "  ", chair_caller);
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().fields().at(0).field, "reason");
    ASSERT_TRUE(decline_proposal(db.store(), display_id("MTG", meeting), display_id("PRP", declined->id),
        "Not an ISMS matter; facilities handle it", chair_caller));

    // Once the meeting runs, nobody proposes and nothing more is accepted onto the frozen agenda.
    ASSERT_TRUE(write(
        "2026-02-10T09:00:00Z", [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting, caller); }));
    auto late = propose(account(Role::member, member, "2026-02-10T09:30:00Z"), "Too late");
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code(), ErrorCode::conflict);
    auto frozen = accept_proposal(db.store(), display_id("MTG", meeting), display_id("PRP", unanswered->id),
        std::nullopt, account(Role::chair, chair, "2026-02-10T09:30:00Z"));
    ASSERT_FALSE(frozen);
    EXPECT_EQ(frozen.error().code(), ErrorCode::conflict);

    auto doc = write("2026-02-10T09:40:00Z", [&](Tx& tx, const Caller& caller) -> Result<MinutesDoc> {
        return minutes_doc(tx, C9_TRY(load_meeting(tx, meeting)), caller);
    });
    ASSERT_TRUE(doc) << doc.error().message();
    ASSERT_EQ(doc->proposals_not_taken.size(), 2u);
    auto markdown = minutes_markdown_body(*doc);
    EXPECT_NE(markdown.find(fmt::format("| {} | Discuss the canteen Wi-Fi | Concern | Bob IT | Declined: Not an ISMS "
                                        "matter; facilities handle it |",
                  display_id("PRP", declined->id))),
        std::string::npos)
        << markdown;
    EXPECT_NE(markdown.find(fmt::format("| {} | Rotate the VPN keys | Suggestion | Bob IT | Not answered before the "
                                        "meeting started |",
                  display_id("PRP", unanswered->id))),
        std::string::npos)
        << markdown;
}

} // namespace
} // namespace c9
