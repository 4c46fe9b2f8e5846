// Every register's routes, with the verbs its spec declares (api/register_routes.h).
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
    add_register_routes(routes, vulnerability_spec());
    add_register_routes(routes, risk_spec());
    add_register_routes(routes, nonconformity_spec());
    add_register_routes(routes, kpi_spec());
    add_register_routes(routes, action_spec());
    add_register_routes(routes, lesson_spec());
    add_register_routes(routes, series_spec());
    // Meetings are planned from their series (POST /api/v1/meeting-series/{id}/meetings), which invites its members.
    add_register_routes(routes, meeting_spec(), {.can_create = false});
}

} // namespace c9
