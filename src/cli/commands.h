// Each command family registers itself on the root command.
#pragma once

#include "cli/context.h"

namespace c9 {

void add_init_command(CLI::App& root, CliContext& context);
void add_demo_command(CLI::App& root, CliContext& context);
void add_config_command(CLI::App& root, CliContext& context);
void add_person_commands(CLI::App& root, CliContext& context);
void add_control_commands(CLI::App& root, CliContext& context);
void add_activity_commands(CLI::App& root, CliContext& context);
void add_incident_commands(CLI::App& root, CliContext& context);
void add_vulnerability_commands(CLI::App& root, CliContext& context);
void add_risk_commands(CLI::App& root, CliContext& context);
void add_nonconformity_commands(CLI::App& root, CliContext& context);
void add_kpi_commands(CLI::App& root, CliContext& context);
void add_action_commands(CLI::App& root, CliContext& context);
void add_lesson_commands(CLI::App& root, CliContext& context);
void add_series_commands(CLI::App& root, CliContext& context);
void add_meeting_commands(CLI::App& root, CliContext& context);
void add_meeting_record_commands(CLI::App* meeting, CliContext& context);
void add_agenda_commands(CLI::App& root, CliContext& context);
void add_owner_report(CLI::App* action, CliContext& context);
void add_risk_review(CLI::App* risk, CliContext& context);
void add_kpi_status(CLI::App* kpi, CliContext& context);
void add_summary_command(CLI::App& root, CliContext& context);
void add_user_commands(CLI::App& root, CliContext& context);
void add_token_commands(CLI::App& root, CliContext& context);
void add_audit_commands(CLI::App& root, CliContext& context);
void add_serve_command(CLI::App& root, CliContext& context);
void add_copy_command(CLI::App& root, CliContext& context);

int run_cli(int argc, char** argv);

} // namespace c9
