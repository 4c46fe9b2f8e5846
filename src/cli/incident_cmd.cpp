#include "cli/commands.h"
#include "cli/verb_command.h"
#include "core/incident.h"

namespace c9 {

void add_incident_commands(CLI::App& root, CliContext& context)
{
    const auto& spec = incident_spec();
    auto* noun = add_register_commands(root, context, spec, {"incident", "Information security incidents"});
    add_verb_command(noun, context, spec, "close",
                     "Close an incident after its review (high and critical need root cause and lessons learned)",
                     {"root_cause", "lessons_learned", "response_effectiveness", "resolved_at"},
                     [](const Caller& caller) { return Patch{{"closed_at", format_timestamp(caller.now)}}; });
}

} // namespace c9
