// `clause9 token`: API tokens for scripts (Authorization: Bearer <token>). The token is printed once, at creation.
#include "app/accounts_login.h"
#include "cli/commands.h"
#include "export/account_json.h"
#include "cli/row_text.h"

#include <iostream>

namespace c9 {

void add_token_commands(CLI::App& root, CliContext& context)
{
    auto* noun = root.add_subcommand("token", "API tokens for scripts and integrations");
    noun->require_subcommand(1);

    {
        auto* command = noun->add_subcommand("create", "Create a token for an account; it is shown once");
        auto user = std::make_shared<std::string>();
        auto name = std::make_shared<std::string>();
        command->add_option("--user", *user, "account id or email")->required();
        command->add_option("--name", *name, "what the token is for, e.g. \"nightly export\"")->required();
        on_run(command, context, [&context, user, name]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto created = C9_TRY(create_token(*store, *user, *name, context.caller()));
            if (context.json) {
                auto json = token_json(created.record);
                json["token"] = created.token;
                print_json(json);
            } else {
                std::cout << created.token << '\n';
                std::cerr << fmt::format("clause9: token {} created; it is shown only this once\n", created.record.id);
            }
            return {};
        });
    }

    {
        auto* command = noun->add_subcommand("list", "List tokens (never the tokens themselves)");
        auto user = std::make_shared<std::string>();
        command->add_option("--user", *user, "only the tokens of this account (id or email)");
        on_run(command, context, [&context, user]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto tokens = C9_TRY(list_tokens(*store, *user, context.caller()));
            if (context.json) {
                Json out = Json::array();
                for (const auto& token : tokens)
                    out.push_back(token_json(token));
                print_json(out);
                return {};
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& token : tokens)
                rows.push_back({std::to_string(token.id), std::to_string(token.user), token.name, token.hint + "...",
                    format_timestamp(token.created_at), token.last_used_at ? format_timestamp(*token.last_used_at) : "",
                    token.revoked_at ? format_timestamp(*token.revoked_at) : ""});
            print_text_table(std::cout, {"id", "user", "name", "starts", "created", "last used", "revoked"}, rows);
            return {};
        });
    }

    {
        auto* command = noun->add_subcommand("revoke", "Revoke a token: it stops working at once");
        auto id = std::make_shared<std::int64_t>(0);
        command->add_option("ID", *id, "token id (see token list)")->required()->check(CLI::PositiveNumber);
        on_run(command, context, [&context, id]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto token = C9_TRY(revoke_token(*store, *id, context.caller()));
            if (context.json)
                print_json(token_json(token));
            else
                std::cout << fmt::format("revoked token {} \"{}\"\n", token.id, token.name);
            return {};
        });
    }
}

} // namespace c9
