// Insert throughput of the store. The same vulnerability rows go into the same schema (WAL, synchronous=FULL, one
// write transaction) once through the store's BulkInserter (SOCI, one prepared statement, per-row stamp) and once
// through the plain sqlite3 C API (one prepared statement). Target from the issue: the store within 3x of plain
// sqlite3. For information, the fully validated path: app create_in per row (references checked, derive and
// validate, audit entry), in one transaction and with one transaction per row.
//
// usage: bench_insert [ROWS] [--validated ROWS] [--repeat N]
#include "app/caller.h"
#include "app/registers.h"
#include "core/asset.h"
#include "core/person.h"
#include "core/vulnerability.h"
#include "store/store.h"
#include "store/typed.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace {

using namespace c9;
using Clock = std::chrono::steady_clock;

constexpr int people = 10;
constexpr int assets = 40;
const Timestamp now = *parse_timestamp("2026-06-15T10:00:00Z");

struct Rows {
    std::vector<Vulnerability> typed;
    std::vector<std::vector<Value>> values;
    std::vector<Stamp> stamps;
};

// Deterministic, derived vulnerability rows spread over the past year, each with its own creation time.
Rows make_rows(int count)
{
    Rows rows;
    Rules rules;
    std::uint64_t state = 42;
    auto next = [&](std::uint64_t bound) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state >> 33) % bound;
    };
    for (int index = 0; index < count; ++index) {
        Vulnerability vuln;
        vuln.title = fmt::format("Component {}: remote code execution in module {}", next(400), next(90));
        vuln.cve = fmt::format("CVE-{}-{}", 2023 + next(3), 1000 + next(50000));
        vuln.scanner_id = fmt::format("VS-{:06}", index);
        vuln.cvss = static_cast<double>(1 + next(100)) / 10.0;
        vuln.asset = static_cast<Id>(1 + next(assets));
        auto created = now - std::chrono::days(1 + next(360)) - std::chrono::minutes(next(600));
        vuln.discovered = to_date(created);
        vuln.owner = static_cast<Id>(1 + next(people));
        rules.now = created;
        derive(vuln, nullptr, rules);
        rows.values.push_back(values_of(vulnerability_spec(), vuln));
        rows.stamps.push_back({created, "bench"});
        rows.typed.push_back(std::move(vuln));
    }
    return rows;
}

std::string fresh_database(const std::filesystem::path& dir, const std::string& name)
{
    auto path = (dir / name).string();
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
    auto store = Store::open(path);
    if (!store || !(*store)->migrate())
        throw std::runtime_error("cannot create " + path);
    auto seeded = (*store)->write([&](Tx& tx) -> Result<void> {
        BulkInserter inserter(tx, table_of(person_spec()), {now, "bench"});
        for (int index = 1; index <= people; ++index) {
            Person person;
            person.name = fmt::format("Person {}", index);
            person.email = fmt::format("person{}@example.org", index);
            C9_TRY(inserter.insert(values_of(person_spec(), person)));
        }
        BulkInserter asset_inserter(tx, table_of(asset_spec()), {now, "bench"});
        for (int index = 1; index <= assets; ++index) {
            Asset asset;
            asset.name = fmt::format("app-{:02}.prod", index);
            C9_TRY(asset_inserter.insert(values_of(asset_spec(), asset)));
        }
        return {};
    });
    if (!seeded)
        throw std::runtime_error(seeded.error().message());
    return path;
}

double store_insert(const std::string& path, const Rows& rows)
{
    auto store = std::move(*Store::open(path));
    auto started = Clock::now();
    auto written = store->write([&](Tx& tx) -> Result<void> {
        BulkInserter inserter(tx, table_of(vulnerability_spec()), rows.stamps.front());
        for (std::size_t index = 0; index < rows.values.size(); ++index)
            C9_TRY(inserter.insert(rows.values[index], rows.stamps[index]));
        return {};
    });
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (!written)
        throw std::runtime_error(written.error().message());
    return seconds;
}

void check(int code, sqlite3* db, const char* doing)
{
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW)
        throw std::runtime_error(fmt::format("sqlite3: {}: {}", doing, sqlite3_errmsg(db)));
}

double plain_insert(const std::string& path, const Rows& rows)
{
    sqlite3* db = nullptr;
    check(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), db, "open");
    for (const char* pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
             "PRAGMA busy_timeout = 10000"})
        check(sqlite3_exec(db, pragma, nullptr, nullptr, nullptr), db, pragma);
    std::string columns = "version, created_at, created_by, updated_at, updated_by", placeholders = "?, ?, ?, ?, ?";
    for (const auto& field : vulnerability_spec().fields) {
        columns += fmt::format(", {}", field.name);
        placeholders += ", ?";
    }
    auto sql = fmt::format("INSERT INTO vulnerabilities ({}) VALUES ({})", columns, placeholders);

    auto started = Clock::now();
    sqlite3_stmt* statement = nullptr;
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
    check(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), db, "prepare");
    std::int64_t last_id = 0;
    for (std::size_t index = 0; index < rows.values.size(); ++index) {
        const auto& stamp = rows.stamps[index];
        std::string at = format_timestamp(stamp.at);
        sqlite3_bind_int64(statement, 1, 1);
        sqlite3_bind_text(statement, 2, at.c_str(), static_cast<int>(at.size()), SQLITE_STATIC);
        sqlite3_bind_text(statement, 3, stamp.actor.c_str(), static_cast<int>(stamp.actor.size()), SQLITE_STATIC);
        sqlite3_bind_text(statement, 4, at.c_str(), static_cast<int>(at.size()), SQLITE_STATIC);
        sqlite3_bind_text(statement, 5, stamp.actor.c_str(), static_cast<int>(stamp.actor.size()), SQLITE_STATIC);
        int position = 6;
        for (const auto& value : rows.values[index]) {
            if (const auto* integer = std::get_if<std::int64_t>(&value))
                sqlite3_bind_int64(statement, position, *integer);
            else if (const auto* real = std::get_if<double>(&value))
                sqlite3_bind_double(statement, position, *real);
            else if (const auto* text = std::get_if<std::string>(&value))
                sqlite3_bind_text(statement, position, text->c_str(), static_cast<int>(text->size()), SQLITE_STATIC);
            else
                sqlite3_bind_null(statement, position);
            ++position;
        }
        check(sqlite3_step(statement), db, "insert");
        last_id = sqlite3_last_insert_rowid(db);
        sqlite3_reset(statement);
    }
    sqlite3_finalize(statement);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    sqlite3_close(db);
    if (last_id < static_cast<std::int64_t>(rows.values.size()))
        throw std::runtime_error("plain insert: fewer rows than expected");
    return seconds;
}

