// Measures the agenda build for the next meeting on demo databases: scale 1, 10 and 100 with one year of history,
// and one and twenty years at the same monthly rate. Prints the median and p90 of repeated builds after a warm-up.
//
//   bench_agenda [--quick] [--postgresql ADMIN_URL]
//
// With --postgresql (a server where the URL's user may create databases, as bench/postgresql/run.sh starts) each
// demo is also copied into a new PostgreSQL database with `clause9 copy`'s copy_database and measured there, and
// the table shows both engines and their ratio: the engines take turns run by run, and the ratio is the median of
// the ratios of those pairs, so the noise of a shared machine falls on both sides.
//
// "gather+build" is the read side (indexed queries on what changed, then the pure builder); "regenerate" is what
// `clause9 agenda` does on a planned meeting: the same, plus merging into the stored agenda in a write transaction.
#include "app/agenda_input.h"
#include "demo/demo.h"
#include "app/meetings.h"
#include "export/renderers.h"
#include "store/copy.h"
#include "store/settings_store.h"
#include "store/typed.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <unistd.h>

using namespace c9;

namespace {

struct Figures {
    double median_ms = 0;
    double p90_ms = 0;
};

[[noreturn]] void fail(const Error& error)
{
    fmt::print(stderr, "bench_agenda: {}\n", error.message());
    std::exit(1);
}

template <class T>
T must(Result<T> result)
{
    if (!result)
        fail(result.error());
    return std::move(*result);
}


struct Case {
    int scale;
    int years;
};

// A new database on the PostgreSQL server of the admin URL; returns its URL.
std::string create_postgresql_database(const std::string& admin_url, const std::string& name)
{
    PGconn* connection = PQconnectdb(admin_url.c_str());
    if (PQstatus(connection) != CONNECTION_OK)
        fail(Error(ErrorCode::unavailable, std::string("cannot connect to ") + admin_url + ": " +
                                               PQerrorMessage(connection)));
    for (auto statement : {"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name}) {
        PGresult* result = PQexec(connection, statement.c_str());
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            fail(Error(ErrorCode::unavailable, statement + ": " + PQresultErrorMessage(result)));
        PQclear(result);
    }
    PQfinish(connection);
    return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

// One engine's copy of a demo, with the meeting whose agenda is built and the time of each run.
struct EngineRun {
    std::string name;
    std::unique_ptr<Store> store;
    Meeting meeting;
    size_t items = 0;
    std::vector<double> read_side, regenerate;
};

double time_ms(const std::function<void()>& body)
{
    auto start = std::chrono::steady_clock::now();
    body();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void read_side(EngineRun& engine, const Caller& caller)
{
    must(engine.store->read([&](Tx& tx) -> Result<size_t> {
        auto series = C9_TRY(get_row(tx, series_spec(), engine.meeting.series));
        auto rules = C9_TRY(load_rules(tx, caller.now));
        auto input = C9_TRY(gather_agenda_input(tx, engine.meeting, series, rules));
        return build_agenda(input).size();
    }));
}

void regenerate(EngineRun& engine, const Caller& caller)
{
    must(engine.store->write([&](Tx& tx) { return build_meeting_agenda(tx, engine.meeting.id, caller); }));
}

// The engines take turns run by run, so a noisy moment of a shared machine falls on both and the ratio of each
// pair of runs holds; the first runs warm the caches (the statements a PostgreSQL connection keeps prepared and
// their generic plans), as in a server that has been running.
void time_agenda(std::vector<EngineRun>& engines, const Caller& caller, int warmup, int runs)
{
    for (auto& engine : engines) {
        engine.meeting = must(engine.store->read([&](Tx& tx) { return next_planned_meeting(tx, std::nullopt, caller); }));
        engine.items = must(engine.store->write(
                                [&](Tx& tx) { return build_meeting_agenda(tx, engine.meeting.id, caller); }))
                           .size();
        for (int run = 0; run < warmup; ++run) {
            read_side(engine, caller);
            regenerate(engine, caller);
        }
    }
    for (int run = 0; run < runs; ++run)
        for (auto& engine : engines)
            engine.read_side.push_back(time_ms([&] { read_side(engine, caller); }));
    for (int run = 0; run < runs; ++run)
        for (auto& engine : engines)
            engine.regenerate.push_back(time_ms([&] { regenerate(engine, caller); }));
}

Figures figures(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 9 / 10)]};
}

// The median of the run-by-run ratios.
double median_ratio(const std::vector<double>& times, const std::vector<double>& baseline)
{
    std::vector<double> ratios;
    for (size_t index = 0; index < times.size() && index < baseline.size(); ++index)
        ratios.push_back(times[index] / baseline[index]);
    return figures(ratios).median_ms;
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    std::string postgresql;
    for (int index = 1; index < argc; ++index) {
        if (std::strcmp(argv[index], "--quick") == 0)
            quick = true;
        else if (std::strcmp(argv[index], "--postgresql") == 0 && index + 1 < argc)
            postgresql = argv[++index];
        else {
            fmt::print(stderr, "usage: bench_agenda [--quick] [--postgresql ADMIN_URL]\n");
            return 2;
        }
    }
    std::filesystem::path dir = std::filesystem::temp_directory_path() / fmt::format("clause9-bench-agenda-{}", getpid());
    std::filesystem::create_directories(dir);
    std::vector<Case> cases{{1, 1}, {10, 1}, {100, 1}, {1, 20}, {10, 20}};
    if (quick)
        cases = {{1, 1}, {1, 20}};
    int runs = quick ? 5 : 60;
    int warmup = quick ? 2 : 10;
    auto caller = Caller{"bench", std::nullopt, current_time(), Standing::local};

    fmt::print("Agenda build for the next meeting (median / p90 of {} runs after {} to warm up, milliseconds; the\n"
               "engines take turns run by run and the ratio is the median of the pairs)\n",
               runs, warmup);
    fmt::print("{:<14} {:<10} {:>9} {:>9} {:>7} {:>16} {:>16}\n", "demo", "engine", "incidents", "vulns", "items",
               "gather+build", "regenerate");
    for (const auto& test_case : cases) {
        auto path = (dir / fmt::format("scale{}-years{}.db", test_case.scale, test_case.years)).string();
        auto store = must(Store::open(path));
        DemoOptions options;
        options.scale = test_case.scale;
        options.years = test_case.years;
        must(create_demo(*store, options, caller, minutes_renderers()));
        auto incidents = must(store->read([](Tx& tx) { return tx.count(table_of(incident_spec()), {}); }));
        auto vulnerabilities = must(store->read([](Tx& tx) { return tx.count(table_of(vulnerability_spec()), {}); }));

        std::vector<EngineRun> engines;
        engines.push_back({"sqlite", std::move(store), {}, 0, {}, {}});
        if (!postgresql.empty()) {
            auto url = create_postgresql_database(
                postgresql, fmt::format("bench_agenda_{}_{}", test_case.scale, test_case.years));
            auto copy = must(Store::open(url));
            must(copy_database(*engines.front().store, *copy));
            engines.push_back({"postgresql", std::move(copy), {}, 0, {}, {}});
        }
        time_agenda(engines, caller, warmup, runs);
        for (const auto& engine : engines) {
            auto read = figures(engine.read_side);
            auto write = figures(engine.regenerate);
            std::string ratio = &engine == &engines.front()
                ? ""
                : fmt::format("  ({:.1f}x SQLite, {:.1f}x)", median_ratio(engine.read_side, engines.front().read_side),
                              median_ratio(engine.regenerate, engines.front().regenerate));
            fmt::print("scale {:<3} {:>2}y {:<10} {:>9} {:>9} {:>7} {:>7.2f} / {:<7.2f} {:>7.2f} / {:<7.2f}{}\n",
                       test_case.scale, test_case.years, engine.name, incidents, vulnerabilities, engine.items,
                       read.median_ms, read.p90_ms, write.median_ms, write.p90_ms, ratio);
        }
    }
    std::filesystem::remove_all(dir);
    return 0;
}
