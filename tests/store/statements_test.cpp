// The statements a connection keeps prepared (store/tx_impl.h StatementCache), as the engines see them.
#include "store/audit_log.h"
#include "store/tx_impl.h"
#include "test_support.h"

#include <map>
#include <soci/sqlite3/soci-sqlite3.h>

namespace c9 {
namespace {

// Appends an entry to the audit trail; returns its sequence number.
Result<std::int64_t> append(Store& store, std::string summary)
{
    return store.write([&](Tx& tx) -> Result<std::int64_t> {
        auto entry = C9_TRY(tx.audit({.at = test::at("2026-06-15T10:00:00Z"),
            .actor = "test",
            .action = "note",
            .entity = "test",
            .summary = std::move(summary)}));
        return entry.seq;
    });
}

TEST(Statements, AKeptStatementRunsAgainWithNewParameters)
{
    test::TestDatabase db;
    std::map<std::int64_t, std::string> appended;
    for (int entry = 1; entry <= 3; ++entry) {
        auto seq = append(db.store(), "entry " + std::to_string(entry));
        ASSERT_TRUE(seq) << seq.error().message();
        appended[*seq] = "entry " + std::to_string(entry);
    }
    for (const auto& [seq, expected] : appended) {
        auto summary = db.store().read([&](Tx& tx) -> Result<std::string> {
            auto rows = select_rows(tx.impl(), "SELECT summary FROM audit_log WHERE seq = :s", {Storage::text}, {seq});
            return to_text(rows.at(0).at(0));
        });
        ASSERT_TRUE(summary) << summary.error().message();
        EXPECT_EQ(*summary, expected);
    }
}

// A statement read up to a row and kept would hold its read transaction open on SQLite past the COMMIT, and a
// WAL checkpoint could then never finish: the file would grow for as long as the server runs.
TEST(Statements, AnSqliteStatementStoppedAtARowDoesNotKeepItsReadOpen)
{
    if (test::test_engine() != Engine::sqlite)
        GTEST_SKIP() << "SQLite's write-ahead log only";
    test::TestDatabase db;
    for (int entry = 1; entry <= 3; ++entry)
        ASSERT_TRUE(append(db.store(), "entry " + std::to_string(entry)));
    auto read = db.store().read([](Tx& tx) -> Result<void> {
        Query query(tx.impl(), "SELECT seq FROM audit_log ORDER BY seq", {Storage::integer});
        EXPECT_TRUE(query.execute(true)); // the first of three rows, and no more
        return {};
    });
    ASSERT_TRUE(read) << read.error().message();

    soci::session other(soci::sqlite3, db.url());
    int busy = -1, log_frames = -1, checkpointed = -1;
    other << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log_frames), soci::into(checkpointed);
    EXPECT_EQ(busy, 0) << "a reader still holds the write-ahead log";
    EXPECT_EQ(log_frames, 0);
}

} // namespace
} // namespace c9
