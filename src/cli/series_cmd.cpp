#include "cli/commands.h"
#include "cli/register_commands.h"
#include "core/meeting.h"

namespace c9 {

void add_series_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(root, context, series_spec(),
                          {"series", "Meeting series: maintenance meetings, management reviews, ..."});
}

} // namespace c9
