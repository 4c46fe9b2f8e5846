#include "cli/commands.h"
#include "cli/register_commands.h"
#include "core/meeting.h"

namespace c9 {

void add_meeting_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(root, context, meeting_spec(), {"meeting", "Meetings of a series: agenda, record, minutes"});
}

} // namespace c9
