// The organisation's settings over HTTP (GET and PATCH /api/v1/config, as `clause9 config`), the risk heat map that
// reads them (GET /api/v1/risks/heatmap), and the action items counted per owner (GET /api/v1/actions/owners).
#include "api_fixture.h"

#include <map>

namespace c9::api_test {
namespace {

using Settings = ApiTest;

// The heat map counted from the rows themselves, as a client would without the aggregate.
std::pair<Json, Json> counted_from_rows(const Json& risks, int size)
{
    Json inherent = Json::array(), residual = Json::array();
    for (int row = 0; row < size; ++row) {
        inherent.push_back(Json(std::vector<int>(static_cast<size_t>(size), 0)));
        residual.push_back(Json(std::vector<int>(static_cast<size_t>(size), 0)));
    }
    for (const auto& risk : risks) {
        int likelihood = risk["likelihood"], impact = risk["impact"];
        // Planned residual levels count once the treatment is done.
        bool done = risk["treatment_status"] == "done" && !risk["residual_likelihood"].is_null();
        int residual_likelihood = done ? risk["residual_likelihood"].get<int>() : likelihood;
        int residual_impact = done ? risk["residual_impact"].get<int>() : impact;
        inherent[likelihood - 1][impact - 1] = inherent[likelihood - 1][impact - 1].get<int>() + 1;
        residual[residual_likelihood - 1][residual_impact - 1]
            = residual[residual_likelihood - 1][residual_impact - 1].get<int>() + 1;
    }
    return {inherent, residual};
}

TEST_F(Settings, TheHeatMapCountsTheOpenRisksOnTheMatrix)
{
    std::vector<Json> risks {
        {{"title", "Ransomware"}, {"owner", "carl@example.org"}, {"likelihood", 4}, {"impact", 5},
            {"treatment", "mitigate"}, {"treatment_plan", "EDR"}, {"treatment_status", "done"},
            {"residual_likelihood", 2}, {"residual_impact", 3}},
        {{"title", "Insider"}, {"owner", "carl@example.org"}, {"likelihood", 4}, {"impact", 5},
            {"treatment", "mitigate"}, {"treatment_plan", "DLP"}, {"residual_likelihood", 1}, {"residual_impact", 3}},
        {{"title", "Power cut"}, {"owner", "carl@example.org"}, {"likelihood", 1}, {"impact", 2}},
        {{"title", "Closed one"}, {"owner", "carl@example.org"}, {"likelihood", 5}, {"impact", 5},
            {"status", "closed"}},
    };
    for (const auto& risk : risks)
        ASSERT_EQ(post("/api/v1/risks", risk).status, 201);

    auto reply = get("/api/v1/risks/heatmap", As::auditor);
    ASSERT_EQ(reply.status, 200) << reply.describe();
    auto map = reply.json();
    EXPECT_EQ(map["size"], 5);
    EXPECT_EQ(map["appetite"], 9);
    auto open = get("/api/v1/risks?open=true&limit=500").json();
    EXPECT_EQ(map["total"], open["total"]);
    auto [inherent, residual] = counted_from_rows(open["items"], 5);
    EXPECT_EQ(map["inherent"], inherent);
    EXPECT_EQ(map["residual"], residual);
    EXPECT_EQ(map["inherent"][3][4], 2); // likelihood 4, impact 5: both, before treatment
    EXPECT_EQ(map["residual"][1][2], 1); // the treated one, after
    EXPECT_EQ(map["residual"][3][4], 1); // the one whose treatment is only planned stays where it was
    EXPECT_EQ(map["residual"][0][2], 0);
    EXPECT_EQ(map["inherent"][4][4], 0); // closed risks are not on the map
    EXPECT_EQ(map["bands"][0][0], "low");
    EXPECT_EQ(map["bands"][1][2], "medium"); // 6 of 25
    EXPECT_EQ(map["bands"][3][4], "critical"); // 20 of 25
    EXPECT_EQ(map["bands"][4].size(), 5u);

    EXPECT_EQ(get("/api/v1/risks/heatmap?size=3").status, 422);
    EXPECT_EQ(get("/api/v1/risks/heatmap", As::anonymous).status, 401);
}

TEST_F(Settings, ShowAndChangeAsTheCommandLineDoes)
{
    auto shown = get("/api/v1/config", As::member);
    ASSERT_EQ(shown.status, 200) << shown.describe();
    auto settings = shown.json();
    EXPECT_EQ(settings["risk.matrix_size"], 5);
    EXPECT_EQ(settings["risk.appetite"], 9);
    EXPECT_EQ(settings["sla.critical_days"], 15);
    EXPECT_EQ(settings.size(), 6u);

    auto changed = request("PATCH", "/api/v1/config", As::admin, Json {{"risk.appetite", 12}, {"sla.high_days", 20}});
    ASSERT_EQ(changed.status, 200) << changed.describe();
    EXPECT_EQ(changed.json()["risk.appetite"], 12);
    EXPECT_EQ(get("/api/v1/config").json()["sla.high_days"], 20);
    EXPECT_EQ(get("/api/v1/risks/heatmap").json()["appetite"], 12);

    // The same database through the CLI.
    auto cli = test::run_clause9({"--db", db_path(), "--json", "config", "show"}, work_dir());
    ASSERT_EQ(cli.status, 0) << cli.err;
    EXPECT_EQ(Json::parse(cli.out), get("/api/v1/config").json());

    auto audit = get("/api/v1/audit?limit=5", As::auditor).json();
    bool audited = false;
    for (const auto& entry : audit["items"])
        audited = audited || entry["summary"].get<std::string>().find("risk.appetite") != std::string::npos;
    EXPECT_TRUE(audited) << audit.dump();

    for (As as : {As::chair, As::member, As::auditor})
        EXPECT_EQ(request("PATCH", "/api/v1/config", as, Json {{"risk.appetite", 5}}).status, 403) << to_string(as);
}

TEST_F(Settings, AChangeBasedOnWhatAnotherAdminReplacedIsRefused)
{
    auto read = get("/api/v1/config");
    auto tag = read.header("ETag");
    ASSERT_FALSE(tag.empty());
    // Another admin changes a setting meanwhile, without If-Match, as the CLI does.
    ASSERT_EQ(request("PATCH", "/api/v1/config", As::admin, Json {{"sla.low_days", 120}}).status, 200);
    auto stale = request("PATCH", "/api/v1/config", As::admin, Json {{"risk.appetite", 12}}, {"If-Match: " + tag});
    EXPECT_EQ(stale.status, 412) << stale.describe();
    EXPECT_EQ(get("/api/v1/config").json()["risk.appetite"], 9);

    auto fresh = get("/api/v1/config");
    EXPECT_NE(fresh.header("ETag"), tag);
    auto changed = request(
        "PATCH", "/api/v1/config", As::admin, Json {{"risk.appetite", 12}}, {"If-Match: " + fresh.header("ETag")});
    ASSERT_EQ(changed.status, 200) << changed.describe();
    EXPECT_EQ(changed.header("ETag"), get("/api/v1/config").header("ETag"));
    EXPECT_EQ(request("PATCH", "/api/v1/config", As::admin, Json {{"risk.appetite", 11}}, {"If-Match: *"}).status, 200);
}

TEST_F(Settings, ASmallerOrLargerMatrixAndItsAppetiteInOneRequest)
{
    ASSERT_EQ(request("PATCH", "/api/v1/config", As::admin, Json {{"risk.appetite", 20}}).status, 200);
    // Each body names the settings in the order that would fail one at a time: an appetite of 20 does not fit a 4x4
    // matrix (at most 16), so it must come down before the matrix shrinks, and the matrix must grow before it goes
    // back up. The fixture's open risks use levels up to 4.
    auto smaller = request("PATCH", "/api/v1/config", As::admin, Json {{"risk.matrix_size", 4}, {"risk.appetite", 8}});
    ASSERT_EQ(smaller.status, 200) << smaller.describe();
    EXPECT_EQ(get("/api/v1/risks/heatmap").json()["inherent"].size(), 4u);
    auto larger = request("PATCH", "/api/v1/config", As::admin, Json {{"risk.appetite", 20}, {"risk.matrix_size", 5}});
    ASSERT_EQ(larger.status, 200) << larger.describe();
    EXPECT_EQ(larger.json()["risk.appetite"], 20);
    EXPECT_EQ(larger.json()["risk.matrix_size"], 5);
}

TEST_F(Settings, BadSettingsAreNamedAndChangeNothing)
{
    ASSERT_EQ(
        post("/api/v1/risks", {{"title", "Flood"}, {"owner", "carl@example.org"}, {"likelihood", 5}, {"impact", 4}})
            .status,
        201);
    auto before = get("/api/v1/config").body;
    auto audit_before = get("/api/v1/audit?limit=1", As::auditor).json()["head"]["seq"];
    struct Case {
        Json body;
        std::string field;
    };
    std::vector<Case> cases {
        {Json {{"risk.appetite", 40}}, "risk.appetite"},
        {Json {{"risk.appetite", "high"}}, "risk.appetite"},
        {Json {{"risk.appetite", 2.5}}, "risk.appetite"},
        {Json {{"risk.colour", 1}}, "risk.colour"},
        {Json {{"risk.matrix_size", 4}}, "risk.matrix_size"}, // the flood uses level 5
        {Json {{"sla.low_days", 30}, {"sla.high_days", 0}}, "sla.high_days"}, // all or none
        {Json::object(), "body"},
        {Json::array(), "body"},
    };
    for (const auto& test : cases) {
        auto reply = request("PATCH", "/api/v1/config", As::admin, test.body);
        ASSERT_EQ(reply.status, 422) << test.body.dump() << " -> " << reply.describe();
        bool named = false;
        auto problem = reply.json();
        for (const auto& error : problem["errors"])
            named = named || error["field"] == test.field;
        EXPECT_TRUE(named) << test.field << " not in " << reply.body;
    }
    EXPECT_EQ(get("/api/v1/config").body, before);
    EXPECT_EQ(get("/api/v1/audit?limit=1", As::auditor).json()["head"]["seq"], audit_before);
}

TEST_F(Settings, ActionItemsAreCountedPerOwnerMostOverdueFirst)
{
    // Overdue items come from the CLI on a pinned date in the past (an item due before its creation is refused).
    struct Added {
        std::string title;
        Id owner;
        std::string due;
        std::string status;
    };
    std::vector<Added> actions {
        {"Renew certificate", seed.chair_person, "2026-07-01", "open"},
        {"Rotate keys", seed.chair_person, "2026-08-01", "open"},
        {"Plan drill", seed.chair_person, "2031-01-01", "open"},
        {"Done already", seed.other_person, "2026-07-01", "done"},
        {"Started", seed.other_person, "2031-01-01", "in_progress"},
    };
    for (const auto& action : actions) {
        auto added
            = test::run_clause9({"--db", db_path(), "action", "add", "--title", action.title, "--owner",
                                    std::to_string(action.owner), "--due", action.due, "--status", action.status},
                work_dir(), "2026-06-15T10:00:00Z");
        ASSERT_EQ(added.status, 0) << action.title << ": " << added.err;
    }

    auto reply = get("/api/v1/actions/owners", As::member);
    ASSERT_EQ(reply.status, 200) << reply.describe();
    auto items = reply.json()["items"];
    // The same counts from the rows themselves.
    std::map<Id, std::pair<int, int>> expected;
    auto open = get("/api/v1/actions?open=true&limit=500").json();
    for (const auto& row : open["items"])
        expected[row["owner"].get<Id>()].first++;
    auto overdue = get("/api/v1/actions?overdue=true&limit=500").json();
    for (const auto& row : overdue["items"])
        expected[row["owner"].get<Id>()].second++;
    ASSERT_EQ(items.size(), expected.size()) << items.dump();
    for (const auto& item : items) {
        auto owner = item["owner"].get<Id>();
        EXPECT_EQ(item["open"], expected[owner].first) << item.dump();
        EXPECT_EQ(item["overdue"], expected[owner].second) << item.dump();
    }
    EXPECT_EQ(items[0]["owner"], seed.chair_person);
    EXPECT_EQ(items[0]["open"], 3);
    EXPECT_EQ(items[0]["overdue"], 2);
    EXPECT_EQ(get("/api/v1/actions/owners?owner=4").status, 422);
}

} // namespace
} // namespace c9::api_test
