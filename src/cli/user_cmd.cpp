// `clause9 user`: login accounts for the web UI and the REST API. Passwords are read from the terminal with echo
// off, or from the first line of stdin with --password-stdin (for scripts); never from an option, which would
// leave them in the shell history and the process list.
#include "app/accounts.h"
#include "cli/commands.h"
#include "export/account_json.h"
#include "cli/row_text.h"

#include <iostream>
#include <termios.h>
#include <unistd.h>

namespace c9 {

namespace {

std::string read_line(std::istream& in)
{
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.pop_back();
    return line;
}

// Reads a line from the terminal without echoing it.
std::string read_hidden(const std::string& prompt)
{
    std::cerr << prompt << std::flush;
    termios saved {};
    bool restore = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (restore) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line = read_line(std::cin);
    if (restore)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
    return line;
}

Result<std::string> read_password(bool from_stdin)
{
    if (from_stdin) {
        auto password = read_line(std::cin);
        if (password.empty())
            return Error::invalid("password", "stdin gave no password");
        return password;
    }
    if (!isatty(STDIN_FILENO))
        return Error::invalid("password", "give --password-stdin, or run the command on a terminal to be asked");
    auto password = read_hidden("Password: ");
    C9_TRY(check_password_rules(password));
    if (read_hidden("Repeat the password: ") != password)
        return Error::invalid("password", "the two passwords differ");
    return password;
}

struct AccountOptions {
    std::string email, name, role, person;
    bool password_stdin = false, set_password = false;
    CLI::Option* email_option = nullptr;
    CLI::Option* name_option = nullptr;
    CLI::Option* role_option = nullptr;
    CLI::Option* person_option = nullptr;

    void add_to(CLI::App* command, bool creating)
    {
        email_option = command->add_option("--email", email, "email the account signs in with");
        name_option = command->add_option("--name", name, "the account holder's name");
        role_option = command->add_option("--role", role, "admin, chair, member or auditor");
        person_option = command->add_option("--person", person,
            "the person of the register the account acts as (id or email); it owns that person's rows"
                + std::string(creating ? "" : "; \"\" unlinks"));
        command->add_flag("--password-stdin", password_stdin, "read the password from the first line of stdin");
        if (creating) {
            email_option->required();
            name_option->required();
            role_option->required();
        }
    }

    AccountInput input() const
    {
        AccountInput input;
        if (email_option->count())
            input.email = email;
        if (name_option->count())
            input.name = name;
        if (role_option->count())
            input.role = role;
        if (person_option->count())
            input.person = person;
        return input;
    }
};

void print_account(CliContext& context, const Account& account, std::string_view verb)
{
    if (context.json)
        print_json(account_json(account));
    else
        std::cout << fmt::format(
            "{} account {} ({}, {})\n", verb, account.meta.id, account.email, to_string(account.role));
}

} // namespace

void add_user_commands(CLI::App& root, CliContext& context)
{
    auto* noun = root.add_subcommand("user", "Login accounts for the web UI and the REST API");
    noun->require_subcommand(1);

    {
        auto* command = noun->add_subcommand(
            "add", "Create an account (the password is asked for, or read with --password-stdin)");
        auto options = std::make_shared<AccountOptions>();
        options->add_to(command, true);
        on_run(command, context, [&context, options]() -> Result<void> {
            auto input = options->input();
            auto* store = C9_TRY(context.open());
            input.password = C9_TRY(read_password(options->password_stdin));
            print_account(context, C9_TRY(create_account(*store, input, context.caller())), "created");
            return {};
        });
    }

    {
        auto* command = noun->add_subcommand("list", "List the accounts");
        on_run(command, context, [&context]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto accounts = C9_TRY(list_accounts(*store));
            if (context.json) {
                Json out = Json::array();
                for (const auto& account : accounts)
                    out.push_back(account_json(account));
                print_json(out);
                return {};
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& account : accounts)
                rows.push_back(
                    {std::to_string(account.meta.id), account.email, account.name, std::string(to_string(account.role)),
                        account.person ? display_id("PER", *account.person) : "", account.active ? "yes" : "no"});
            print_text_table(std::cout, {"id", "email", "name", "role", "person", "active"}, rows);
            return {};
        });
    }

    {
        auto* command = noun->add_subcommand("update", "Change an account: name, email, role, person or password");
        auto options = std::make_shared<AccountOptions>();
        auto id_text = std::make_shared<std::string>();
        auto enable = std::make_shared<bool>(false);
        command->add_option("ACCOUNT", *id_text, "account id or email")->required();
        options->add_to(command, false);
        command->add_flag("--enable", *enable, "enable a disabled account");
        on_run(command, context, [&context, options, id_text, enable]() -> Result<void> {
            auto input = options->input();
            if (*enable)
                input.active = true;
            auto* store = C9_TRY(context.open());
            if (options->password_stdin)
                input.password = C9_TRY(read_password(true));
            if (!input.email && !input.name && !input.role && !input.person && !input.password && !input.active)
                return Error::invalid("fields", "nothing to change; see clause9 user update --help");
            print_account(
                context, C9_TRY(update_account(*store, *id_text, input, std::nullopt, context.caller())), "updated");
            return {};
        });
    }

    {
        auto* command
            = noun->add_subcommand("disable", "Disable an account: it can no longer sign in, its sessions end");
        auto id_text = std::make_shared<std::string>();
        command->add_option("ACCOUNT", *id_text, "account id or email")->required();
        on_run(command, context, [&context, id_text]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            AccountInput input;
            input.active = false;
            print_account(
                context, C9_TRY(update_account(*store, *id_text, input, std::nullopt, context.caller())), "disabled");
            return {};
        });
    }
}

} // namespace c9