Patch patch_of(const Vulnerability& vuln)
{
    Patch patch;
    const auto& spec = vulnerability_spec();
    for (const auto& field : spec.fields)
        if (!field.has(read_only))
            if (auto value = field.get(vuln); !is_null(value))
                patch.push_back({std::string(field.name), value});
    return patch;
}

// create_in for each row: in one transaction, or (per_row) one transaction each with its own commit.
double validated_insert(const std::string& path, const Rows& rows, int count, bool per_row)
{
    auto store = std::move(*Store::open(path));
    std::vector<Patch> patches;
    for (int index = 0; index < count; ++index)
        patches.push_back(patch_of(rows.typed[static_cast<std::size_t>(index)]));
    Caller caller {"bench", std::nullopt, now, Standing::local};
    auto started = Clock::now();
    Result<void> written;
    if (per_row) {
        for (const auto& patch : patches) {
            auto one = store->write([&](Tx& tx) -> Result<void> {
                C9_TRY(create_in(tx, vulnerability_spec(), patch, caller));
                return {};
            });
            if (!one) {
                written = std::move(one).error();
                break;
            }
        }
    } else {
        written = store->write([&](Tx& tx) -> Result<void> {
            for (const auto& patch : patches)
                C9_TRY(create_in(tx, vulnerability_spec(), patch, caller));
            return {};
        });
    }
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (!written)
        throw std::runtime_error(written.error().message());
    return seconds;
}

std::string rate(double rows, double seconds) { return fmt::format("{:>10.0f} rows/s", rows / seconds); }

} // namespace

int main(int argc, char** argv)
{
    int count = 100000, validated = 20000, repeat = 3;
    for (int index = 1; index < argc; ++index) {
        std::string arg = argv[index];
        if (arg == "--validated" && index + 1 < argc)
            validated = std::atoi(argv[++index]);
        else if (arg == "--repeat" && index + 1 < argc)
            repeat = std::max(1, std::atoi(argv[++index]));
        else
            count = std::max(1, std::atoi(arg.c_str()));
    }
    validated = std::clamp(validated, 1, count);
    int per_row = std::min(validated, 1000);

    char pattern[] = "/tmp/clause9-bench-insert-XXXXXX";
    if (!mkdtemp(pattern))
        return 1;
    std::filesystem::path dir = pattern;
    try {
        auto rows = make_rows(count);
        // Alternate the two so that both see the same state of the disk cache; keep the best of each.
        std::vector<double> store_times, plain_times;
        for (int attempt = 0; attempt < repeat; ++attempt) {
            store_times.push_back(store_insert(fresh_database(dir, "store.db"), rows));
            plain_times.push_back(plain_insert(fresh_database(dir, "plain.db"), rows));
        }
        std::sort(store_times.begin(), store_times.end());
        std::sort(plain_times.begin(), plain_times.end());
        double store_best = store_times.front(), plain_best = plain_times.front();

        fmt::print(
            "Insert of {} vulnerability rows in one transaction, WAL + synchronous=FULL, best of {}\n", count, repeat);
        fmt::print("  {:<44} {:>8.3f} s {}\n", "store: BulkInserter (SOCI, per-row stamp)", store_best,
            rate(count, store_best));
        fmt::print("  {:<44} {:>8.3f} s {}\n", "plain sqlite3 C API (prepared statement)", plain_best,
            rate(count, plain_best));
        fmt::print("  {:<44} {:>8.2f}x {}\n", "ratio store / plain (target: at most 3x)", store_best / plain_best,
            store_best / plain_best <= 3.0 ? "within target" : "OVER TARGET");

        double one_transaction = validated_insert(fresh_database(dir, "validated.db"), rows, validated, false);
        double per_transaction = validated_insert(fresh_database(dir, "per-row.db"), rows, per_row, true);
        fmt::print("Validated path, app create_in per row (references, derive, validate, audit entry)\n");
        fmt::print("  {:<44} {:>8.3f} s {}\n", fmt::format("{} rows in one transaction", validated), one_transaction,
            rate(validated, one_transaction));
        fmt::print("  {:<44} {:>8.3f} s {}\n", fmt::format("{} rows, one transaction (commit) each", per_row),
            per_transaction, rate(per_row, per_transaction));
    } catch (const std::exception& exception) {
        fmt::print(stderr, "bench_insert: {}\n", exception.what());
        std::filesystem::remove_all(dir);
        return 1;
    }
    std::filesystem::remove_all(dir);
    return 0;
}
