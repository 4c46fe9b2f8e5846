#include "cli/commands.h"
#include "cli/verb_command.h"
#include "core/nonconformity.h"

namespace c9 {

void add_nonconformity_commands(CLI::App& root, CliContext& context)
{
    const auto& spec = nonconformity_spec();
    auto* noun = add_register_commands(root, context, spec, {"nc", "Nonconformities and corrective actions (10.2)"});
    add_verb_command(noun, context, spec, "close",
                     "Close a nonconformity once the corrective action proved effective (10.2 d)",
                     {"root_cause", "corrective_action", "effectiveness_check", "effective"},
                     [](const Caller&) { return Patch{{"status", std::string("closed")}}; });
}

} // namespace c9
