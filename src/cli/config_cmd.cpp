#include "app/reports.h"
#include "cli/commands.h"
#include "cli/row_text.h"

#include <iostream>

namespace c9 {

void add_config_command(CLI::App& root, CliContext& context)
{
    auto* noun = root.add_subcommand("config", "Organisation settings: risk matrix, appetite, vulnerability SLAs");
    noun->require_subcommand(1);

    auto* show = noun->add_subcommand("show", "Show every setting with its value");
    on_run(show, context, [&context]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto values = C9_TRY(show_settings(*store)).values;
        if (context.json) {
            Json out = Json::object();
            for (const auto& [key, value] : values)
                out[key] = value;
            print_json(out);
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& info : known_settings())
            rows.push_back(
                {std::string(info.key), std::to_string(values[std::string(info.key)]), std::string(info.help)});
        print_text_table(std::cout, {"setting", "value", "meaning"}, rows);
        return {};
    });

    auto* set = noun->add_subcommand("set", "Change a setting, e.g. config set risk.appetite 8");
    auto key = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    set->add_option("KEY", *key, "setting name (see config show)")->required();
    set->add_option("VALUE", *value, "new value")->required();
    on_run(set, context, [&context, key, value]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto settings = C9_TRY(change_settings(*store, {{*key, *value}}, std::nullopt, context.caller()));
        if (!context.json)
            std::cout << fmt::format("{} = {}\n", *key, settings.values.at(*key));
        else
            print_json({{*key, settings.values.at(*key)}});
        return {};
    });
}

} // namespace c9
