// The real clause9 binary: output, --json shapes, and errors that leave the database byte-for-byte unchanged.
#include "test_support.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

namespace c9 {
namespace {

using test::run_clause9;
using Json = nlohmann::json;

class Cli : public ::testing::Test {
protected:
    test::TempDir dir;

    test::Run run(std::vector<std::string> args, const std::string& input = {})
    {
        return run_clause9(args, dir.path().string(), "2026-06-15T10:00:00Z", input);
    }
    Json json(std::vector<std::string> args)
    {
        args.insert(args.begin(), "--json");
        auto result = run(args);
        EXPECT_EQ(result.status, 0) << result.err;
        return Json::parse(result.out);
    }
    void SetUp() override
    {
        ASSERT_EQ(run({"init"}).status, 0);
        ASSERT_EQ(run({"person", "add", "--name", "Alice Smith", "--email", "alice@example.org", "--roles", "iso"})
                      .status,
                  0);
    }
    std::string db_bytes() { return test::read_file(dir.file("clause9.db")); }
};

TEST_F(Cli, ControlCatalogAsJson)
{
    auto controls = json({"control", "list"});
    ASSERT_TRUE(controls.is_array());
    ASSERT_EQ(controls.size(), 93u);
    std::map<std::string, int> themes;
    for (const auto& control : controls) {
        ASSERT_TRUE(control["id"].is_string());
        ASSERT_TRUE(control["title"].is_string());
        ++themes[control["theme"].get<std::string>()];
    }
    EXPECT_EQ(themes["Organizational"], 37);
    EXPECT_EQ(themes["People"], 8);
    EXPECT_EQ(themes["Physical"], 14);
    EXPECT_EQ(themes["Technological"], 34);
    EXPECT_EQ(controls[0]["id"], "5.1");
    auto shown = json({"control", "show", "A.8.8"});
    EXPECT_EQ(shown["id"], "8.8");
    EXPECT_EQ(shown["title"], "Management of technical vulnerabilities");
}

TEST_F(Cli, AddPrintsTheCreatedRowAndListPrintsAnArray)
{
    auto risk = json({"risk", "add", "--title", "Phishing", "--owner", "alice@example.org", "--likelihood", "4",
                      "--impact", "3", "--controls", "5.15 8.5"});
    ASSERT_TRUE(risk.is_object());
    EXPECT_EQ(risk["id"], 1);
    EXPECT_EQ(risk["ref"], "RSK-1");
    EXPECT_EQ(risk["owner"], 1);
    EXPECT_EQ(risk["inherent_score"], 12);
    EXPECT_EQ(risk["controls"], "5.15, 8.5");
    EXPECT_EQ(risk["version"], 1);
    auto listed = json({"risk", "list", "--owner", "1"});
    ASSERT_TRUE(listed.is_array());
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["title"], "Phishing");
    EXPECT_EQ(json({"risk", "list", "--owner", "alice@example.org"}).size(), 1u);

