#include "demo/demo.h"
#include "cli/commands.h"
#include "export/renderers.h"

#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace c9 {

namespace {

using Clock = std::chrono::steady_clock;

// Progress on stderr. On a terminal a bar redrawn in place, shown only once the run takes more than a moment; in a
// redirected log a plain line every few seconds after the first second, so a log never fills with redraws.
class ProgressReport {
public:
    ProgressReport() : m_terminal(isatty(STDERR_FILENO) == 1), m_started(Clock::now()) { }

    void update(std::int64_t done, std::int64_t total, std::string_view stage)
    {
        auto now = Clock::now();
        auto elapsed = now - m_started;
        int percent = total > 0 ? static_cast<int>(100 * done / total) : 100;
        if (m_terminal) {
            if (elapsed < std::chrono::milliseconds(300) || now - m_last < std::chrono::milliseconds(100))
                return;
            constexpr int width = 30;
            int filled = width * percent / 100;
            std::cerr << fmt::format(
                "\r[{}{}] {:3}% {:<24}", std::string(filled, '#'), std::string(width - filled, '.'), percent, stage)
                      << std::flush;
            m_drawn = true;
        } else {
            if (elapsed < std::chrono::seconds(1) || (m_lines > 0 && now - m_last < std::chrono::seconds(5)))
                return;
            std::cerr << fmt::format("clause9 demo: {}% ({})\n", percent, stage);
            ++m_lines;
        }
        m_last = now;
    }

    void finish()
    {
        if (m_drawn)
            std::cerr << '\r' << std::string(70, ' ') << '\r' << std::flush;
        m_drawn = false;
    }

    double seconds() const { return std::chrono::duration<double>(Clock::now() - m_started).count(); }

private:
    bool m_terminal;
    bool m_drawn = false;
    int m_lines = 0;
    Clock::time_point m_started;
    Clock::time_point m_last {};
};

Json counts_json(const DemoCounts& counts)
{
    return {{"people", counts.people}, {"controls", counts.controls}, {"assets", counts.assets},
        {"feedback", counts.feedback}, {"activities", counts.activities}, {"completions", counts.completions},
        {"incidents", counts.incidents}, {"vulnerabilities", counts.vulnerabilities}, {"risks", counts.risks},
        {"risk_scores", counts.risk_scores}, {"kpis", counts.kpis}, {"measurements", counts.measurements},
        {"series", counts.series}, {"meetings", counts.meetings}, {"sealed_minutes", counts.sealed_minutes},
        {"attendance", counts.attendance}, {"decisions", counts.decisions}, {"actions", counts.actions},
        {"nonconformities", counts.nonconformities}, {"lessons", counts.lessons}};
}

} // namespace

void add_demo_command(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand("demo",
        "Create a realistic demo organisation in a new database: people, SoA, a year of maintenance, incidents, "
        "vulnerabilities, risks, KPIs and meetings");
    auto options = std::make_shared<DemoOptions>();
    command
        ->add_option("--scale", options->scale,
            "multiply people, activities, incidents, vulnerabilities, risks, actions, nonconformities and "
            "lessons (default 1: about 40 people)")
        ->check(CLI::Range(1, 1000));
    command->add_option("--years", options->years, "years of history at the same monthly rate (default 1)")
        ->check(CLI::Range(1, 50));
    command->add_option("--seed", options->seed,
        fmt::format("seed of the generator; the same seed and day give the same demo (default {})", default_demo_seed));
    on_run(command, context, [&context, options]() -> Result<void> {
        auto* store = C9_TRY(context.open(CliContext::Open::create));
        ProgressReport progress;
        auto counts = create_demo(*store, *options, context.caller(), minutes_renderers(),
            [&](std::int64_t done, std::int64_t total, std::string_view stage) {
                progress.update(done, total, stage);
            });
        progress.finish();
        if (!counts)
            return std::move(counts).error();
        if (context.json) {
            print_json({{"database", store->description()}, {"scale", options->scale}, {"years", options->years},
                {"seed", options->seed}, {"seconds", std::round(progress.seconds() * 100) / 100},
                {"counts", counts_json(*counts)}});
            return {};
        }
        std::cout << fmt::format("Demo organisation created in the {} in {:.1f} s: {} people, {} controls answered, "
                                 "{} activities ({} completions), {} incidents, {} vulnerabilities, {} risks, {} KPIs, "
                                 "{} meetings, {} action items, {} nonconformities, {} lessons learned\n",
            store->description(), progress.seconds(), counts->people, counts->controls, counts->activities,
            counts->completions, counts->incidents, counts->vulnerabilities, counts->risks, counts->kpis,
            counts->meetings, counts->actions, counts->nonconformities, counts->lessons);
        return {};
    });
}

} // namespace c9
