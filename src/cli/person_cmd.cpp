#include "cli/commands.h"
#include "cli/register_commands.h"
#include "core/person.h"

namespace c9 {

void add_person_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(root, context, person_spec(),
                          {"person", "People: owners of risks and actions, meeting attendees"});
}

} // namespace c9
