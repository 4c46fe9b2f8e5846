#include "cli/register_commands.h"

namespace c9 {

std::string option_names(std::string_view field)
{
    std::string dashed(field);
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    if (dashed == field)
        return "--" + dashed;
    return "--" + dashed + ",--" + std::string(field);
}

} // namespace c9
