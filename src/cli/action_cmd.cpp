#include "cli/commands.h"
#include "cli/verb_command.h"
#include "core/action_item.h"

namespace c9 {

void add_action_commands(CLI::App& root, CliContext& context)
{
    const auto& spec = action_spec();
    auto* noun = add_register_commands(root, context, spec, {"action", "Action items: the one global tracker"});
    add_verb_command(noun, context, spec, "done", "Mark an action item done", {"progress"},
                     [](const Caller&) { return Patch{{"status", std::string("done")}}; });
    add_verb_command(noun, context, spec, "cancel", "Cancel an action item (--progress says why)", {"progress"},
                     [](const Caller&) { return Patch{{"status", std::string("cancelled")}}; });
    add_owner_report(noun, context);
}

} // namespace c9