    auto text = run({"risk", "list"});
    EXPECT_EQ(text.status, 0);
    EXPECT_NE(text.out.find("RSK-1"), std::string::npos);
    EXPECT_NE(text.out.find("Alice Smith"), std::string::npos);
}

TEST_F(Cli, UpdateShowAndHistory)
{
    ASSERT_EQ(run({"risk", "add", "--title", "Ransomware", "--owner", "1", "--likelihood", "3", "--impact", "5",
                   "--treatment", "mitigate", "--treatment-plan", "EDR everywhere"})
                  .status,
              0);
    auto updated = run({"risk", "update", "RSK-1", "--residual_likelihood", "1", "--residual-impact", "5",
        "--treatment-status", "done"});
    EXPECT_EQ(updated.status, 0) << updated.err;
    EXPECT_EQ(updated.out, "updated RSK-1 (version 2)\n");
    auto shown = json({"risk", "show", "rsk-1"});
    EXPECT_EQ(shown["residual_score"], 5);
    EXPECT_EQ(shown["current_score"], 5);
    // treatment status, residual levels, residual score, current score
    ASSERT_EQ(shown["history"].size(), 5u);
    EXPECT_EQ(shown["history"][0]["actor"], "cli:tester");
    auto stale = run({"risk", "update", "RSK-1", "--title", "x", "--if-version", "1"});
    EXPECT_EQ(stale.status, 4);
    EXPECT_NE(stale.err.find("changed by someone else"), std::string::npos) << stale.err;
}

TEST_F(Cli, VerbsEndARowsLife)
{
    ASSERT_EQ(run({"action", "add", "--title", "Enable MFA", "--owner", "1", "--due", "2026-06-30"}).status, 0);
    EXPECT_EQ(run({"action", "done", "ACT-1"}).status, 0);
    auto action = json({"action", "show", "ACT-1"});
    EXPECT_EQ(action["status"], "done");
    EXPECT_EQ(action["completed_at"], "2026-06-15T10:00:00Z");

    ASSERT_EQ(run({"incident", "add", "--title", "Laptop stolen", "--severity", "high", "--detected-at",
                   "2026-06-14T08:00"})
                  .status,
              0);
    auto refused = run({"incident", "close", "INC-1"});
    EXPECT_EQ(refused.status, 2);
    EXPECT_NE(refused.err.find("lessons_learned"), std::string::npos) << refused.err;
    EXPECT_EQ(run({"incident", "close", "INC-1", "--root-cause", "left in car", "--lessons-learned",
                   "full-disk encryption made it a non-event"})
                  .status,
              0);
    EXPECT_EQ(json({"incident", "show", "INC-1"})["status"], "closed");

    ASSERT_EQ(run({"activity", "add", "--title", "Restore test", "--recurrence", "quarterly", "--next-due",
                   "2026-06-30", "--owner", "1"})
                  .status,
              0);
    auto completed = run({"activity", "complete", "MNT-1", "--evidence", "ticket 4711"});
    EXPECT_EQ(completed.status, 0) << completed.err;
    EXPECT_EQ(completed.out, "Maintenance activity MNT-1: completion logged: done_on 2026-06-15, due 2026-06-30, "
                             "on_time yes, done_by PER-1, result ok, evidence ticket 4711\n");
    EXPECT_EQ(json({"activity", "show", "MNT-1"})["next_due"], "2026-09-30");
    EXPECT_EQ(json({"activity", "log", "MNT-1"}).size(), 1u);

    ASSERT_EQ(run({"kpi", "add", "--name", "Phishing click rate", "--target", "5", "--amber", "10", "--direction",
                   "lower_is_better", "--unit", "%"})
                  .status,
              0);
    EXPECT_EQ(run({"kpi", "measure", "KPI-1", "--period", "2026-05", "--value", "7.5"}).status, 0);
    auto values = json({"kpi", "values", "KPI-1"});
    ASSERT_EQ(values.size(), 1u);
    EXPECT_EQ(values[0]["rag"], "amber");
}

// Moving an existing ISMS in: past facts are recorded with their real dates, each shows when it was entered beside
// the date it stands for, and the audit trail marks it back-dated. The future stays refused.
TEST_F(Cli, PastFactsAreTakenWithTheirRealDatesAndMarkedBackDated)
{
    ASSERT_EQ(run({"activity", "add", "--title", "Restore test", "--recurrence", "monthly", "--next-due", "2026-05-20",
                      "--owner", "1"})
                  .status,
        0);
    auto completed = run({"activity", "complete", "MNT-1", "--date", "2026-05-18"}); // a month before today
    ASSERT_EQ(completed.status, 0) << completed.err;
    EXPECT_NE(completed.out.find("done_on 2026-05-18"), std::string::npos) << completed.out;
    EXPECT_NE(completed.out.find("backdated entered 2026-06-15"), std::string::npos) << completed.out;
    auto log = json({"activity", "log", "MNT-1"});
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0]["done_on"], "2026-05-18");
    EXPECT_EQ(log[0]["recorded_at"], "2026-06-15T10:00:00Z");
    EXPECT_EQ(log[0]["backdated"], true);
    EXPECT_EQ(json({"activity", "show", "MNT-1"})["last_done"], "2026-05-18");

    auto today = run({"activity", "complete", "MNT-1"});
    ASSERT_EQ(today.status, 0) << today.err;
    EXPECT_EQ(json({"activity", "log", "MNT-1"})[1]["backdated"], false) << "done the day it is entered";
    EXPECT_EQ(today.out.find("backdated"), std::string::npos) << today.out;

    ASSERT_EQ(
        run({"action", "add", "--title", "Renew the certificate", "--owner", "1", "--due", "2026-04-30"}).status, 0)
        << "an action that was due before it was entered";
    ASSERT_EQ(run({"risk", "add", "--title", "Legacy VPN", "--owner", "1", "--likelihood", "2", "--impact", "2",
                      "--treatment", "mitigate", "--treatment-due", "2026-03-31"})
                  .status,
        0);
    auto audit = json({"audit", "list", "--limit", "10"});
    std::vector<std::string> summaries;
    for (const auto& entry : audit)
        summaries.push_back(entry["summary"]);
    auto has = [&](const std::string& text) {
        return std::any_of(summaries.begin(), summaries.end(),
            [&](const auto& summary) { return summary.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(has("(back-dated: done 2026-05-18, activity entered 2026-06-15)")) << audit.dump(2);
    EXPECT_TRUE(has("(back-dated: due 2026-04-30; entered 2026-06-15)")) << audit.dump(2);
    EXPECT_TRUE(has("(back-dated: treatment_due 2026-03-31; entered 2026-06-15)")) << audit.dump(2);
    EXPECT_EQ(std::count_if(summaries.begin(), summaries.end(),
                  [](const auto& summary) { return summary.find("back-dated") != std::string::npos; }),
        3)
        << "only the past facts are marked";

    // Nothing else relaxes: a completion in the future is still refused, naming --date.
    auto future = run({"activity", "complete", "MNT-1", "--date", "2026-06-16"});
    EXPECT_EQ(future.status, 2);
    EXPECT_NE(future.err.find("date"), std::string::npos) << future.err;
}

TEST_F(Cli, BadInputIsOneLineNonZeroAndChangesNothing)
{
    ASSERT_EQ(run({"risk", "add", "--title", "Base", "--owner", "1", "--likelihood", "2", "--impact", "2"}).status, 0);
    auto before = db_bytes();
    struct Case {
        std::vector<std::string> args;
        int status;
        const char* mentions;
    };
    std::vector<Case> cases {
        {{"risk", "add", "--title", "T", "--owner", "1", "--likelihood", "9", "--impact", "3"}, 2, "likelihood"},
        {{"risk", "add", "--title", "T", "--owner", "nobody@example.org", "--likelihood", "1", "--impact", "3"}, 2,
            "owner"},
        {{"risk", "add", "--title", "T", "--likelihood", "x", "--impact", "3"}, 2, "likelihood"},
        {{"risk", "add", "--likelihood", "1", "--impact", "1", "--owner", "1"}, 2, "title"},
        {{"risk", "update", "RSK-1", "--residual-likelihood", "5", "--residual-impact", "5"}, 2, "residual"},
        {{"risk", "update", "RSK-99", "--title", "x"}, 3, "RSK-99"},
        {{"risk", "update", "RSK-1"}, 2, "nothing to change"},
        {{"risk", "update", "RSK-1", "--inherent-score", "3"}, 2, "inherent"},
        {{"risk", "show", "INC-1"}, 3, "risk id"},
        {{"action", "add", "--title", "x", "--owner", "1", "--due", "2026-02-30"}, 2, "due"},
        {{"vuln", "add", "--title", "x", "--cvss", "11"}, 2, "cvss"},
        {{"control", "update", "5.1", "--applicable", "no"}, 2, "justification"},
        {{"control", "show", "9.9"}, 3, "9.9"},
        {{"person", "add", "--name", "Dup", "--email", "ALICE@example.org"}, 2, "email"},
        {{"config", "set", "risk.matrix_size", "7"}, 2, "risk.matrix_size"},
        {{"risk", "add", "--colour", "red"}, 2, "colour"},
        {{"frobnicate"}, 2, "frobnicate"},
        {{"--db"}, 2, "--db"},
    };
    for (const auto& test_case : cases) {
        auto result = run(test_case.args);
        std::string command;
        for (const auto& arg : test_case.args)
            command += arg + " ";
        EXPECT_EQ(result.status, test_case.status) << command << result.err;
        EXPECT_TRUE(result.out.empty()) << command << result.out;
        ASSERT_FALSE(result.err.empty()) << command;
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << command << "more than one line: " << result.err;
        EXPECT_TRUE(result.err.starts_with("clause9: ")) << result.err;
        EXPECT_NE(result.err.find(test_case.mentions), std::string::npos) << command << result.err;
        EXPECT_EQ(db_bytes(), before) << command << " changed the database";
    }
}

TEST_F(Cli, MissingDatabaseIsNotCreated)
{
    auto result = run({"--db", "typo.db", "risk", "list"});
    EXPECT_EQ(result.status, 3);
    EXPECT_NE(result.err.find("clause9 init"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "typo.db"));
}

TEST_F(Cli, HelpEverywhere)
{
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {"--help"}, {"risk", "--help"}, {"risk", "add", "--help"}, {"action", "done", "--help"},
             {"activity", "complete", "--help"}, {"kpi", "measure", "--help"}, {"config", "set", "--help"},
             {"control", "update", "--help"}, {"vuln", "list", "--help"}}) {
        auto result = run(args);
        EXPECT_EQ(result.status, 0) << args[0];
        EXPECT_NE(result.out.find("Usage"), std::string::npos) << args[0];
    }
    auto add_help = run({"risk", "add", "--help"}).out;
    EXPECT_NE(add_help.find("--residual-likelihood"), std::string::npos);
    EXPECT_NE(add_help.find("(required)"), std::string::npos);
    EXPECT_NE(add_help.find("mitigate, accept, avoid, transfer"), std::string::npos);
}

