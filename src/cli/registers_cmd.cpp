// One noun per register, its commands generated from the register's spec (cli/register_commands.h), and the
// reports some registers add.
#include "app/links.h"
#include "cli/commands.h"
#include "cli/register_commands.h"
#include "core/action_item.h"
#include "core/activity.h"
#include "core/asset.h"
#include "core/context.h"
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

namespace {

// 6.1.3 d: the Statement of Applicability as the auditor reads it, each control with the open risks that need it.
void add_soa_command(CLI::App* control_noun, CliContext& context)
{
    auto* command = control_noun->add_subcommand("soa",
        "The Statement of Applicability: per control its applicability, justification, status and the open risks "
        "that need it (6.1.3 d)");
    auto unanswered = std::make_shared<bool>(false);
    command->add_flag("--unanswered", *unanswered, "only controls whose applicability is not answered yet");
    on_run(command, context, [&context, unanswered]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto lines = C9_TRY(statement_of_applicability(*store));
        if (*unanswered)
            std::erase_if(lines, [](const SoaLine& line) { return line.control.applicable.has_value(); });
        if (context.json) {
            print_json(soa_json(lines));
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& line : lines) {
            const auto& control = line.control;
            std::string risks;
            for (const auto& risk : line.risks)
                risks += (risks.empty() ? "" : ", ") + risk;
            rows.push_back({control.code, control.title,
                !control.applicable       ? "?"
                    : *control.applicable ? "yes"
                                          : "no",
                control.justification.value_or(""), std::string(to_string(control.status)), risks});
        }
        print_text_table(std::cout, {"control", "title", "applicable", "justification", "status", "risks"}, rows);
        return {};
    });
}

} // namespace

void add_register_commands(CLI::App& root, CliContext& context)
{
    add_register_commands(
        root, context, person_spec(), {"person", "People: owners of risks and actions, meeting attendees"});
    add_soa_command(add_register_commands(root, context, control_spec(),
                        {"control", "Annex A controls and the Statement of Applicability"}),
        context);
    add_register_commands(root, context, asset_spec(),
        {"asset",
            "Asset inventory (5.9): owner, classification, and the risks, vulnerabilities and incidents of each"});
    add_register_commands(
        root, context, context_spec(), {"context", "External and internal issues of the organisation's context (4.1)"});
    add_register_commands(
        root, context, party_spec(), {"party", "Interested parties and their information security requirements (4.2)"});
    add_register_commands(root, context, feedback_spec(), {"feedback", "Feedback from interested parties (9.3.2 e)"});
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
