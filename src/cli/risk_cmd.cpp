#include "cli/commands.h"
#include "cli/verb_command.h"
#include "core/risk.h"

namespace c9 {

void add_risk_commands(CLI::App& root, CliContext& context)
{
    const auto& spec = risk_spec();
    auto* noun = add_register_commands(root, context, spec, {"risk", "Risk register: assessment and treatment"});
    add_verb_command(noun, context, spec, "close", "Close a risk that no longer applies", {"description"},
                     [](const Caller&) { return Patch{{"status", std::string("closed")}}; });
    add_risk_review(noun, context);
}

} // namespace c9
