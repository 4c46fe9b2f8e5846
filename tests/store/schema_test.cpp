// Migrations from an empty database, repeated init, and the audit chain the store writes.
#include "app/registers.h"
#include "app/setup.h"
#include "core/asset.h"
#include "core/control.h"
#include "core/vulnerability.h"
#include "store/audit_log.h"
#include "store/db_url.h"
#include "store/migrations.h"
#include "store/risk_scores.h"
#include "store/tx_impl.h"
#include "test_support.h"

namespace c9 {
namespace {

using test::caller_at;

TEST(Schema, ADatabaseThatCannotBeOpenedIsOneClearLine)
{
    test::TempDir dir;
    std::string url = dir.file("no/such/dir/clause9.db");
    std::string expected = "unable to open database file";
    if (test::test_engine() == Engine::postgresql) {
        auto existing = test::empty_database_url(Engine::postgresql, dir, "exists");
        url = existing.substr(0, existing.rfind('/') + 1) + "no_such_database";
        expected = "database \"no_such_database\" does not exist";
    }
    auto store = Store::open(url);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code(), ErrorCode::unavailable);
    EXPECT_NE(store.error().message().find(expected), std::string::npos) << store.error().message();
    EXPECT_EQ(store.error().message().find('\n'), std::string::npos) << store.error().message();

    auto refused = Store::open("postgresql://clause9@127.0.0.1:1/clause9");
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message().find("Connection refused"), std::string::npos) << refused.error().message();
    EXPECT_EQ(refused.error().message().find('\n'), std::string::npos) << refused.error().message();
}

TEST(Schema, MigratesAnEmptyFileAndInitIsRepeatable)
{
    test::TempDir dir;
    auto store = Store::open(test::empty_database_url(test::test_engine(), dir, "fresh"));
    ASSERT_TRUE(store);
    EXPECT_EQ(*(*store)->schema_version(), 0);
    auto first = initialize(**store, caller_at());
    ASSERT_TRUE(first) << first.error().message();
    EXPECT_EQ(first->schema_version, Store::latest_schema_version());
    EXPECT_EQ(first->migrations_run, Store::latest_schema_version());
    EXPECT_EQ(first->controls_added, 93);

    // Answer the SoA for one control, then run init again: nothing is added and the answer stays.
    auto control = (*store)->read([](Tx& tx) { return control_by_code(tx, "5.7"); });
    ASSERT_TRUE(control && *control);
    ASSERT_TRUE(update(**store, control_spec(), "5.7",
                       Patch{{"applicable", std::int64_t{1}}, {"status", std::string("implemented")},
                             {"justification", std::string("threat feed subscribed")}},
                       std::nullopt, caller_at()));
    auto second = initialize(**store, caller_at());
    ASSERT_TRUE(second);
    EXPECT_EQ(second->migrations_run, 0);
    EXPECT_EQ(second->controls_added, 0);
    auto shown = show(**store, control_spec(), "A.5.7");
    ASSERT_TRUE(shown);
    auto* answered = &shown->row;
    EXPECT_EQ(answered->status, ImplementationStatus::implemented);
    EXPECT_EQ(*answered->justification, "threat feed subscribed");
    EXPECT_EQ(answered->version, 2);
}

TEST(Schema, CatalogFieldsCannotBeEdited)
{
    test::TestDatabase db;
    auto refused = update(db.store(), control_spec(), "8.8", Patch{{"title", std::string("Renamed")}}, std::nullopt,
                          caller_at());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().fields().at(0).field, "title");
}

