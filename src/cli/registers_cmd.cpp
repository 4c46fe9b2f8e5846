// One noun per register, its commands generated from the register's spec (cli/register_commands.h), and the
// reports some registers add.
#include "cli/commands.h"
#include "cli/register_commands.h"
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

void add_register_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(
        root, context, person_spec(), {"person", "People: owners of risks and actions, meeting attendees"});
    add_register_commands(
        root, context, control_spec(), {"control", "Annex A controls and the Statement of Applicability"});
    add_register_commands(root, context, activity_spec(),
        {"activity", "Recurring maintenance activities and their completion log"});
    add_register_commands(root, context, incident_spec(), {"incident", "Information security incidents"});
    add_register_commands(root, context, vulnerability_spec(),
        {"vuln", "Technical vulnerabilities with CVSS severity and remediation SLA"});
    add_risk_review(
        add_register_commands(root, context, risk_spec(), {"risk", "Risk register: assessment and treatment"}),
        context);
    add_register_commands(
        root, context, nonconformity_spec(), {"nc", "Nonconformities and corrective actions (10.2)"});
    add_kpi_status(
        add_register_commands(root, context, kpi_spec(), {"kpi", "Key performance indicators (9.1)"}), context);
    add_owner_report(
        add_register_commands(root, context, action_spec(), {"action", "Action items: the one global tracker"}),
        context);
    add_register_commands(root, context, lesson_spec(), {"lesson", "Lessons learned from incidents and meetings"});
    add_register_commands(
        root, context, series_spec(), {"series", "Meeting series: maintenance meetings, management reviews, ..."});
}

} // namespace c9
