// Every register's routes, and the verbs that end or move a row's life, as the CLI has them (cli/*_cmd.cpp).
#include "api/register_routes.h"
#include "core/action_item.h"
#include "core/activity.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"

namespace c9 {

void add_register_routes(Routes& routes)
{
    add_register_routes(routes, person_spec());
    add_register_routes(routes, control_spec(), {.can_create = false});
    add_register_routes(routes, activity_spec());

    add_register_routes(routes, incident_spec());
    add_verb_route(routes, incident_spec(), "close",
        {"root_cause", "lessons_learned", "response_effectiveness", "resolved_at"},
        [](const Caller& caller, const Patch&) {
            return Patch {{"closed_at", format_timestamp(caller.now)}};
        });

    add_register_routes(routes, vulnerability_spec());
    // Remediated unless the body says risk_accepted or false_positive (control 8.8).
    add_verb_route(routes, vulnerability_spec(), "close", {"status", "resolution", "resolved_on"},
        [](const Caller&, const Patch& given) {
            bool has_status = std::any_of(
                given.begin(), given.end(), [](const FieldInput& input) { return input.field == "status"; });
            return has_status ? Patch {} : Patch {{"status", std::string("remediated")}};
        });

    add_register_routes(routes, risk_spec());
    add_verb_route(routes, risk_spec(), "close", {"description"}, [](const Caller&, const Patch&) {
        return Patch {{"status", std::string("closed")}};
    });

    add_register_routes(routes, nonconformity_spec());
    // 10.2 d): closed once the corrective action proved effective.
    add_verb_route(routes, nonconformity_spec(), "close",
        {"root_cause", "corrective_action", "effectiveness_check", "effective"}, [](const Caller&, const Patch&) {
            return Patch {{"status", std::string("closed")}};
        });

    add_register_routes(routes, kpi_spec());

    add_register_routes(routes, action_spec());
    add_verb_route(routes, action_spec(), "done", {"progress"}, [](const Caller&, const Patch&) {
        return Patch {{"status", std::string("done")}};
    });
    add_verb_route(routes, action_spec(), "cancel", {"progress"}, [](const Caller&, const Patch&) {
        return Patch {{"status", std::string("cancelled")}};
    });

    add_register_routes(routes, lesson_spec());
    add_register_routes(routes, series_spec(), {.write = Permission::manage_meetings});
    add_register_routes(routes, meeting_spec(), {.write = Permission::manage_meetings});
}

} // namespace c9
