// The cache of rendered register lists (api/page_cache.h): its bounds and versions on their own, then through the
// real server, where a list must show every change at once, whichever process made it.
#include "api/page_cache.h"
#include "api_fixture.h"

namespace c9::api_test {
namespace {

PageCache::Body body(std::string text) { return std::make_shared<const std::string>(std::move(text)); }

const Date today = to_date(Timestamp {} + std::chrono::days(20000));

TEST(PageCache, KeepsAPageForItsTargetDateAndVersion)
{
    PageCache cache(1 << 20);
    EXPECT_EQ(cache.find("/api/v1/risks", today, 7), nullptr);
    cache.put("/api/v1/risks", today, 7, body("[1]"));
    ASSERT_NE(cache.find("/api/v1/risks", today, 7), nullptr);
    EXPECT_EQ(*cache.find("/api/v1/risks", today, 7), "[1]");
    EXPECT_EQ(cache.find("/api/v1/risks?limit=5", today, 7), nullptr);
    // The overdue filter depends on the date: another day is another page.
    EXPECT_EQ(cache.find("/api/v1/risks", today + std::chrono::days(1), 7), nullptr);
    auto stats = cache.stats();
    EXPECT_EQ(stats.hits, 2u);
    EXPECT_EQ(stats.misses, 3u);
}

TEST(PageCache, ANewVersionDropsEveryPage)
{
    PageCache cache(1 << 20);
    cache.put("/a", today, 1, body("a"));
    cache.put("/b", today, 1, body("b"));
    EXPECT_EQ(cache.stats().pages, 2u);
    EXPECT_EQ(cache.find("/a", today, 2), nullptr);
    EXPECT_EQ(cache.stats().pages, 0u);
    EXPECT_EQ(cache.stats().bytes, 0u);
    // A transaction that began before the change still asks with the old version: it gets nothing, and what it
    // renders is not kept, so it cannot shadow the newer data.
    EXPECT_EQ(cache.find("/b", today, 1), nullptr);
    cache.put("/b", today, 1, body("old b"));
    EXPECT_EQ(cache.find("/b", today, 2), nullptr);
    EXPECT_EQ(cache.stats().pages, 0u);
}

TEST(PageCache, StaysWithinItsBudgetDroppingTheLeastRecentlyUsed)
{
    PageCache cache(1000);
    cache.put("/a", today, 1, body(std::string(200, 'a')));
    cache.put("/b", today, 1, body(std::string(200, 'b')));
    cache.put("/c", today, 1, body(std::string(200, 'c')));
    cache.put("/d", today, 1, body(std::string(200, 'd')));
    ASSERT_NE(cache.find("/a", today, 1), nullptr); // now the most recently used
    cache.put("/e", today, 1, body(std::string(250, 'e')));
    EXPECT_LE(cache.stats().bytes, 1000u);
    EXPECT_EQ(cache.find("/b", today, 1), nullptr);
    EXPECT_NE(cache.find("/a", today, 1), nullptr);
    EXPECT_NE(cache.find("/e", today, 1), nullptr);
    // A page over a quarter of the budget would push out everything else: it is not kept.
    cache.put("/big", today, 1, body(std::string(300, 'x')));
    EXPECT_EQ(cache.find("/big", today, 1), nullptr);
    // Putting a page again replaces it and counts its new size.
    cache.put("/a", today, 1, body("short"));
    EXPECT_EQ(*cache.find("/a", today, 1), "short");
    EXPECT_EQ(cache.stats().bytes, 5u + 200u + 200u + 250u); // a, c, d, e
}

TEST(PageCache, APageStaysValidForWhoeverHoldsItAfterItIsDropped)
{
    PageCache cache(1 << 20);
    cache.put("/a", today, 1, body("kept by a response"));
    auto held = cache.find("/a", today, 1);
    cache.put("/a", today, 2, body("newer"));
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(*held, "kept by a response");
}

using ListCache = ApiTest;

TEST_F(ListCache, ARowAddedByAnotherProcessIsListedAtOnce)
{
    const std::string list = "/api/v1/risks?status=open&sort=-id";
    auto before = get(list);
    ASSERT_EQ(before.status, 200) << before.describe();
    EXPECT_EQ(get(list).body, before.body); // the same page again, from the cache

    // The CLI writes the database directly, past the server and its cache.
    auto added = test::run_clause9({"--db", db_path(), "risk", "add", "--title", "Supplier breach", "--owner",
                                       "carl@example.org", "--likelihood", "2", "--impact", "4"},
        work_dir());
    ASSERT_EQ(added.status, 0) << added.err;

    auto after = get(list, As::auditor).json();
    EXPECT_EQ(after["total"], before.json()["total"].get<int>() + 1);
    ASSERT_FALSE(after["items"].empty());
    EXPECT_EQ(after["items"][0]["title"], "Supplier breach");
}

TEST_F(ListCache, EveryRoleGetsTheSamePageAndABadQueryIsNeverKept)
{
    const std::string list = "/api/v1/actions?open=true&limit=10";
    auto first = get(list, As::member);
    ASSERT_EQ(first.status, 200) << first.describe();
    for (As as : {As::admin, As::chair, As::auditor})
        EXPECT_EQ(get(list, as).body, first.body) << to_string(as);
    EXPECT_EQ(get(list, As::anonymous).status, 401);
    for (int attempt = 0; attempt < 2; ++attempt)
        EXPECT_EQ(get("/api/v1/actions?colour=red").status, 422);
}

// The premise, shown from its other side: a change that skips the audit trail (SQL typed into the database by
// hand) leaves the version alone, so the kept page is served until the next change through the application.
TEST_F(ListCache, AnEditPastTheAuditTrailIsSeenWithTheNextChange)
{
    const std::string list = "/api/v1/people?sort=-id";
    ASSERT_EQ(post("/api/v1/people", {{"name", "Noor"}, {"email", "noor@example.org"}}).status, 201);
    EXPECT_EQ(get(list).json()["items"][0]["name"], "Noor");
    exec_sql(db_path(), "UPDATE people SET name = 'Noor Edited' WHERE email = 'noor@example.org'");
    EXPECT_EQ(get(list).json()["items"][0]["name"], "Noor");
    ASSERT_EQ(post("/api/v1/people", {{"name", "Olu"}, {"email", "olu@example.org"}}).status, 201);
    EXPECT_EQ(get(list).json()["items"][1]["name"], "Noor Edited");
}

class ListCacheOff : public ApiTest {
protected:
    std::vector<std::string> server_args() const override { return {"--list-cache", "0"}; }
};

TEST_F(ListCacheOff, EveryListIsRenderedAnew)
{
    const std::string list = "/api/v1/people?sort=-id";
    auto before = get(list);
    ASSERT_EQ(before.status, 200) << before.describe();
    EXPECT_EQ(get(list).body, before.body);
    ASSERT_EQ(post("/api/v1/people", {{"name", "Noor"}, {"email", "noor@example.org"}}).status, 201);
    auto after = get(list).json();
    EXPECT_EQ(after["total"], before.json()["total"].get<int>() + 1);
    EXPECT_EQ(after["items"][0]["name"], "Noor");

    // An edit past the audit trail leaves the data version alone: only a server that renders every list shows it.
    exec_sql(db_path(), "UPDATE people SET name = 'Noor Edited' WHERE email = 'noor@example.org'");
    EXPECT_EQ(get(list).json()["items"][0]["name"], "Noor Edited");
}

} // namespace
} // namespace c9::api_test
