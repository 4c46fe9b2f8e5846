#include "app/setup.h"
#include "cli/commands.h"

#include <fmt/format.h>
#include <iostream>

namespace c9 {

void add_init_command(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand(
        "init", "Create the database or migrate it to this version, and load the Annex A catalog (safe to repeat)");
    on_run(command, context, [&context]() -> Result<void> {
        auto* store = C9_TRY(context.open(CliContext::Open::create));
        auto report = C9_TRY(initialize(*store, context.caller()));
        if (context.json) {
            print_json({{"schema_version", report.schema_version},
                        {"migrations_run", report.migrations_run},
                        {"controls_added", report.controls_added},
                        {"controls_total", report.controls_total}});
            return {};
        }
        std::cout << fmt::format("{}: schema version {} ({} migration{} run), {} of {} Annex A controls added\n",
                                 store->description(), report.schema_version, report.migrations_run,
                                 report.migrations_run == 1 ? "" : "s", report.controls_added,
                                 report.controls_total);
        return {};
    });
}

} // namespace c9
