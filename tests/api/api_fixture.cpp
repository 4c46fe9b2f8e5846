#include "api_fixture.h"

#include "api/row_writer.h"
#include "app/accounts_login.h"
#include "app/meetings.h"
#include "app/registers.h"
#include "core/action_item.h"
#include "core/activity.h"
#include "core/asset.h"
#include "core/context.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"
#include "store/audit_log.h"

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace c9::api_test {

namespace {

template <class T> T must(Result<T> result, std::string_view doing)
{
    if (!result)
        throw std::runtime_error(std::string(doing) + ": " + result.error().message());
    return std::move(*result);
}

// Hashing takes tens of milliseconds on purpose; every fixture account shares one hash of the fixture password.
const std::string& fixture_hash()
{
    static const std::string hash = must(hash_password(fixture_password), "hash the fixture password");
    return hash;
}

template <class T> Id create_row(Store& store, const EntitySpec<T>& spec, const Patch& patch, const Caller& caller)
{
    return must(create(store, spec, patch, caller), "seed a " + std::string(spec.name)).id;
}

} // namespace

void seed_database(Store& store, Seed& seed)
{
    Caller caller {"test", std::nullopt, current_time(), Standing::local};
    auto today = to_date(caller.now);
    seed.member_person = create_row(
        store, person_spec(), {{"name", std::string("Mia Member")}, {"email", std::string("mia@example.org")}}, caller);
    seed.chair_person = create_row(store, person_spec(),
        {{"name", std::string("Carl Chair")}, {"email", std::string("carl@example.org")},
            {"roles", std::string("iso")}},
        caller);
    seed.other_person = create_row(store, person_spec(),
        {{"name", std::string("Otto Other")}, {"email", std::string("otto@example.org")}}, caller);

    for (As as : {As::admin, As::chair, As::member, As::auditor}) {
        UserRecord user;
        user.email = to_string(as) + "@example.org";
        user.name = to_string(as);
        user.role = to_string(as);
        if (as == As::chair)
            user.person = seed.chair_person;
        if (as == As::member)
            user.person = seed.member_person;
        user.password_hash = fixture_hash();
        seed.users[as]
            = must(store.write([&](Tx& tx) { return insert_user(tx, user, caller.stamp()); }), "seed an account");
        seed.tokens[as] = must(create_token(store, std::to_string(seed.users[as]), "fixture", caller), "seed a token").token;
    }
    seed.spare_token = must(create_token(store, std::to_string(seed.users[As::member]), "spare", caller), "seed a token").record.id;

    Value member = seed.member_person;
    auto date = [&](int days) { return Value {format_date(add_days(today, days))}; };
    seed.ids["people"] = std::to_string(seed.member_person);
    must(store.write([&](Tx& tx) -> Result<Control> {
        auto id = C9_TRY(control_by_code(tx, "5.1"));
        return update_in(tx, control_spec(), *id, {{"owner", member}}, std::nullopt, caller);
    }),
        "seed the owner of control 5.1");
    seed.ids["controls"] = "5.1";
    seed.ids["assets"] = std::to_string(create_row(store, asset_spec(),
        {{"name", std::string("Build server")}, {"type", std::string("hardware")}, {"owner", member}}, caller));
    seed.ids["context-issues"] = std::to_string(create_row(store, context_spec(),
        {{"title", std::string("New NIS2 obligations")}, {"kind", std::string("external")}, {"owner", member}},
        caller));
    seed.ids["parties"] = std::to_string(create_row(store, party_spec(),
        {{"name", std::string("Customers")}, {"kind", std::string("external")}, {"owner", member}}, caller));
    seed.ids["feedback"] = std::to_string(create_row(store, feedback_spec(),
        {{"title", std::string("Asked for our ISO certificate")}, {"party", Value {std::int64_t {1}}},
            {"owner", member}},
        caller));
    seed.ids["activities"] = std::to_string(create_row(store, activity_spec(),
        {{"title", std::string("Patch servers")}, {"owner", member}, {"recurrence", std::string("monthly")},
            {"next_due", date(10)}},
        caller));
    seed.ids["incidents"] = std::to_string(create_row(store, incident_spec(),
        {{"title", std::string("Lost laptop")}, {"severity", std::string("medium")}, {"owner", member},
            {"detected_at", format_timestamp(caller.now - std::chrono::hours(24))}},
        caller));
    seed.ids["vulnerabilities"] = std::to_string(create_row(store, vulnerability_spec(),
        {{"title", std::string("Old OpenSSL")}, {"cvss", 7.5}, {"owner", member}}, caller));
    seed.ids["risks"] = std::to_string(create_row(store, risk_spec(),
        {{"title", std::string("Phishing")}, {"owner", member}, {"likelihood", std::int64_t {3}},
            {"impact", std::int64_t {3}}},
        caller));
    seed.other_risk = create_row(store, risk_spec(),
        {{"title", std::string("Flood")}, {"owner", Value {seed.other_person}}, {"likelihood", std::int64_t {1}},
            {"impact", std::int64_t {4}}},
        caller);
    seed.ids["nonconformities"] = std::to_string(create_row(
        store, nonconformity_spec(), {{"title", std::string("No access review")}, {"owner", member}}, caller));
    seed.ids["kpis"] = std::to_string(create_row(store, kpi_spec(),
        {{"name", std::string("Awareness training done")}, {"target", 90.0}, {"unit", std::string("%")},
            {"owner", member}},
        caller));
    seed.ids["actions"] = std::to_string(create_row(
        store, action_spec(), {{"title", std::string("Enable MFA")}, {"owner", member}, {"due", date(14)}}, caller));
    seed.ids["lessons"] = std::to_string(
        create_row(store, lesson_spec(), {{"title", std::string("Encrypt laptops")}, {"owner", member}}, caller));
    seed.series = create_row(store, series_spec(),
        {{"name", std::string("ISMS maintenance")}, {"type", std::string("maintenance")},
            {"cadence", std::string("monthly")}, {"chair", Value {seed.chair_person}}},
        caller);
    seed.ids["meeting-series"] = std::to_string(seed.series);
    must(store.write([&](Tx& tx) -> Result<bool> {
        auto meeting = C9_TRY(plan_meeting(tx, seed.series, caller.now + std::chrono::hours(24), caller));
        seed.meeting = meeting.id;
        C9_TRY(
            record_attendance(tx, meeting.id, {seed.member_person, AttendeeRole::member, Presence::invited}, caller));
        seed.agenda_item = C9_TRY(add_agenda_item(tx, meeting.id, {{"title", std::string("Walk item")}}, caller)).id;
        return true;
    }),
        "seed a meeting");
    seed.ids["meetings"] = std::to_string(seed.meeting);
    seed.ids["users"] = std::to_string(seed.users[As::member]);
    seed.ids["tokens"] = std::to_string(seed.spare_token);
}

namespace {

template <class... T> Result<std::string> render_lists(Tx& tx, const EntitySpec<T>&... specs)
{
    std::string lists;
    Result<void> status;
    auto render = [&](const auto& spec) {
        if (!status)
            return;
        auto page = list_rows(tx, spec, ListQuery {});
        if (!page) {
            status = std::move(page).error();
            return;
        }
        lists += std::string(spec.plural) + ": " + rows_text(spec, page->rows) + "\n";
    };
    (render(specs), ...);
    if (!status)
        return std::move(status).error();
    return lists;
}

} // namespace

RegisterSnapshot register_snapshot(Store& store)
{
    auto snapshot = store.read([](Tx& tx) -> Result<RegisterSnapshot> {
        RegisterSnapshot out;
        out.version = C9_TRY(data_version(tx));
        out.lists = C9_TRY(render_lists(tx, person_spec(), control_spec(), activity_spec(), incident_spec(),
            vulnerability_spec(), risk_spec(), nonconformity_spec(), kpi_spec(), action_spec(), lesson_spec(),
            series_spec(), meeting_spec()));
        return out;
    });
    EXPECT_TRUE(snapshot) << snapshot.error().message();
    return snapshot ? *snapshot : RegisterSnapshot {};
}

std::string to_string(As as)
{
    switch (as) {
    case As::anonymous:
        return "anonymous";
    case As::admin:
        return "admin";
    case As::chair:
        return "chair";
    case As::member:
        return "member";
    case As::auditor:
        return "auditor";
    }
    return "?";
}

Json Reply::json() const
{
    auto parsed = Json::parse(body, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << body;
    return parsed;
}

std::string Reply::describe() const { return "status " + std::to_string(status) + ": " + body.substr(0, 600); }

ServerProcess::~ServerProcess()
{
    if (m_pid > 0)
        stop(SIGKILL);
}

void ServerProcess::start(
    const std::string& db, const std::string& dir, std::vector<std::string> extra_args, const std::string& now)
{
    m_log_path = dir + "/server.log";
    int out[2];
    if (pipe(out) != 0)
        throw std::runtime_error("pipe failed");
    m_pid = fork();
    if (m_pid == 0) {
        int log = open(m_log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(out[1], 1);
        dup2(log, 2);
        close(out[0]);
        close(out[1]);
        if (now.empty())
            unsetenv("CLAUSE9_NOW");
        else
            setenv("CLAUSE9_NOW", now.c_str(), 1);
        std::vector<std::string> args {
            CLAUSE9_BINARY, "--db", db, "serve", "--listen", "127.0.0.1:0", "--workers", "4"};
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    // "clause9: serving http://127.0.0.1:PORT from ..."
    std::string line;
    char c = 0;
    pollfd descriptor {out[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&descriptor, 1, 30'000) > 0 && read(out[0], &c, 1) == 1)
        line += c;
    close(out[0]);
    auto at = line.find("127.0.0.1:");
    if (at == std::string::npos)
        throw std::runtime_error("the server did not start: " + line + log());
    m_port = static_cast<uint16_t>(std::stoi(line.substr(at + 10)));
}

int ServerProcess::stop(int signal)
{
    if (m_pid <= 0)
        return -1;
    kill(m_pid, signal);
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string ServerProcess::log() const { return test::read_file(m_log_path); }

void ApiTest::SetUp()
{
    m_database = std::make_unique<test::TestDatabase>();
    seed_database(store(), seed);
    server.start(db_path(), work_dir(), server_args(), server_now());
}

void ApiTest::TearDown()
{
    int status = server.stop();
    if (status != -1) {
        EXPECT_EQ(status, 0) << server.log();
    }
    // No request may have made the server fail: a 500 is a bug whatever the input.
    EXPECT_EQ(server.log().find("status=500"), std::string::npos) << server.log();
}

Reply ApiTest::raw(
    std::string_view method, std::string_view target, std::vector<std::string> headers, std::string_view body)
{
    auto response = http::test::fetch(server.port(), method, target, std::move(headers), body);
    Reply reply;
    if (!response)
        return reply;
    reply.status = response->status;
    reply.headers = response->headers;
    reply.body = response->body;
    return reply;
}

Reply ApiTest::request(std::string_view method, std::string_view target, As as, const std::optional<Json>& body,
    std::vector<std::string> headers)
{
    if (as != As::anonymous)
        headers.push_back("Authorization: Bearer " + seed.tokens.at(as));
    std::string text;
    if (body) {
        text = body->dump();
        headers.push_back("Content-Type: application/json");
    }
    return raw(method, target, std::move(headers), text);
}

Reply ApiTest::patch(std::string_view target, const Json& body, std::int64_t version, As as)
{
    return request("PATCH", target, as, body, {"If-Match: \"" + std::to_string(version) + "\""});
}

Reply ApiTest::login(std::string_view email, std::string_view password, std::vector<std::string> headers)
{
    headers.push_back("Content-Type: application/json");
    return raw("POST", "/api/v1/session", std::move(headers), Json {{"email", email}, {"password", password}}.dump());
}

void exec_sql(const std::string& db, const std::string& statement)
{
    try {
        test::exec_sql(db, statement);
    } catch (const std::exception& exception) {
        ADD_FAILURE() << exception.what();
    }
}

std::string cookie_value(const Reply& reply, std::string_view name)
{
    for (auto header : reply.headers.get_all("Set-Cookie")) {
        std::string prefix = std::string(name) + "=";
        if (header.starts_with(prefix))
            return std::string(header.substr(prefix.size(), header.find(';') - prefix.size()));
    }
    return {};
}

} // namespace c9::api_test
