// Shared by the test suites: temporary directories and databases, a pinned clock, and running the real binary.
#pragma once

#include "app/caller.h"
#include "store/store.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace c9::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// The engine of this run: SQLite, or PostgreSQL when CLAUSE9_TEST_POSTGRESQL names the state directory of the
// throwaway server scripts/test-postgres.sh started (its admin URL is in the file url there). CTest runs the store,
// meeting and API suites a second time that way, as their postgresql: variants.
Engine test_engine();

// A fresh, initialised database (migrated, catalog loaded) that disappears with the object: a file in a temporary
// directory on SQLite, a database of its own on the test server on PostgreSQL.
class TestDatabase {
public:
    explicit TestDatabase(Engine engine = test_engine());
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;
    Store& store() { return *m_store; }
    const std::string& url() const { return m_url; }
    Engine engine() const { return m_engine; }
    // A temporary directory that lives as long as the database, for logs and other files of the test.
    const TempDir& dir() const { return *m_dir; }

private:
    Engine m_engine;
    std::unique_ptr<TempDir> m_dir;
    std::string m_url;
    std::string m_postgresql_name; // the database to drop at the end
    std::unique_ptr<Store> m_store;
};

// A new, empty database: a file path on SQLite; on PostgreSQL a new database on the test server, dropped when the
// test program exits. For tests that need a second database (copies between engines).
std::string empty_database_url(Engine engine, const TempDir& dir, const std::string& name);

// Runs SQL directly on a database (a file path or a postgresql:// URL), bypassing the store, as an attacker or a
// careless administrator would. Throws with the engine's message when the statement fails.
void exec_sql(const std::string& url, const std::string& statement);

Timestamp at(const std::string& iso);
Date day(const std::string& iso);
// A caller at a fixed moment (default 2026-06-15T10:00:00Z).
Caller caller_at(const std::string& iso = "2026-06-15T10:00:00Z", const std::string& actor = "test");

struct Run {
    int status = 0;
    std::string out;
    std::string err;
};

// Runs the clause9 binary with the arguments, in dir, with CLAUSE9_NOW pinned unless now is empty.
Run run_clause9(const std::vector<std::string>& args, const std::string& dir,
                const std::string& now = "2026-06-15T10:00:00Z", const std::string& input = {});

std::string read_file(const std::string& path);

} // namespace c9::test
