#include "cli/commands.h"
#include "cli/register_commands.h"
#include "core/lesson.h"

namespace c9 {

void add_lesson_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(root, context, lesson_spec(), {"lesson", "Lessons learned from incidents and meetings"});
}

} // namespace c9
