#include "cli/commands.h"
#include "cli/register_commands.h"
#include "core/control.h"

namespace c9 {

void add_control_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(root, context, control_spec(),
                          {"control", "Annex A controls and the Statement of Applicability", false});
}

} // namespace c9
