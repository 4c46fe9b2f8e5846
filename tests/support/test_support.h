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

// The engines the store suites run on.
std::vector<Engine> test_engines();
std::string engine_name(Engine engine);

// A fresh, initialised database (migrated, catalog loaded) that disappears with the object.
class TestDatabase {
public:
    explicit TestDatabase(Engine engine = Engine::sqlite);
    ~TestDatabase();
    Store& store() { return *m_store; }
    const std::string& url() const { return m_url; }

private:
    std::unique_ptr<TempDir> m_dir;
    std::string m_url;
    std::unique_ptr<Store> m_store;
};

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
