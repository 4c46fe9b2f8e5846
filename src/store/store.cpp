#include "store/store.h"

#include "core/text.h"
#include "store/db_url.h"
#include "store/migrations.h"
#include "store/tx_impl.h"

#include <fmt/format.h>
#include <mutex>
#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace c9 {

struct Store::Impl {
    DbTarget target;
    int pool_size = 1;
    soci::connection_pool pool;
    // SQLite has one writer. Writers of this process queue here, in order, rather than in SQLite's busy handler,
    // which sleeps and retries (up to 100 ms a time) and so let a few unlucky writes wait over a second under
    // concurrent load. Other processes on the same file still meet the busy timeout.
    std::mutex sqlite_writer;
    // One per pooled connection, by pool position; declared after the pool so they go first.
    std::vector<std::unique_ptr<StatementCache>> caches;

    Impl(DbTarget db, int size) : target(std::move(db)), pool_size(size), pool(static_cast<size_t>(size))
    {
        for (int index = 0; index < size; ++index)
            caches.push_back(std::make_unique<StatementCache>(target.engine));
    }
};

namespace {

// A connection taken from the pool for one transaction. The pooled session itself, not a proxy of it, so the
// statements its cache keeps refer to a session that outlives them.
class Lease {
public:
    explicit Lease(soci::connection_pool& pool) : m_pool(pool), m_position(pool.lease()) { }
    ~Lease() { m_pool.give_back(m_position); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& session() { return m_pool.at(m_position); }
    size_t position() const { return m_position; }

private:
    soci::connection_pool& m_pool;
    size_t m_position;
};

} // namespace

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) { }

Store::~Store()
{
    // SQLite's advice for long-lived connections: let it refresh the statistics of tables whose queries would
    // benefit, as they close. Cheap, and keeps the planner choosing the time indexes the agenda relies on.
    if (m_impl->target.engine != Engine::sqlite)
        return;
    for (int index = 0; index < m_impl->pool_size; ++index) {
        try {
            m_impl->pool.at(static_cast<size_t>(index)) << "PRAGMA optimize";
        } catch (const std::exception&) {
            // A read-only or busy database keeps its old statistics; nothing is lost.
        }
    }
}

Result<void> Store::analyze()
{
    return guarded("analyze the database", [&]() -> Result<void> {
        soci::session sql(m_impl->pool);
        sql << "ANALYZE";
        return {};
    });
}

Engine Store::engine() const { return m_impl->target.engine; }
const std::string& Store::description() const { return m_impl->target.description; }
Engine Tx::engine() const { return m_impl.engine; }

namespace {

// Why a connection failed, in one line. SOCI prefixes libpq's message with its own generic sentence and libpq runs
// over several lines ("connection to server at ... failed: FATAL:  database \"x\" does not exist\n"); the reason is
// the last part of the first line that says something.
std::string connection_failure(std::string_view text)
{
    constexpr std::string_view generic = "Cannot establish connection to the database.";
    std::string line;
    size_t start = 0;
    while (start <= text.size()) {
        auto end = std::min(text.find('\n', start), text.size());
        auto candidate = trim(text.substr(start, end - start));
        if (!candidate.empty() && candidate != generic) {
            line = candidate;
            break;
        }
        start = end + 1;
    }
    if (line.empty())
        return std::string(text.substr(0, text.find('\n')));
    // "connection to server at "h" (1.2.3.4), port 5432 failed: FATAL:  password authentication failed ..."
    if (auto failed = line.find("failed: "); failed != std::string::npos && line.starts_with("connection to server"))
        line.erase(0, failed + 8);
    for (std::string_view prefix : {"FATAL:  ", "ERROR:  "})
        if (line.starts_with(prefix))
            line.erase(0, prefix.size());
    return line;
}

void configure_sqlite(soci::session& sql)
{
    // WAL lets readers work while one writer commits; FULL sync makes a commit survive a power cut; the busy
    // timeout makes a second writer wait instead of failing at once.
    sql << "PRAGMA journal_mode = WAL";
    sql << "PRAGMA synchronous = FULL";
    sql << "PRAGMA foreign_keys = ON";
    sql << "PRAGMA busy_timeout = 10000";
}

} // namespace

