#include "cli/commands.h"

namespace c9 {

void add_demo_command(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand("demo", "Fill the database with a realistic demo organisation");
    on_run(command, context, []() -> Result<void> { return Error::internal("not yet"); });
}

} // namespace c9