TEST_F(Cli, SummaryAndConfig)
{
    auto summary = json({"summary"});
    EXPECT_EQ(summary["registers"]["control"]["rows"], 93);
    EXPECT_EQ(summary["registers"]["person"]["rows"], 1);
    EXPECT_EQ(run({"config", "set", "risk.appetite", "6"}).status, 0);
    EXPECT_EQ(json({"config", "show"})["risk.appetite"], 6);
    auto refused = run({"risk", "add", "--title", "T", "--owner", "1", "--likelihood", "3", "--impact", "3",
                        "--treatment", "accept"});
    EXPECT_EQ(refused.status, 2);
    EXPECT_NE(refused.err.find("appetite of 6"), std::string::npos) << refused.err;
}

TEST_F(Cli, RunningAMeetingSaysWhatChangedInOneLine)
{
    ASSERT_EQ(run({"series", "add", "--name", "ISMS maintenance", "--type", "maintenance", "--cadence", "monthly",
                  "--chair", "PER-1"}).status, 0);
    ASSERT_EQ(run({"meeting", "plan", "--series", "SER-1", "--at", "2026-06-20T09:00Z"}).status, 0);
    // An agenda edit prints the item in one line; --show prints the agenda.
    auto added = run({"agenda", "add", "MTG-1", "--title", "Budget for the SIEM"});
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_EQ(std::count(added.out.begin(), added.out.end(), '\n'), 1) << added.out;
    EXPECT_NE(added.out.find("added AI-"), std::string::npos) << added.out;
    EXPECT_NE(added.out.find("\"Budget for the SIEM\", item "), std::string::npos) << added.out;
    auto shown = run({"agenda", "edit", "MTG-1", "--item", "1", "--timebox-minutes", "7", "--show"});
    ASSERT_EQ(shown.status, 0) << shown.err;
    EXPECT_NE(shown.out.find("Budget for the SIEM"), std::string::npos) << "the whole agenda: " << shown.out;
    EXPECT_GT(std::count(shown.out.begin(), shown.out.end(), '\n'), 5);

    // `act` does not require --due: it defaults to the next meeting.
    auto help = run({"meeting", "act", "--help"});
    auto due = help.out.substr(help.out.find("--due"));
    due = due.substr(0, due.find('\n'));
    EXPECT_EQ(due.find("REQUIRED"), std::string::npos) << due;
    EXPECT_NE(due.find("default: the next meeting of the series"), std::string::npos) << due;

    // Closing a planned meeting says to start it; a held one says it is closed already.
    auto early = run({"meeting", "close", "MTG-1"});
    EXPECT_EQ(early.status, 4);
    EXPECT_NE(early.err.find("start it first"), std::string::npos) << early.err;
    ASSERT_EQ(run({"meeting", "start", "MTG-1"}).status, 0);

    // --append adds a paragraph; --text alone replaces.
    ASSERT_EQ(run({"meeting", "note", "MTG-1", "--item", "1", "--text", "First point."}).status, 0);
    auto appended = run({"meeting", "note", "MTG-1", "--item", "1", "--text", "Second point.", "--append"});
    ASSERT_EQ(appended.status, 0) << appended.err;
    auto notes = json({"agenda", "MTG-1"});
    std::string first_notes;
    for (const auto& section : notes["sections"])
        for (const auto& item : section["items"])
            if (item["number"] == 1)
                first_notes = item["notes"].get<std::string>();
    EXPECT_EQ(first_notes, "First point.\n\nSecond point.");
    auto bare = run({"meeting", "note", "MTG-1", "--item", "1", "--append"});
    EXPECT_NE(bare.status, 0) << "--append needs --text";

    ASSERT_EQ(run({"meeting", "close", "MTG-1"}).status, 0);
    auto twice = run({"meeting", "close", "MTG-1"});
    EXPECT_EQ(twice.status, 4);
    EXPECT_NE(twice.err.find("already closed: it is held"), std::string::npos) << twice.err;
    EXPECT_EQ(twice.err.find("start it first"), std::string::npos) << twice.err;
}

