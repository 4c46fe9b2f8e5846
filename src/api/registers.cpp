// Every register's routes, with the verbs its spec declares (api/register_routes.h).
#include "api/register_routes.h"
#include "core/all_registers.h"

namespace c9 {

void add_register_routes(Routes& routes)
{
    for_each_register([&](const auto& spec) { add_register_routes(routes, spec); });
}

} // namespace c9