// Runs the migrations up to `version` as an older clause9 did.
void migrate_to(Tx& tx, int version)
{
    execute(tx.impl(),
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (int step = 1; step <= version; ++step) {
        for (const auto& statement : migration_statements(migrations()[step - 1], tx.engine()))
            execute(tx.impl(), statement);
        execute(tx.impl(), "INSERT INTO schema_migrations VALUES (:v, 'test', '2026-06-01T00:00:00Z')",
            {std::int64_t {step}});
    }
}

// Migration 6 on a database that has risks: a planned residual that counted as the current score gives the inherent
// one back, with an entry in the score history; a treatment done, an acceptance and an untreated risk keep theirs.
TEST(Schema, MigrationSixStopsCountingPlannedResidualScores)
{
    test::TempDir dir;
    auto store = Store::open(test::empty_database_url(test::test_engine(), dir, "five"));
    ASSERT_TRUE(store);
    auto five = (*store)->write([](Tx& tx) -> Result<bool> {
        migrate_to(tx, 5);
        std::string row = "1, '2026-06-01T00:00:00Z', 'test', '2026-06-01T00:00:00Z', 'test'";
        execute(tx.impl(),
            "INSERT INTO people (id, version, created_at, created_by, updated_at, updated_by, name, "
            "email, active) VALUES (1, "
                + row + ", 'Carol', 'carol@example.org', 1)");
        // id, treatment, treatment_due, residual levels and score, current score, accepted_by
        for (const auto* values :
            {"1, 'mitigate', '2026-12-01', 2, 3, 6, 6, NULL", "2, 'mitigate', NULL, 2, 3, 6, 6, NULL",
                "3, 'accept', NULL, NULL, NULL, NULL, 20, 1", "4, NULL, NULL, NULL, NULL, NULL, 20, NULL"})
            execute(tx.impl(),
                fmt::format("INSERT INTO risks (id, treatment, treatment_due, residual_likelihood, residual_impact, "
                            "residual_score, current_score, accepted_by, version, created_at, created_by, "
                            "updated_at, updated_by, title, owner, likelihood, impact, inherent_score, status, "
                            "controls) VALUES ({}, {}, 'Risk', 1, 4, 5, 20, 'open', '')",
                    values, row));
        return true;
    });
    ASSERT_TRUE(five) << five.error().message();
    auto migrated = (*store)->migrate();
    ASSERT_TRUE(migrated) << migrated.error().message();
    EXPECT_EQ(*migrated, Store::latest_schema_version());

    auto risks = (*store)->read([](Tx& tx) { return all_rows(tx, risk_spec(), {}); });
    ASSERT_TRUE(risks) << risks.error().message();
    ASSERT_EQ(risks->size(), 4u);
    std::map<Id, Risk> by_id;
    for (auto& risk : *risks)
        by_id[risk.id] = risk;
    EXPECT_EQ(by_id[1].treatment_status, TreatmentStatus::planned);
    EXPECT_EQ(by_id[1].current_score, 20) << "the plan is not the result";
    EXPECT_EQ(by_id[2].treatment_status, TreatmentStatus::done);
    EXPECT_EQ(by_id[2].current_score, 6);
    EXPECT_EQ(by_id[3].treatment_status, TreatmentStatus::done);
    EXPECT_EQ(by_id[3].accepted_score, 20);
    EXPECT_FALSE(by_id[4].treatment_status);
    EXPECT_EQ(by_id[4].current_score, 20);
    for (auto& [id, risk] : by_id)
        EXPECT_EQ(current_score(risk), risk.current_score) << "RSK-" << id << " as the rules derive it";

    auto history = (*store)->read([](Tx& tx) { return risk_score_history(tx, 1); });
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ(history->back().current(), 20);
    auto untouched = (*store)->read([](Tx& tx) { return risk_score_history(tx, 2); });
    ASSERT_TRUE(untouched);
    EXPECT_TRUE(untouched->empty());
}

// Migration 7: each distinct free-text asset of the risks and vulnerabilities becomes one asset row (spaces around
// it do not make another), the rows refer to it, and the text stays as asset_text.
TEST(Schema, MigrationSevenTurnsFreeTextAssetsIntoAssetRows)
{
    test::TempDir dir;
    auto store = Store::open(test::empty_database_url(test::test_engine(), dir, "six"));
    ASSERT_TRUE(store);
    auto six = (*store)->write([](Tx& tx) -> Result<bool> {
        migrate_to(tx, 6);
        std::string row = "1, '2026-06-01T00:00:00Z', 'test', '2026-06-01T00:00:00Z', 'test'";
        execute(tx.impl(),
            "INSERT INTO people (id, version, created_at, created_by, updated_at, updated_by, name, "
            "email, active) VALUES (1, "
                + row + ", 'Carol', 'carol@example.org', 1)");
        int id = 0;
        for (const auto* asset : {"'ERP'", "' ERP '", "NULL", "'File server'"})
            execute(tx.impl(),
                fmt::format("INSERT INTO risks (id, asset, version, created_at, created_by, updated_at, updated_by, "
                            "title, owner, likelihood, impact, inherent_score, current_score, status, controls) "
                            "VALUES ({}, {}, {}, 'Risk', 1, 2, 2, 4, 4, 'open', '')",
                    ++id, asset, row));
        for (const auto* asset : {"'File server'", "'web-01.prod'"})
            execute(tx.impl(),
                fmt::format("INSERT INTO vulnerabilities (id, asset, version, created_at, created_by, updated_at, "
                            "updated_by, title, severity, status, discovered, kev) VALUES ({}, {}, {}, 'Flaw', "
                            "'high', 'open', '2026-06-01', 0)",
                    ++id, asset, row));
        return true;
    });
    ASSERT_TRUE(six) << six.error().message();
    auto migrated = (*store)->migrate();
    ASSERT_TRUE(migrated) << migrated.error().message();

    auto read = (*store)->read(
        [](Tx& tx) -> Result<std::tuple<std::vector<Asset>, std::vector<Risk>, std::vector<Vulnerability>>> {
            return std::tuple {C9_TRY(all_rows(tx, asset_spec())), C9_TRY(all_rows(tx, risk_spec())),
                C9_TRY(all_rows(tx, vulnerability_spec()))};
        });
    ASSERT_TRUE(read) << read.error().message();
    auto& [assets, risks, vulnerabilities] = *read;
    std::map<std::string, Id> asset_id;
    for (const auto& asset : assets) {
        asset_id[asset.name] = asset.id;
        EXPECT_FALSE(asset.type) << asset.name << ": left for someone to classify";
        EXPECT_EQ(asset.status, AssetStatus::in_use);
    }
    EXPECT_EQ(asset_id.size(), 3u) << "ERP, File server and web-01.prod, each once";
    ASSERT_EQ(assets.size(), 3u);
    ASSERT_EQ(risks.size(), 4u);
    EXPECT_EQ(risks[0].asset, asset_id["ERP"]);
    EXPECT_EQ(risks[1].asset, asset_id["ERP"]);
    EXPECT_FALSE(risks[2].asset);
    EXPECT_EQ(risks[3].asset, asset_id["File server"]);
    ASSERT_EQ(vulnerabilities.size(), 2u);
    EXPECT_EQ(vulnerabilities[0].asset, asset_id["File server"]);
    EXPECT_EQ(vulnerabilities[1].asset, asset_id["web-01.prod"]);
}

TEST(AuditChain, EveryWriteAppendsOneLinkedEntry)
{
    test::TestDatabase db;
    auto& store = db.store();
    auto person = create(store, person_spec(),
                         Patch{{"name", std::string("Alice")}, {"email", std::string("alice@example.org")}},
                         caller_at("2026-06-15T10:00:00Z", "cli:alice"));
    ASSERT_TRUE(person);
    ASSERT_TRUE(update(store, person_spec(), display_id("PER", person->id), Patch{{"department", std::string("IT")}}, std::nullopt,
                       caller_at("2026-06-15T11:00:00Z", "cli:bob")));
    std::vector<AuditEntry> entries;
    ASSERT_TRUE(store.read([&](Tx& tx) -> Result<bool> {
        C9_TRY(for_each_audit_entry(tx, 0, [&](const AuditEntry& entry) {
            entries.push_back(entry);
            return true;
        }));
        return true;
    }));
    ASSERT_EQ(entries.size(), 3u); // catalog load, create, update
    std::string previous(genesis_hash);
    for (size_t index = 0; index < entries.size(); ++index) {
        EXPECT_EQ(entries[index].seq, static_cast<std::int64_t>(index + 1));
        EXPECT_EQ(entries[index].prev_hash, previous);
        EXPECT_EQ(entries[index].hash, compute_hash(entries[index]));
        previous = entries[index].hash;
    }
    EXPECT_EQ(entries[1].action, "create");
    EXPECT_EQ(entries[1].actor, "cli:alice");
    EXPECT_EQ(entries[1].summary, "created PER-1 \"Alice\"");
    EXPECT_EQ(entries[2].summary, "updated PER-1: department (none) -> IT");
    auto head = store.read([](Tx& tx) { return audit_head(tx); });
    EXPECT_EQ(head->hash, previous);
}

TEST(DbUrl, PathsAndPostgresUrls)
{
    auto sqlite = parse_db_url("data/clause9.db");
    ASSERT_TRUE(sqlite);
    EXPECT_EQ(sqlite->engine, Engine::sqlite);
    EXPECT_EQ(sqlite->path, "data/clause9.db");
    EXPECT_EQ(parse_db_url("sqlite:x.db")->path, "x.db");

    auto pg = parse_db_url("postgresql://clause9:p%40ss%20word@db.example.org:5433/isms?sslmode=require");
    ASSERT_TRUE(pg) << pg.error().message();
    EXPECT_EQ(pg->engine, Engine::postgresql);
    EXPECT_EQ(pg->connect, "host=db.example.org port=5433 dbname=isms user=clause9 password='p@ss word' "
                           "sslmode=require connect_timeout=10");
    EXPECT_EQ(pg->description, "PostgreSQL database isms on db.example.org:5433");
    EXPECT_EQ(parse_db_url("postgres://localhost/isms")->connect, "host=localhost dbname=isms connect_timeout=10");
    EXPECT_EQ(parse_db_url("postgresql://[::1]:5432/isms")->connect, "host=::1 port=5432 dbname=isms connect_timeout=10");

    for (const char* bad : {"", "postgresql://host:port/db", "postgresql://localhost", "postgresql://h/db?x",
                            "postgresql://h/db?bad key=1", "mysql://h/db", "postgresql://h/%zz"}) {
        auto refused = parse_db_url(bad);
        EXPECT_FALSE(refused) << bad;
        if (!refused) {
            EXPECT_EQ(refused.error().fields().at(0).field, "db") << bad;
        }
    }
}

TEST(DbUrl, UnreachableServerIsOneClearError)
{
    auto store = Store::open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code(), ErrorCode::unavailable);
    EXPECT_EQ(store.error().message().find('\n'), std::string::npos);
    EXPECT_NE(store.error().message().find("127.0.0.1:1"), std::string::npos) << store.error().message();
}

} // namespace
} // namespace c9

namespace c9 {
namespace {

TEST(Connection, APostgreSQLConnectionThatBrokeIsMadeAgainForTheNextTransaction)
{
    if (test::test_engine() != Engine::postgresql)
        GTEST_SKIP() << "a SQLite file has no connection to lose";
    test::TestDatabase db;
    auto count_people = [&] { return db.store().read([](Tx& tx) { return tx.count(table_of(person_spec()), {}); }); };
    ASSERT_TRUE(count_people());
    // What a server restart or a failover does to every open connection.
    auto name = db.url().substr(db.url().rfind('/') + 1);
    test::exec_sql(db.url().substr(0, db.url().rfind('/') + 1) + "postgres",
                   "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
    auto during = count_people();
    if (!during) {
        EXPECT_EQ(during.error().code(), ErrorCode::unavailable) << during.error().message();
    }
    auto after = count_people();
    ASSERT_TRUE(after) << after.error().message();
    EXPECT_EQ(*after, 0);
}

} // namespace
} // namespace c9
