#include "cli/commands.h"
#include "export/plain_text.h"

#include <cstdlib>
#include <optional>
#include <iostream>

namespace c9 {

namespace {

std::string default_db()
{
    if (const char* configured = std::getenv("CLAUSE9_DB"); configured && *configured)
        return configured;
    return "clause9.db";
}

// The first word that is not a global option must name a command; CLI11 would only say one is required.
std::optional<std::string> unknown_command(CLI::App& root, int argc, char** argv)
{
    for (int index = 1; index < argc; ++index) {
        std::string_view arg = argv[index];
        if (arg == "--db" || arg == "--as") {
            ++index;
            continue;
        }
        if (arg.starts_with("-"))
            continue;
        for (const auto* command : root.get_subcommands({}))
            if (command->get_name() == arg)
                return std::nullopt;
        return std::string(arg);
    }
    return std::nullopt;
}

} // namespace

int run_cli(int argc, char** argv, ServeFunction serve)
{
    CliContext context;
    context.db = default_db();
    CLI::App root{"Clause9 keeps an ISO/IEC 27001 ISMS alive between audits: registers, meetings, minutes.",
                  "clause9"};
    root.set_version_flag("--version", "clause9 0.1.0");
    root.require_subcommand(1);
    root.fallthrough();
    root.add_option("--db", context.db,
                    "database: a SQLite file (default clause9.db, or $CLAUSE9_DB) or postgresql://user@host/db");
    root.add_flag("--json", context.json, "print machine-readable JSON instead of text");
    root.add_option("--as", context.as,
            "the ISMS person you act for (PER-3, an email or a number): the audit trail records it next to your "
            "login, and it is the default approver (default $CLAUSE9_AS)")
        ->envname("CLAUSE9_AS");
    root.failure_message([](const CLI::App*, const CLI::Error& error) {
        return "clause9: " + one_line(error.what()) + " (see --help)\n";
    });
    root.footer("Every command has --help. Exit status: 0 ok, 2 invalid input, 3 not found, 4 conflict, "
                "5 database unavailable, 1 other errors.");

    add_init_command(root, context);
    add_demo_command(root, context);
    add_config_command(root, context);
    add_summary_command(root, context);
    add_register_commands(root, context);
    add_meeting_commands(root, context);
    add_user_commands(root, context);
    add_token_commands(root, context);
    add_audit_commands(root, context);
    add_serve_command(root, context, std::move(serve));
    add_copy_command(root, context);
    add_agenda_commands(root, context);

    if (auto unknown = unknown_command(root, argc, argv)) {
        std::cerr << "clause9: unknown command \"" << *unknown << "\"; see clause9 --help\n";
        return 2;
    }
    try {
        root.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // Help and version exit 0; every usage error is invalid input.
        return root.exit(error) == 0 ? 0 : 2;
    }
    if (context.failure) {
        std::cerr << "clause9: " << one_line(context.failure->message()) << '\n';
        return exit_code(*context.failure);
    }
    return 0;
}

} // namespace c9