TEST_F(Cli, ProposalsAndTheDecisionLog)
{
    ASSERT_EQ(run({"series", "add", "--name", "ISMS maintenance", "--type", "maintenance", "--cadence", "monthly",
                      "--chair", "PER-1"})
                  .status,
        0);
    ASSERT_EQ(run({"meeting", "plan", "--series", "SER-1", "--at", "2026-06-20T09:00Z"}).status, 0);
    // The chair is invited; acting as the chair, --by is not needed.
    auto proposed = run(
        {"--as", "PER-1", "agenda", "propose", "MTG-1", "--title", "Rotate the VPN keys", "--kind", "suggestion"});
    ASSERT_EQ(proposed.status, 0) << proposed.err;
    EXPECT_NE(proposed.out.find("proposed PRP-1 \"Rotate the VPN keys\" for MTG-1"), std::string::npos) << proposed.out;
    auto wrong = run({"--as", "PER-1", "agenda", "propose", "MTG-1", "--title", "x", "--kind", "complaint"});
    EXPECT_EQ(wrong.status, 2);
    EXPECT_NE(wrong.err.find("kind: must be one of concern, suggestion, update"), std::string::npos) << wrong.err;
    auto listed = run({"agenda", "proposals", "MTG-1"});
    EXPECT_NE(listed.out.find("PRP-1  suggestion  Rotate the VPN keys"), std::string::npos) << listed.out;
    auto accepted = run({"agenda", "accept", "MTG-1", "--proposal", "PRP-1", "--section", "nowhere"});
    EXPECT_EQ(accepted.status, 2) << accepted.err;
    accepted = run({"agenda", "accept", "MTG-1", "--proposal", "PRP-1", "--section", "risks"});
    ASSERT_EQ(accepted.status, 0) << accepted.err;
    EXPECT_NE(accepted.out.find("\"Rotate the VPN keys\", item "), std::string::npos) << accepted.out;

    ASSERT_EQ(run({"meeting", "start", "MTG-1"}).status, 0);
    auto decided
        = run({"meeting", "decide", "MTG-1", "--text", "Rotate quarterly", "--owner", "PER-1", "--due", "2026-09-30"});
    ASSERT_EQ(decided.status, 0) << decided.err;
    auto log = run({"decision", "list", "--owner", "alice@example.org"});
    ASSERT_EQ(log.status, 0) << log.err;
    EXPECT_NE(log.out.find("Rotate quarterly"), std::string::npos) << log.out;
    EXPECT_NE(log.out.find("2026-09-30"), std::string::npos) << log.out;
    EXPECT_EQ(run({"decision", "list", "--since", "2026-07-01"}).out, "no decisions match\n");
    EXPECT_EQ(run({"decision", "list", "--since", "July"}).status, 2);
}

TEST_F(Cli, AsNamesTheIsmsPersonInTheAuditTrail)
{
    ASSERT_EQ(run({"person", "add", "--name", "Bob Gone", "--email", "bob@example.org", "--active", "no"}).status, 0);
    auto before = db_bytes();
    for (const auto& who : {"PER-9", "nobody@example.org", "PER-2"}) {
        auto refused = run({"--as", who, "risk", "add", "--title", "Ransomware", "--owner", "PER-1", "--likelihood",
                            "3", "--impact", "5"});
        EXPECT_EQ(refused.status, 2) << who << ": " << refused.err;
        EXPECT_NE(refused.err.find("as: "), std::string::npos) << refused.err;
        EXPECT_EQ(db_bytes(), before) << who;
    }
    auto added = run({"--as", "alice@example.org", "risk", "add", "--title", "Ransomware", "--owner", "PER-1",
                      "--likelihood", "3", "--impact", "5"});
    ASSERT_EQ(added.status, 0) << added.err;
    auto audit = json({"audit", "list"});
    ASSERT_FALSE(audit.empty());
    EXPECT_NE(audit.dump().find(" as PER-1 (alice@example.org)"), std::string::npos) << audit.dump(2);
}

} // namespace
} // namespace c9