// Turns off SQLite's memory statistics, which nothing here reads: with them on, every allocation SQLite makes
// takes one process-wide mutex, and the connections of the pool's threads queued on it (perf showed it as the
// server's main contention). It must precede SQLite's initialisation; later calls are refused, harmlessly.
namespace {

void configure_sqlite_library()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(std::string_view url, int pool_size)
{
    auto target = C9_TRY(parse_db_url(url));
    if (target.engine == Engine::sqlite)
        configure_sqlite_library();
    auto impl = std::make_unique<Impl>(target, std::max(pool_size, 1));
    // Not guarded(): a database that cannot be opened is unavailable, and the reason is libpq's, not SOCI's wording.
    try {
        for (int index = 0; index < impl->pool_size; ++index) {
            auto& session = impl->pool.at(static_cast<size_t>(index));
            if (target.engine == Engine::sqlite) {
                session.open(soci::sqlite3, target.connect);
                configure_sqlite(session);
            } else {
                session.open(soci::postgresql, target.connect);
                session << "SET client_min_messages = WARNING";
            }
        }
    } catch (const std::exception& exception) {
        return Error(ErrorCode::unavailable,
            fmt::format("cannot open the {}: {}", target.description, connection_failure(exception.what())));
    }
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<void> Store::run(bool write, const std::function<Result<void>(Tx&)>& body)
{
    std::unique_lock<std::mutex> writer(m_impl->sqlite_writer, std::defer_lock);
    if (write && m_impl->target.engine == Engine::sqlite)
        writer.lock(); // before taking a connection, so waiting writers leave the pool to readers
    Lease lease(m_impl->pool);
    soci::session& sql = lease.session();
    StatementCache* cache = m_impl->caches.empty() ? nullptr : m_impl->caches.at(lease.position()).get();
    Tx::Impl tx_impl {sql, m_impl->target.engine, cache};
    Tx tx(tx_impl);
    // On SQLite BEGIN and COMMIT come from the statement cache as well, rather than being parsed for every
    // transaction. PostgreSQL takes them as simple queries, one round trip either way.
    auto control = [&](const char* statement) {
        if (m_impl->target.engine == Engine::sqlite)
            execute(tx_impl, statement);
        else
            sql << statement;
    };
    bool open = false;
    // Not guarded(): a failure here also rolls back, forgets the statements and remakes a broken connection.
    try {
        if (m_impl->target.engine == Engine::sqlite)
            control(write ? "BEGIN IMMEDIATE" : "BEGIN");
        else
            control(write ? "BEGIN" : "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        open = true;
        auto result = body(tx);
        if (!result) {
            sql << "ROLLBACK";
            return result;
        }
        control("COMMIT");
        return {};
    } catch (const std::exception& exception) {
        if (open) {
            try {
                sql << "ROLLBACK";
            } catch (const std::exception&) {
                // The connection is gone; the server rolls the transaction back.
            }
        }
        // A statement that failed part-way may be in any state; the next transaction prepares afresh. (This runs
        // before a reconnect, which frees the connection these statements belong to.)
        if (cache)
            cache->clear();
        // A PostgreSQL connection that broke (a server restart, a failover) fails the transaction that finds out;
        // it is made again here, so the next transaction that takes it from the pool works once the server is
        // back. (Checking before every transaction would cost a round trip each.)
        if (m_impl->target.engine == Engine::postgresql) {
            try {
                if (!sql.is_connected())
                    sql.reconnect();
            } catch (const std::exception&) {
                // Still unreachable: the next transaction fails too, and tries again.
            }
        }
        return store_error(exception, write ? "write" : "read");
    }
}

int Store::latest_schema_version() { return static_cast<int>(migrations().size()); }

Result<int> Store::schema_version()
{
    return read([&](Tx& tx) -> Result<int> {
        auto& sql = tx.impl().sql;
        int exists = 0;
        if (engine() == Engine::sqlite)
            sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                soci::into(exists);
        else
            sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND "
                   "table_name = 'schema_migrations'",
                soci::into(exists);
        if (!exists)
            return 0;
        soci::indicator indicator = soci::i_ok;
        int version = 0;
        sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
        return indicator == soci::i_null ? 0 : version;
    });
}

namespace {

// Runs one migration in the open transaction, unless another process ran it while this one waited for the lock.
void apply_migration(soci::session& sql, Engine engine, int version)
{
    const auto& migration = migrations()[static_cast<size_t>(version - 1)];
    // Two `init` runs that meet on PostgreSQL take turns (SQLite's BEGIN IMMEDIATE already serialises them); the
    // second then finds the migration done.
    if (engine == Engine::postgresql)
        sql << "SELECT pg_advisory_xact_lock(27001093)";
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT "
           "NULL, applied_at TEXT NOT NULL)";
    int done = 0;
    sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version), soci::into(done);
    if (done)
        return;
    for (const auto& statement : migration_statements(migration, engine))
        sql << statement;
    std::string description(migration.description);
    std::string now
        = format_timestamp(std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
    sql << "INSERT INTO schema_migrations (version, description, applied_at) VALUES (:v, :d, :a)", soci::use(version),
        soci::use(description), soci::use(now);
}

} // namespace

Result<void> migrate_in(Tx& tx)
{
    return guarded("migrate", [&]() -> Result<void> {
        for (int version = 1; version <= Store::latest_schema_version(); ++version)
            apply_migration(tx.impl().sql, tx.engine(), version);
        return {};
    });
}

Result<int> Store::migrate()
{
    auto current = C9_TRY(schema_version());
    auto all = migrations();
    if (current > static_cast<int>(all.size()))
        return Error::conflict(fmt::format("the database has schema version {}, newer than this clause9 knows ({}); "
                                           "upgrade clause9",
            current, all.size()));
    for (int version = current + 1; version <= static_cast<int>(all.size()); ++version) {
        C9_TRY(write([&](Tx& tx) -> Result<bool> {
            apply_migration(tx.impl().sql, engine(), version);
            return true;
        }));
    }
    return static_cast<int>(all.size());
}

} // namespace c9
