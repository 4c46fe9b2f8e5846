// Each command family registers itself on the root command.
#pragma once

#include "app/accounts_login.h"
#include "cli/context.h"

#include <chrono>

namespace c9 {

void add_init_command(CLI::App& root, CliContext& context);
void add_demo_command(CLI::App& root, CliContext& context);
void add_config_command(CLI::App& root, CliContext& context);
void add_register_commands(CLI::App& root, CliContext& context);
void add_meeting_commands(CLI::App& root, CliContext& context);
void add_meeting_record_commands(CLI::App* meeting, CliContext& context);
void add_decision_log(CLI::App& root, CliContext& context);
void add_agenda_commands(CLI::App& root, CliContext& context);
void add_owner_report(CLI::App* action, CliContext& context);
void add_risk_review(CLI::App* risk, CliContext& context);
void add_kpi_status(CLI::App* kpi, CliContext& context);
void add_summary_command(CLI::App& root, CliContext& context);
void add_user_commands(CLI::App& root, CliContext& context);
void add_token_commands(CLI::App& root, CliContext& context);
void add_audit_commands(CLI::App& root, CliContext& context);
void add_copy_command(CLI::App& root, CliContext& context);

// What `clause9 serve` was asked for, parsed. The server itself is wired by main.cpp, which hands run_cli the
// function that runs it: the CLI links nothing of HTTP, the API or the web UI.
struct ServeRequest {
    std::string db;
    std::string host;
    uint16_t port = 8027;
    SessionPolicy sessions;
    bool secure_cookies = false;
    bool behind_tls = false;
    std::chrono::seconds drain_timeout{10};
    size_t max_connections = 4096;
    size_t body_limit = 1024 * 1024;
    size_t list_cache_bytes = 16 << 20;
    size_t workers = 0; // 0: as many as suit the engine (main.cpp)
    size_t io_threads = 1;
    bool quiet = false;
};
using ServeFunction = std::function<Result<void>(const ServeRequest&)>;
void add_serve_command(CLI::App& root, CliContext& context, ServeFunction serve);

// Parses the command line, runs the command and returns the exit status.
int run_cli(int argc, char** argv, ServeFunction serve);

} // namespace c9
