// The audit trail over the API, and `clause9 audit verify` catching an entry edited in the SQLite file.
#include "api_fixture.h"

namespace c9::api_test {
namespace {

class AuditTrail : public ApiTest {
protected:
    test::Run verify()
    {
        return test::run_clause9({"--db", db_path(), "audit", "verify"}, work_dir(), "");
    }
};

TEST_F(AuditTrail, PagesGoBackInTime)
{
    for (int index = 0; index < 5; ++index)
        ASSERT_EQ(post("/api/v1/lessons", {{"title", "Lesson " + std::to_string(index)}}).status, 201);
    auto first = get("/api/v1/audit?limit=3", As::auditor).json();
    ASSERT_EQ(first["items"].size(), 3u);
    EXPECT_EQ(first["items"][0]["seq"], first["head"]["seq"]);
    EXPECT_EQ(first["items"][0]["hash"], first["head"]["hash"]);
    EXPECT_EQ(first["items"][0]["prev_hash"], first["items"][1]["hash"]);
    auto before = first["next_before"].get<int>();
    auto second = get("/api/v1/audit?limit=3&before=" + std::to_string(before), As::auditor).json();
    EXPECT_EQ(second["items"][0]["seq"], before - 1);
    EXPECT_EQ(get("/api/v1/audit?limit=501", As::auditor).status, 422);
    EXPECT_EQ(get("/api/v1/audit?page=2", As::auditor).status, 422);
}

TEST_F(AuditTrail, VerifyFindsTheFirstEditedEntry)
{
    ASSERT_EQ(
        post("/api/v1/risks", {{"title", "Insider"}, {"owner", 1}, {"likelihood", 2}, {"impact", 4}}).status, 201);
    ASSERT_EQ(login("member@example.org", fixture_password).status, 200);
    ASSERT_EQ(server.stop(), 0);

    auto intact = verify();
    EXPECT_EQ(intact.status, 0) << intact.err;
    EXPECT_NE(intact.out.find("audit trail intact"), std::string::npos) << intact.out;

    exec_sql(db_path(), "UPDATE audit_log SET summary = 'nothing happened' WHERE seq = 3");
    auto broken = verify();
    EXPECT_NE(broken.status, 0);
    EXPECT_NE(broken.err.find("entry 3"), std::string::npos) << broken.err;
    EXPECT_NE(broken.err.find("edited"), std::string::npos) << broken.err;
}

struct Tampering {
    std::string name;
    std::string sql;
    std::string expected; // in the message
};

class AuditTampering : public AuditTrail, public ::testing::WithParamInterface<Tampering> { };

TEST_P(AuditTampering, VerifyFailsNamingTheFirstBrokenEntry)
{
    ASSERT_EQ(post("/api/v1/lessons", {{"title", "One more entry"}}).status, 201);
    ASSERT_EQ(server.stop(), 0);
    ASSERT_EQ(verify().status, 0);
    exec_sql(db_path(), GetParam().sql);
    auto broken = verify();
    EXPECT_NE(broken.status, 0);
    EXPECT_NE(broken.err.find(GetParam().expected), std::string::npos) << broken.err;
}

INSTANTIATE_TEST_SUITE_P(EveryKind, AuditTampering,
    ::testing::Values(Tampering {"deleted", "DELETE FROM audit_log WHERE seq = 4", "entry 4 is missing"},
        Tampering {"actor", "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2", "entry 2:"},
        Tampering {"time", "UPDATE audit_log SET at = '2001-01-01T00:00:00Z' WHERE seq = 1", "entry 1:"},
        Tampering {"link", "UPDATE audit_log SET prev_hash = hash WHERE seq = 3", "entry 3: its prev_hash"},
        Tampering {"hash", "UPDATE audit_log SET hash = prev_hash WHERE seq = 5", "entry 5:"},
        Tampering {"truncated", "DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)", "head row"}),
    [](const ::testing::TestParamInfo<Tampering>& tampering) { return tampering.param.name; });

} // namespace
} // namespace c9::api_test
