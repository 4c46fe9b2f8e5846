// Every register over the REST API: create, read, update with versions, history, lists with filters and pages,
// verbs, and validation errors that name the field at fault.
#include "api_fixture.h"
#include "app/registers.h"
#include "core/action_item.h"

namespace c9::api_test {
namespace {

using Registers = ApiTest;

struct RegisterCase {
    std::string collection;
    Json create;
    Json change; // one field, checked after the PATCH
};

TEST_F(Registers, CreateReadUpdateAndHistoryOfEveryRegister)
{
    std::vector<RegisterCase> cases {
        {"people", {{"name", "Ann Lee"}, {"email", "Ann@Example.org"}, {"department", "IT"}},
            {{"department", "Finance"}}},
        {"activities",
            {{"title", "Review firewall rules"}, {"recurrence", "quarterly"}, {"next_due", "2031-03-31"},
                {"owner", "mia@example.org"}, {"controls", "A.8.20 8.21"}},
            {{"title", "Review firewall and proxy rules"}}},
        {"incidents",
            {{"title", "Phishing mail clicked"}, {"severity", "high"}, {"detected_at", "2026-01-10T09:30:00Z"}},
            {{"root_cause", "No MFA"}}},
        {"assets", {{"name", "Customer database"}, {"type", "information"}, {"confidentiality", "high"}},
            {{"location", "Cloud region eu-central-1"}}},
        {"context-issues",
            {{"title", "Heat waves strain the data centre"}, {"kind", "external"}, {"category", "environmental"}},
            {{"effect", "Cooling failures threaten availability"}}},
        {"parties", {{"name", "Regulator"}, {"kind", "external"}}, {{"requirements", "NIS2 incident reporting"}}},
        {"feedback", {{"title", "Audit questionnaire answered late"}, {"party", 1}, {"sentiment", "negative"}},
            {{"response", "Questionnaire library set up"}}},
        {"vulnerabilities", {{"title", "XZ backdoor"}, {"cve", "cve-2024-3094"}, {"cvss", 10.0}},
            {{"asset", std::stoi(seed.ids["assets"])}}},
        {"risks", {{"title", "Ransomware"}, {"owner", "carl@example.org"}, {"likelihood", 3}, {"impact", 5}},
            {{"likelihood", 2}}},
        {"nonconformities", {{"title", "Backups untested"}, {"grade", "minor"}}, {{"root_cause", "No schedule"}}},
        {"kpis", {{"name", "Patch latency"}, {"target", 14}, {"direction", "lower_is_better"}, {"unit", "days"}},
            {{"amber", 21}}},
        {"actions", {{"title", "Test restore"}, {"owner", 1}, {"due", "2031-02-01"}}, {{"status", "in_progress"}}},
        {"lessons", {{"title", "Rehearse the incident plan"}, {"category", "process"}},
            {{"improvement", "Yearly drill"}}},
        {"meeting-series", {{"name", "Management review"}, {"type", "management_review"}, {"cadence", "yearly"}},
            {{"duration_minutes", 120}}},
    };
    // Meetings are planned from their series, which invites its members; there is no bare create.
    EXPECT_EQ(post("/api/v1/meetings", {{"series", 1}, {"title", "x"}, {"starts_at", "2031-05-01T09:00:00Z"}}).status,
        405);
    for (const auto& test : cases) {
        SCOPED_TRACE(test.collection);
        // The list is read before and after each change: a page the server keeps must not outlive the change.
        auto list = "/api/v1/" + test.collection + "?limit=500";
        auto listed = get(list);
        ASSERT_EQ(listed.status, 200) << listed.describe();
        auto total = listed.json()["total"].get<int>();

        auto created = post("/api/v1/" + test.collection, test.create);
        ASSERT_EQ(created.status, 201) << created.describe();
        auto row = created.json();
        auto items = get(list).json()["items"];
        EXPECT_EQ(items.size(), static_cast<size_t>(total + 1));
        EXPECT_EQ(items.back(), row);
        EXPECT_EQ(
            created.header("Location"), "/api/v1/" + test.collection + "/" + std::to_string(row["id"].get<int>()));
        EXPECT_EQ(created.header("ETag"), "\"1\"");
        EXPECT_EQ(row["version"], 1);
        EXPECT_EQ(row["created_by"], "user:" + std::to_string(seed.users[As::admin]) + " (admin@example.org)");

        auto read = get(created.header("Location"));
        ASSERT_EQ(read.status, 200) << read.describe();
        EXPECT_EQ(read.json(), row);
        EXPECT_EQ(read.header("ETag"), "\"1\"");

        auto changed = patch(created.header("Location"), test.change, 1);
        ASSERT_EQ(changed.status, 200) << changed.describe();
        EXPECT_EQ(changed.header("ETag"), "\"2\"");
        auto field = test.change.begin().key();
        EXPECT_EQ(changed.json()[field], test.change[field]);
        EXPECT_EQ(get(list).json()["items"].back(), changed.json());

        auto history = get(created.header("Location") + "/history");
        ASSERT_EQ(history.status, 200) << history.describe();
        bool found = false;
        auto entries = history.json()["items"];
        for (const auto& entry : entries)
            found = found || entry["field"] == field;
        EXPECT_TRUE(found) << history.body;
    }
}

TEST_F(Registers, ControlsAreNamedByTheirAnnexACodeAndCannotBeCreated)
{
    auto control = get("/api/v1/controls/8.8");
    ASSERT_EQ(control.status, 200) << control.describe();
    EXPECT_EQ(control.json()["id"], "8.8");
    EXPECT_EQ(control.json()["title"], "Management of technical vulnerabilities");
    EXPECT_EQ(get("/api/v1/controls/A.8.8").json()["id"], "8.8");
    EXPECT_EQ(get("/api/v1/controls/9.9").status, 404);
    EXPECT_EQ(post("/api/v1/controls", {{"code", "9.9"}}).status, 405);
    auto version = control.json()["version"].get<std::int64_t>();
    auto changed = patch("/api/v1/controls/8.8", {{"status", "implemented"}, {"applicable", true}}, version);
    ASSERT_EQ(changed.status, 200) << changed.describe();
    EXPECT_EQ(changed.json()["status"], "implemented");
    auto read_only = patch("/api/v1/controls/8.8", {{"title", "Something else"}}, version + 1);
    ASSERT_EQ(read_only.status, 422);
    EXPECT_EQ(read_only.json()["errors"][0]["field"], "title");
    EXPECT_EQ(get("/api/v1/controls?theme=People&limit=500").json()["total"], 8);
}

struct InvalidCase {
    std::string collection;
    Json body;
    std::string field;
};

TEST_F(Registers, ValidationErrorsNameTheFieldAndWriteNothing)
{
    std::vector<InvalidCase> cases {
        {"risks", {{"title", "No owner"}, {"likelihood", 3}, {"impact", 3}}, "owner"},
        {"risks", {{"title", "x"}, {"owner", 1}, {"likelihood", "high"}, {"impact", 3}}, "likelihood"},
        {"risks", {{"title", "x"}, {"owner", 1}, {"likelihood", 9}, {"impact", 3}}, "likelihood"},
        {"risks", {{"title", "x"}, {"owner", 1}, {"likelihood", 3}, {"impact", 3}, {"colour", "red"}}, "colour"},
        {"risks", {{"title", "x"}, {"owner", "nobody@example.org"}, {"likelihood", 3}, {"impact", 3}}, "owner"},
        {"risks", {{"title", "x"}, {"owner", 99999}, {"likelihood", 3}, {"impact", 3}}, "owner"},
        {"risks", {{"title", "x"}, {"owner", 1}, {"likelihood", 3}, {"impact", 3}, {"inherent_score", 25}},
            "inherent_score"},
        {"risks", {{"title", "x"}, {"owner", 1}, {"likelihood", 3}, {"impact", 3}, {"controls", "Z.9"}}, "controls"},
        {"actions", {{"title", "x"}, {"owner", 1}, {"due", "tomorrow"}}, "due"},
        {"actions", {{"title", "x"}, {"owner", 1}, {"due", "2031-01-01"}, {"status", "finished"}}, "status"},
        {"vulnerabilities", {{"title", "x"}, {"cvss", 11}}, "cvss"},
        {"vulnerabilities", {{"title", "x"}, {"kev", "yes"}}, "kev"},
        {"people", {{"name", "x"}, {"email", "not-an-email"}}, "email"},
        {"people", {{"name", "x"}, {"email", "mia@example.org"}}, "email"},
        {"incidents", {{"title", "x"}, {"severity", "medium"}, {"detected_at", "yesterday"}}, "detected_at"},
        {"lessons", {{"title", "x"}, {"incident", "INC-999"}}, "incident"},
    };
    auto audit_before = get("/api/v1/audit?limit=1", As::auditor).json()["head"]["seq"];
    for (const auto& test : cases) {
        auto reply = post("/api/v1/" + test.collection, test.body);
        ASSERT_EQ(reply.status, 422) << test.collection << " " << test.body.dump() << " -> " << reply.describe();
        EXPECT_EQ(reply.header("Content-Type"), "application/problem+json");
        auto problem = reply.json();
        EXPECT_EQ(problem["status"], 422);
        bool named = false;
        for (const auto& error : problem["errors"])
            named = named || error["field"] == test.field;
        EXPECT_TRUE(named) << test.field << " not in " << reply.body;
    }
    EXPECT_EQ(get("/api/v1/audit?limit=1", As::auditor).json()["head"]["seq"], audit_before);
}

TEST_F(Registers, AStaleVersionIsRefusedWithNothingWritten)
{
    auto risk = "/api/v1/risks/" + seed.ids["risks"];
    ASSERT_EQ(patch(risk, {{"likelihood", 4}}, 1).status, 200);
    auto history_before = get(risk + "/history").json()["items"].size();
    auto stale = patch(risk, {{"impact", 1}}, 1);
    EXPECT_EQ(stale.status, 412) << stale.describe();
    EXPECT_EQ(stale.header("Content-Type"), "application/problem+json");
    auto row = get(risk).json();
    EXPECT_EQ(row["version"], 2);
    EXPECT_EQ(row["impact"], 3);
    EXPECT_EQ(get(risk + "/history").json()["items"].size(), history_before);

    EXPECT_EQ(request("PATCH", risk, As::admin, Json {{"impact", 1}}).status, 428);
    EXPECT_EQ(request("PATCH", risk, As::admin, Json {{"impact", 1}}, {"If-Match: soon"}).status, 400);
    EXPECT_EQ(request("PATCH", risk, As::admin, Json {{"impact", 1}}, {"If-Match: W/\"2\""}).status, 200);
    // Verbs take If-Match when given.
    EXPECT_EQ(request("POST", risk + "/close", As::admin, Json::object(), {"If-Match: \"2\""}).status, 412);
}

// 6.1.3 f: the risk owner accepts their residual risk. An admin may record the owner's acceptance with a note; no one
// else may, and no one may name someone other than the owner. Each refusal names its field and changes nothing.
TEST_F(Registers, OnlyTheRiskOwnerAcceptsTheResidualRisk)
{
    auto risk = "/api/v1/risks/" + seed.ids["risks"]; // Mia's, 3 x 3
    auto mia = seed.member_person;
    auto refused_at = [](const Reply& reply) {
        return reply.status == 422 ? reply.json()["errors"][0]["field"].get<std::string>() : reply.describe();
    };
    EXPECT_EQ(refused_at(patch(risk, {{"accepted_by", seed.chair_person}}, 1)), "accepted_by")
        << "someone other than the owner named, even by an admin";
    EXPECT_EQ(refused_at(patch(risk, {{"accepted_by", mia}}, 1, As::chair)), "accepted_by")
        << "the chair is not the owner and not an admin";
    EXPECT_EQ(refused_at(patch(risk, {{"accepted_by", mia}}, 1, As::admin)), "acceptance_note")
        << "an admin recording it says how the owner accepted";
    auto row = get(risk).json();
    EXPECT_EQ(row["version"], 1);
    EXPECT_TRUE(row["accepted_by"].is_null());

    auto by_owner = patch(risk, {{"accepted_by", mia}, {"treatment", "accept"}}, 1, As::member);
    ASSERT_EQ(by_owner.status, 200) << by_owner.describe();
    EXPECT_EQ(by_owner.json()["accepted_score"], 9);
    EXPECT_EQ(by_owner.json()["treatment_status"], "done");

    // A higher score ends the acceptance; an admin then records the owner's new one, with the note.
    auto risen = patch(risk, {{"likelihood", 4}}, 2, As::member);
    ASSERT_EQ(risen.status, 200) << risen.describe();
    EXPECT_TRUE(risen.json()["accepted_by"].is_null());
    EXPECT_TRUE(risen.json()["accepted_score"].is_null());
    auto recorded
        = patch(risk, {{"accepted_by", "mia@example.org"}, {"acceptance_note", "Accepted by email on 2 June"}}, 3);
    ASSERT_EQ(recorded.status, 200) << recorded.describe();
    EXPECT_EQ(recorded.json()["accepted_by"], mia);
    EXPECT_EQ(recorded.json()["accepted_score"], 12);
}

// The Statement of Applicability lists the open risks that need a control; a closed risk no longer does. A risk's own
// page lists the action items raised for it (an origin names it).
TEST_F(Registers, TheSoaNamesTheOpenRisksThatNeedEachControl)
{
    auto created = post("/api/v1/risks",
        {{"title", "Backups encrypted by ransomware"}, {"owner", seed.member_person}, {"likelihood", 2}, {"impact", 3},
            {"controls", "8.13"}});
    ASSERT_EQ(created.status, 201) << created.describe();
    auto ref = created.json()["ref"].get<std::string>();
    auto soa_risks = [&](const std::string& code) {
        auto soa = get("/api/v1/controls/soa", As::auditor).json();
        for (const auto& line : soa["items"])
            if (line["control"] == code)
                return line["risks"];
        return Json();
    };
    EXPECT_EQ(soa_risks("8.13"), Json::array({ref}));
    ASSERT_EQ(post("/api/v1/actions",
                  {{"title", "Offline backup copy"}, {"owner", seed.member_person}, {"due", "2026-07-31"},
                      {"origin_type", "risk"}, {"origin_id", ref}})
                  .status,
        201);
    auto links = get("/api/v1/risks/" + ref + "/links", As::auditor).json()["items"];
    ASSERT_EQ(links.size(), 1u) << links.dump();
    EXPECT_EQ(links[0]["register"], "action");
    EXPECT_EQ(links[0]["field"], "origin_id");
    EXPECT_EQ(links[0]["status"], "open");

    ASSERT_EQ(post("/api/v1/risks/" + ref + "/close", Json::object()).status, 200);
    EXPECT_EQ(soa_risks("8.13"), Json::array());
    EXPECT_EQ(get("/api/v1/controls/8.13/links").json()["items"].size(), 1u) << "the page still shows it, closed";

    // The requirements that justify a control: an interested party whose requirements it meets (4.2, 6.1.3 d).
    ASSERT_EQ(
        post("/api/v1/parties", {{"name", "Cyber insurer"}, {"kind", "external"}, {"controls", "A.8.13, 8.5"}}).status,
        201);
    auto named = get("/api/v1/controls/8.13/links").json();
    ASSERT_EQ(named["items"].size(), 2u) << named.dump();
    EXPECT_EQ(named["items"][0]["register"], "party") << "parties come before risks, as the registers are listed";
    EXPECT_EQ(named["items"][0]["title"], "Cyber insurer");
}

TEST_F(Registers, ListsArePagedWithTheirTotal)
{
    for (int index = 0; index < 7; ++index)
        ASSERT_EQ(
            post("/api/v1/actions", {{"title", "Action " + std::to_string(index)}, {"owner", 2}, {"due", "2031-01-01"}})
                .status,
            201);
    auto first = get("/api/v1/actions?limit=3").json();
    EXPECT_EQ(first["total"], 8);
    EXPECT_EQ(first["limit"], 3);
    EXPECT_EQ(first["offset"], 0);
    EXPECT_EQ(first["items"].size(), 3u);
    auto last = get("/api/v1/actions?limit=3&offset=6").json();
    EXPECT_EQ(last["items"].size(), 2u);
    EXPECT_EQ(last["total"], 8);
    auto defaults = get("/api/v1/controls").json();
    EXPECT_EQ(defaults["limit"], 50);
    EXPECT_EQ(defaults["items"].size(), 50u);
    EXPECT_EQ(defaults["total"], 93);
    EXPECT_EQ(get("/api/v1/controls?limit=500").json()["items"].size(), 93u);
    for (auto query : {"limit=0", "limit=501", "limit=ten", "offset=-1", "limit=99999999999999999999"}) {
        auto reply = get(std::string("/api/v1/actions?") + query);
        EXPECT_EQ(reply.status, 422) << query;
    }
}

TEST_F(Registers, ListsFilterSortAndSearch)
{
    // An action due in the past can only have been created in the past.
    Caller past {"test", std::nullopt, test::at("2019-12-01T09:00:00Z"), Standing::local};
    ASSERT_TRUE(create(store(), action_spec(),
        {{"title", std::string("Rotate keys")}, {"owner", Value {seed.other_person}},
            {"due", std::string("2020-01-01")}},
        past));
    ASSERT_EQ(post("/api/v1/actions",
                  {{"title", "Old task"}, {"owner", "otto@example.org"}, {"due", "2031-01-01"}, {"status", "done"}})
                  .status,
        201);
    struct ListCase {
        std::string query;
        size_t total;
    };
    std::vector<ListCase> cases {
        {"", 3},
        {"status=open", 2},
        {"status=open&status=done", 3},
        {"owner=otto@example.org", 2},
        {"owner=" + std::to_string(seed.member_person), 1},
        {"open=true", 2},
        {"overdue=true", 1},
        {"q=ROTATE", 1},
        {"q=%25", 0},
        {"meeting=", 3},
    };
    for (const auto& test : cases) {
        auto reply = get("/api/v1/actions?" + test.query);
        ASSERT_EQ(reply.status, 200) << test.query << " " << reply.describe();
        EXPECT_EQ(reply.json()["total"], test.total) << test.query;
    }
    auto sorted = get("/api/v1/actions?sort=-id").json()["items"];
    EXPECT_GT(sorted[0]["id"].get<int>(), sorted[1]["id"].get<int>());
    for (auto query :
        {"colour=red", "sort=colour", "open=maybe", "status=finished", "title=x", "owner=nobody@example.org"}) {
        auto reply = get(std::string("/api/v1/actions?") + query);
        EXPECT_EQ(reply.status, 422) << query << " " << reply.describe();
        EXPECT_FALSE(reply.json()["errors"].empty()) << query;
    }
    EXPECT_EQ(get("/api/v1/people?overdue=true").status, 422);
}

TEST_F(Registers, ListsShowOnlyTheFieldsAsked)
{
    auto full = get("/api/v1/people?sort=id").json();
    auto few = get("/api/v1/people?sort=id&fields=name,%20email&fields=version");
    ASSERT_EQ(few.status, 200) << few.describe();
    auto items = few.json()["items"];
    ASSERT_EQ(items.size(), full["items"].size());
    ASSERT_FALSE(items.empty());
    for (size_t index = 0; index < items.size(); ++index) {
        const auto& row = full["items"][index];
        Json expected {{"id", row["id"]}, {"ref", row["ref"]}, {"version", row["version"]}, {"name", row["name"]},
            {"email", row["email"]}};
        EXPECT_EQ(items[index], expected);
    }
    EXPECT_EQ(few.json()["total"], full["total"]);
    // Controls are named by their code, and their catalog fields can be asked for like any other.
    auto controls = get("/api/v1/controls?fields=title&limit=1").json()["items"];
    ASSERT_EQ(controls.size(), 1u);
    EXPECT_EQ(controls[0].size(), 3u) << controls[0].dump();

    for (auto query : {"fields=name,colour", "fields=", "fields=,"}) {
        auto reply = get(std::string("/api/v1/people?") + query);
        ASSERT_EQ(reply.status, 422) << query << " " << reply.describe();
        EXPECT_EQ(reply.json()["errors"][0]["field"], "fields") << query;
    }
}

TEST_F(Registers, VerbsCloseAndFinishRows)
{
    auto incident = "/api/v1/incidents/" + seed.ids["incidents"];
    auto closed
        = post(incident + "/close", {{"root_cause", "Laptop left in a taxi"}, {"resolved_at", "2026-01-01T00:00:00Z"}});
    EXPECT_TRUE(closed.status == 200 || closed.status == 422) << closed.describe();
    auto vulnerability = post("/api/v1/vulnerabilities/" + seed.ids["vulnerabilities"] + "/close", Json::object());
    ASSERT_EQ(vulnerability.status, 200) << vulnerability.describe();
    EXPECT_EQ(vulnerability.json()["status"], "remediated");
    auto accepted = post("/api/v1/vulnerabilities", {{"title", "Legacy TLS"}, {"cvss", 5.0}});
    auto accepted_path = accepted.header("Location");
    auto closed_accepted
        = post(accepted_path + "/close", {{"status", "risk_accepted"}, {"resolution", "Decommissioned in 2027"}});
    ASSERT_EQ(closed_accepted.status, 200) << closed_accepted.describe();
    EXPECT_EQ(closed_accepted.json()["status"], "risk_accepted");
    auto risk = post("/api/v1/risks/" + seed.ids["risks"] + "/close", Json::object());
    ASSERT_EQ(risk.status, 200) << risk.describe();
    EXPECT_EQ(risk.json()["status"], "closed");
    auto action = "/api/v1/actions/" + seed.ids["actions"];
    auto done = post(action + "/done", {{"progress", "MFA on for everyone"}});
    ASSERT_EQ(done.status, 200) << done.describe();
    EXPECT_EQ(done.json()["status"], "done");
    EXPECT_FALSE(done.json()["completed_at"].is_null());
    auto unknown = post(action + "/cancel", {{"title", "x"}});
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.json()["errors"][0]["field"], "title");
    auto nonconformity = post("/api/v1/nonconformities/" + seed.ids["nonconformities"] + "/close",
        {{"root_cause", "No owner"}, {"corrective_action", "Quarterly review"}, {"effectiveness_check", "Done twice"},
            {"effective", true}});
    EXPECT_EQ(nonconformity.status, 200) << nonconformity.describe();
}

TEST_F(Registers, ActivityCompletionsAndKpiMeasurements)
{
    auto activity = "/api/v1/activities/" + seed.ids["activities"];
    auto completed = post(activity + "/completions", {{"result", "ok"}, {"evidence", "ticket 42"}});
    ASSERT_EQ(completed.status, 201) << completed.describe();
    EXPECT_EQ(completed.json()["completion"]["result"], "ok");
    EXPECT_EQ(completed.header("Location"), activity + "/completions");
    auto failed = post(activity + "/completions", {{"result", "failed"}});
    EXPECT_EQ(failed.status, 422) << failed.describe();
    EXPECT_EQ(post(activity + "/completions", {{"result", "meh"}}).json()["errors"][0]["field"], "result");
    EXPECT_EQ(post(activity + "/completions", {{"date", "2031-13-01"}}).json()["errors"][0]["field"], "date");
    auto log = get(activity + "/completions").json();
    ASSERT_EQ(log["items"].size(), 1u);
    EXPECT_EQ(log["items"][0]["evidence"], "ticket 42");

    auto kpi = "/api/v1/kpis/" + seed.ids["kpis"];
    auto measured = post(kpi + "/measurements", {{"period", "2026-01"}, {"value", 85.5}, {"note", "one team missing"}});
    ASSERT_EQ(measured.status, 201) << measured.describe();
    EXPECT_EQ(measured.json()["measurement"]["rag"], "red");
    EXPECT_EQ(measured.json()["ref"], "KPI-" + seed.ids["kpis"]);
    EXPECT_EQ(post(kpi + "/measurements", {{"period", "2026-01"}}).json()["errors"][0]["field"], "value");
    EXPECT_EQ(post(kpi + "/measurements", {{"period", "never"}, {"value", 1}}).json()["errors"][0]["field"], "period");
    EXPECT_EQ(get(kpi + "/measurements").json()["items"].size(), 1u);
    auto status = get("/api/v1/kpis/status");
    ASSERT_EQ(status.status, 200) << status.describe();
    ASSERT_EQ(status.json()["items"].size(), 1u);
    EXPECT_EQ(status.json()["items"][0]["name"], "Awareness training done");
    EXPECT_FALSE(status.json()["items"][0].contains("history"));

    // The trend of every KPI in one request: the latest measurements, oldest first.
    for (auto [period, value] : {std::pair {"2026-02", 88.0}, {"2026-03", 91.0}})
        ASSERT_EQ(post(kpi + "/measurements", {{"period", period}, {"value", value}}).status, 201);
    auto trend = get("/api/v1/kpis/status?history=2");
    ASSERT_EQ(trend.status, 200) << trend.describe();
    auto history = trend.json()["items"][0]["history"];
    ASSERT_EQ(history.size(), 2u) << history.dump();
    EXPECT_EQ(history[0]["value"], 88.0);
    EXPECT_EQ(history[1]["value"], 91.0);
    EXPECT_EQ(history[1]["period"].get<std::string>().substr(0, 7), "2026-03");
    EXPECT_EQ(get("/api/v1/kpis/status?history=0").json()["errors"][0]["field"], "history");
    EXPECT_EQ(get("/api/v1/kpis/status?history=61").status, 422);
    EXPECT_EQ(get("/api/v1/kpis/status?trend=1").json()["errors"][0]["field"], "trend");
}

TEST_F(Registers, BodiesMustBeJsonObjects)
{
    EXPECT_EQ(raw("POST", "/api/v1/risks",
                  {"Authorization: Bearer " + seed.tokens[As::admin], "Content-Type: text/plain"}, "{}")
                  .status,
        415);
    EXPECT_EQ(
        raw("POST", "/api/v1/risks",
            {"Authorization: Bearer " + seed.tokens[As::admin], "Content-Type: application/x-www-form-urlencoded"},
            "title=x")
            .status,
        415);
    auto malformed = raw("POST", "/api/v1/risks",
        {"Authorization: Bearer " + seed.tokens[As::admin], "Content-Type: application/json"}, "{\"title\": ");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.json()["errors"][0]["field"], "body");
    auto array = post("/api/v1/risks", Json::array({1, 2}));
    EXPECT_EQ(array.status, 422);
    EXPECT_EQ(array.json()["errors"][0]["field"], "body");
    EXPECT_EQ(raw("POST", "/api/v1/risks",
                  {"Authorization: Bearer " + seed.tokens[As::admin], "Content-Type: application/json; charset=utf-8"},
                  R"({"title":"Charset","owner":1,"likelihood":1,"impact":1})")
                  .status,
        201);
}

} // namespace
} // namespace c9::api_test
