#include "test_support.h"

#include "app/setup.h"

#include <atomic>
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

std::vector<Engine> test_engines()
{
    return {Engine::sqlite};
}

std::string engine_name(Engine engine) { return engine == Engine::sqlite ? "sqlite" : "postgresql"; }

TestDatabase::TestDatabase(Engine engine)
{
    (void)engine;
    m_dir = std::make_unique<TempDir>();
    m_url = m_dir->file("test.db");
    auto opened = Store::open(m_url);
    if (!opened)
        throw std::runtime_error(opened.error().message());
    m_store = std::move(*opened);
    auto initialized = initialize(*m_store, caller_at());
    if (!initialized)
        throw std::runtime_error(initialized.error().message());
}

TestDatabase::~TestDatabase() = default;

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

Caller caller_at(const std::string& iso, const std::string& actor) { return Caller{actor, std::nullopt, at(iso)}; }

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
