#include "cli/commands.h"
#include "cli/verb_command.h"
#include "core/vulnerability.h"

namespace c9 {

void add_vulnerability_commands(CLI::App& root, CliContext& context)
{
    const auto& spec = vulnerability_spec();
    auto* noun = add_register_commands(root, context, spec,
                                       {"vuln", "Technical vulnerabilities with CVSS severity and remediation SLA"});
    add_verb_command(noun, context, spec, "close",
                     "Close a vulnerability: remediated by default, or --status risk_accepted/false_positive with a "
                     "--resolution",
                     {"status", "resolution", "resolved_on"}, [](const Caller&) { return Patch{}; });
}

} // namespace c9
