// `clause9 copy` underneath: a demo database with accounts and tokens copied to the other engine and back (on the
// postgresql: variant; SQLite to SQLite otherwise), compared table by table and row by row, with the audit chain
// still verifying and new rows getting fresh ids on the copy.
#include "app/accounts.h"
#include "app/accounts_login.h"
#include "app/audit_verify.h"
#include "app/meeting_cycle.h"
#include "app/registers.h"
#include "core/lesson.h"
#include "demo/demo.h"
#include "export/renderers.h"
#include "store/copy.h"
#include "test_support.h"

namespace c9 {
namespace {

using test::caller_at;

void fill(Store& store)
{
    auto demo = create_demo(store, DemoOptions{}, caller_at(), minutes_renderers());
    ASSERT_TRUE(demo) << demo.error().message();
    AccountInput input;
    input.email = "auditor@example.org";
    input.name = "Audrey";
    input.role = "auditor";
    input.password = "correct horse battery staple";
    auto account = create_account(store, input, caller_at());
    ASSERT_TRUE(account) << account.error().message();
    auto token = create_token(store, std::to_string(account->meta.id), "reporting", caller_at());
    ASSERT_TRUE(token) << token.error().message();

    // A meeting in progress on its first item: meetings.current_item refers to agenda_items, whose rows refer to
    // meetings, so the copy fills that column in last (store/copy.h late_references).
    auto planned = store.read(
        [](Tx& tx) { return all_rows(tx, meeting_spec(), {where("state", FilterOp::eq, std::string("planned"))}); });
    ASSERT_TRUE(planned && !planned->empty());
    auto ref = display_id("MTG", planned->front().id);
    auto started = start_meeting(store, ref, caller_at());
    ASSERT_TRUE(started) << started.error().message();
    auto on_item = set_current_item(store, ref, ItemRef {"1"}, caller_at());
    ASSERT_TRUE(on_item) << on_item.error().message();
    ASSERT_TRUE(on_item->current_item);
}

void expect_same_contents(Store& left, Store& right)
{
    for (const auto& table : schema_tables()) {
        auto expected = table_contents(left, table);
        auto actual = table_contents(right, table);
        ASSERT_TRUE(expected) << expected.error().message();
        ASSERT_TRUE(actual) << actual.error().message();
        EXPECT_EQ(expected->size(), actual->size()) << table;
        EXPECT_TRUE(*expected == *actual) << table << " differs";
    }
}

TEST(Copy, ToTheOtherEngineAndBackLosesNothing)
{
    test::TestDatabase original;
    fill(original.store());

    // On the PostgreSQL run: PostgreSQL -> SQLite -> PostgreSQL, so both directions cross engines.
    test::TempDir dir;
    auto middle_url = test::empty_database_url(Engine::sqlite, dir, "middle");
    auto back_url = test::empty_database_url(original.engine(), dir, "back");
    auto middle = Store::open(middle_url);
    auto back = Store::open(back_url);
    ASSERT_TRUE(middle && back);

    auto there = copy_database(original.store(), **middle);
    ASSERT_TRUE(there) << there.error().message();
    auto again = copy_database(**middle, **back);
    ASSERT_TRUE(again) << again.error().message();
    EXPECT_EQ(there->rows(), again->rows());
    EXPECT_GT(there->rows(), 2000);

    expect_same_contents(original.store(), **middle);
    expect_same_contents(original.store(), **back);
    for (auto* store : {&original.store(), middle->get(), back->get()}) {
        auto verified = verify_audit_chain(*store);
        ASSERT_TRUE(verified) << verified.error().message();
        EXPECT_FALSE(verified->broken) << store->description();
    }

    // The copy goes on where the original left off: the next row gets the next id, not one already taken.
    auto next_here = create(original.store(), lesson_spec(), Patch{{"title", std::string("after the copy")}},
                            caller_at());
    auto next_there = create(**back, lesson_spec(), Patch{{"title", std::string("after the copy")}}, caller_at());
    ASSERT_TRUE(next_here && next_there) << (next_there ? "" : next_there.error().message());
    EXPECT_EQ(next_here->id, next_there->id);
}

TEST(Copy, RefusesATargetThatHoldsADatabaseAndChangesNothing)
{
    test::TestDatabase source;
    test::TestDatabase target; // initialised: it has the schema and the Annex A catalog
    auto before = table_contents(target.store(), "controls");
    auto copied = copy_database(source.store(), target.store());
    ASSERT_FALSE(copied);
    EXPECT_EQ(copied.error().code(), ErrorCode::conflict);
    EXPECT_NE(copied.error().message().find("already holds a Clause9 database"), std::string::npos)
        << copied.error().message();
    EXPECT_TRUE(*before == *table_contents(target.store(), "controls"));
}

TEST(Copy, AFailedCopyLeavesTheTargetEmpty)
{
    test::TestDatabase source;
    fill(source.store());
    test::TempDir dir;
    auto url = test::empty_database_url(test::test_engine(), dir, "target");
    auto target = Store::open(url);
    ASSERT_TRUE(target);
    // A table in the way: the migrations cannot create theirs, so the copy fails before any row is written.
    test::exec_sql(url, "CREATE TABLE lessons (id INTEGER)");
    auto copied = copy_database(source.store(), **target);
    ASSERT_FALSE(copied);
    EXPECT_EQ(*(*target)->schema_version(), 0);
    auto people = table_contents(**target, "people");
    EXPECT_FALSE(people); // no such table: nothing of the copy stayed behind
}

} // namespace
} // namespace c9
