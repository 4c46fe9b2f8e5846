// A fresh database with a few rows and one account per role, served by the real `clause9 serve` on an ephemeral
// port, and a small client that speaks to it as any of those accounts.
#pragma once

#include "app/accounts.h"
#include "test_client.h"
#include "test_support.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace c9::api_test {

using Json = nlohmann::json;

enum class As { anonymous, admin, chair, member, auditor };
std::string to_string(As as);
inline constexpr As all_callers[] = {As::anonymous, As::admin, As::chair, As::member, As::auditor};

// Every seeded account signs in with this password.
inline constexpr std::string_view fixture_password = "correct horse battery staple";

struct Reply {
    int status = 0;
    http::Headers headers;
    std::string body;

    Json json() const;
    std::string header(std::string_view name) const { return std::string(headers.get(name).value_or("")); }
    // "status 422: {...}" for assertion messages.
    std::string describe() const;
};

// The rows the fixture creates, all owned by (or attended by) the member's person unless named otherwise.
struct Seed {
    Id member_person = 0, chair_person = 0, other_person = 0;
    std::map<As, Id> users;
    std::map<As, std::string> tokens;
    Id spare_token = 0; // a token of the member's, for DELETE /api/v1/tokens/{id}
    std::map<std::string, std::string> ids; // collection -> a row id in it: "risks" -> "1", "controls" -> "5.1"
    Id series = 0, meeting = 0, agenda_item = 0;
    Id other_risk = 0; // owned by the other person
};

// The `clause9 serve` child process.
class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts the server on 127.0.0.1:0 and waits for the line saying where it listens. With `now`, the server's
    // clock is pinned there (CLAUSE9_NOW), as a CLI run's is.
    void start(const std::string& db, const std::string& dir, std::vector<std::string> extra_args = {},
        const std::string& now = {});
    // Sends the signal and waits for the process; returns its exit status (128 + signal when killed).
    int stop(int signal = SIGTERM);
    uint16_t port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    std::string log() const; // what the server wrote to stderr

private:
    pid_t m_pid = -1;
    uint16_t m_port = 0;
    std::string m_log_path;
};

class ApiTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Options for the server of this test; override to change them.
    virtual std::vector<std::string> server_args() const { return {}; }
    // The server's pinned clock, if any; override to pin it.
    virtual std::string server_now() const { return {}; }

    Reply request(std::string_view method, std::string_view target, As as, const std::optional<Json>& body = {},
        std::vector<std::string> headers = {});
    Reply raw(
        std::string_view method, std::string_view target, std::vector<std::string> headers, std::string_view body = {});
    Reply get(std::string_view target, As as = As::admin) { return request("GET", target, as); }
    Reply post(std::string_view target, const Json& body, As as = As::admin)
    {
        return request("POST", target, as, body);
    }
    Reply put(std::string_view target, const Json& body, As as = As::admin) { return request("PUT", target, as, body); }
    Reply del(std::string_view target, As as = As::admin) { return request("DELETE", target, as); }
    Reply patch(std::string_view target, const Json& body, std::int64_t version, As as = As::admin);

    // Signs in with a password; the cookies come back in the Set-Cookie headers.
    Reply login(std::string_view email, std::string_view password, std::vector<std::string> headers = {});

    Store& store() { return m_database->store(); }
    const std::string& db_path() const { return m_database->url(); }
    // A temporary directory of the test (the server's log, files of CLI runs).
    std::string work_dir() const { return m_database->dir().path().string(); }
    std::string email_of(As as) const { return to_string(as) + "@example.org"; }

    std::unique_ptr<test::TestDatabase> m_database;
    ServerProcess server;
    Seed seed;
};

// The rows of a fresh fixture database: people, one row of every register, a series with a meeting, an account
// and a token per role. Seeded twice at the same pinned time, two databases hold the same rows.
void seed_database(Store& store, Seed& seed);

// Every register's rows as its list renders them (api/row_writer.h), and the data version (store/audit_log.h) read
// before them in the same transaction: a change to the rows that leaves the version alone would let the server's
// page cache serve a stale list.
struct RegisterSnapshot {
    std::int64_t version = 0;
    std::string lists;
};
RegisterSnapshot register_snapshot(Store& store);

// Runs SQL on the database directly, bypassing the server, as an attacker or a careless admin would.
void exec_sql(const std::string& db, const std::string& statement);

// The value of a cookie in the response's Set-Cookie headers.
std::string cookie_value(const Reply& reply, std::string_view name);

} // namespace c9::api_test
