#include "test_support.h"

#include "app/setup.h"

#include <atomic>
#include <cctype>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace c9::test {

TempDir::TempDir()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "clause9-test-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir()
{
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

Engine test_engine()
{
    const char* state = std::getenv("CLAUSE9_TEST_POSTGRESQL");
    return state && *state ? Engine::postgresql : Engine::sqlite;
}


namespace {

// The test server's admin URL, from the state scripts/test-postgres.sh wrote.
std::string postgresql_admin_url()
{
    const char* state = std::getenv("CLAUSE9_TEST_POSTGRESQL");
    if (!state || !*state)
        throw std::runtime_error("CLAUSE9_TEST_POSTGRESQL is not set: the PostgreSQL variants of the suites run "
                                 "under ctest, which starts the server with scripts/test-postgres.sh");
    auto url = read_file(std::string(state) + "/url");
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back())))
        url.pop_back();
    if (url.empty())
        throw std::runtime_error(std::string("no test PostgreSQL server: ") + state
                                 + "/url is missing (did the postgresql_server fixture fail?)");
    return url;
}

// The URL of another database on the same server.
std::string with_database(const std::string& url, const std::string& database)
{
    auto slash = url.rfind('/');
    return url.substr(0, slash + 1) + database;
}

std::string unique_database_name(const std::string& hint)
{
    static std::atomic<int> counter{0};
    std::string name = "c9t_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_";
    for (char c : hint)
        name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    return name.substr(0, 60);
}

void exec_postgresql(const std::string& url, const std::string& statement)
{
    PGconn* connection = PQconnectdb(url.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection);
        PQfinish(connection);
        throw std::runtime_error("cannot connect to " + url + ": " + message);
    }
    PGresult* result = PQexec(connection, statement.c_str());
    auto status = PQresultStatus(result);
    std::string message = PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(connection);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error(statement + ": " + message);
}

void exec_sqlite(const std::string& path, const std::string& statement)
{
    sqlite3* connection = nullptr;
    if (sqlite3_open_v2(path.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        std::string message = connection ? sqlite3_errmsg(connection) : "out of memory";
        sqlite3_close(connection);
        throw std::runtime_error("cannot open " + path + ": " + message);
    }
    sqlite3_busy_timeout(connection, 10'000);
    char* error = nullptr;
    int status = sqlite3_exec(connection, statement.c_str(), nullptr, nullptr, &error);
    std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(connection);
    if (status != SQLITE_OK)
        throw std::runtime_error(statement + ": " + message);
}

} // namespace

void exec_sql(const std::string& url, const std::string& statement)
{
    if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
        exec_postgresql(url, statement);
    else
        exec_sqlite(url, statement);
}

std::string empty_database_url(Engine engine, const TempDir& dir, const std::string& name)
{
    if (engine == Engine::sqlite)
        return dir.file(name + ".db");
    auto admin = postgresql_admin_url();
    auto database = unique_database_name(name);
    exec_postgresql(admin, "CREATE DATABASE " + database);
    return with_database(admin, database);
}

TestDatabase::TestDatabase(Engine engine) : m_engine(engine)
{
    m_dir = std::make_unique<TempDir>();
    if (engine == Engine::sqlite) {
        m_url = m_dir->file("test.db");
    } else {
        auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        m_url = empty_database_url(engine, *m_dir, test ? test->name() : "db");
        m_postgresql_name = m_url.substr(m_url.rfind('/') + 1);
    }
    auto opened = Store::open(m_url);
    if (!opened)
        throw std::runtime_error(opened.error().message());
    m_store = std::move(*opened);
    auto initialized = initialize(*m_store, caller_at());
    if (!initialized)
        throw std::runtime_error(initialized.error().message());
}

TestDatabase::~TestDatabase()
{
    m_store.reset();
    if (!m_postgresql_name.empty()) {
        try {
            exec_postgresql(postgresql_admin_url(), "DROP DATABASE IF EXISTS " + m_postgresql_name + " WITH (FORCE)");
        } catch (const std::exception& exception) {
            ADD_FAILURE() << exception.what();
        }
    }
}

Timestamp at(const std::string& iso)
{
    auto parsed = parse_timestamp(iso);
    if (!parsed)
        throw std::invalid_argument("bad timestamp in test: " + iso);
    return *parsed;
}

Date day(const std::string& iso)
{
    auto parsed = parse_date(iso);
    if (!parsed)
        throw std::invalid_argument("bad date in test: " + iso);
    return *parsed;
}

Caller caller_at(const std::string& iso, const std::string& actor) { return Caller{actor, std::nullopt, at(iso), Standing::local}; }

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Run run_clause9(const std::vector<std::string>& args, const std::string& dir, const std::string& now,
                const std::string& input)
{
    TempDir io;
    auto out_path = io.file("out"), err_path = io.file("err"), in_path = io.file("in");
    {
        std::ofstream in(in_path);
        in << input;
    }
    pid_t child = fork();
    if (child == 0) {
        if (chdir(dir.c_str()) != 0)
            _exit(127);
        int in_fd = open(in_path.c_str(), O_RDONLY);
        int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        dup2(in_fd, 0);
        dup2(out_fd, 1);
        dup2(err_fd, 2);
        if (now.empty())
            unsetenv("CLAUSE9_NOW");
        else
            setenv("CLAUSE9_NOW", now.c_str(), 1);
        unsetenv("CLAUSE9_DB");
        setenv("USER", "tester", 1);
        std::vector<char*> argv;
        std::string binary = CLAUSE9_BINARY;
        argv.push_back(binary.data());
        std::vector<std::string> copies(args);
        for (auto& arg : copies)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    Run run;
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = read_file(out_path);
    run.err = read_file(err_path);
    return run;
}

} // namespace c9::test
