// A verb that ends or moves a row's life (risk close, action done ...): an update that sets fixed fields and takes
// a few field options, so its rules and history are exactly those of an update.
#pragma once

#include "cli/register_commands.h"

namespace c9 {

template <class T>
void add_verb_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec, const std::string& verb,
                      const std::string& description, std::vector<std::string> option_fields,
                      std::function<Patch(const Caller&)> fixed)
{
    auto* command = noun->add_subcommand(verb, description);
    auto id_text = std::make_shared<std::string>();
    command->add_option("ID", *id_text, fmt::format("{} id, e.g. {}", spec.name, example_id(spec)))->required();
    auto fields = std::make_shared<FieldOptions>();
    for (const auto& name : option_fields) {
        const auto* field_spec = spec.find(name);
        fields->options[name] =
            command->add_option(option_names(name), fields->values[name], std::string(field_spec->help));
    }
    on_run(command, context, [&context, &spec, fields, id_text, fixed, verb]() -> Result<void> {
        auto patch = C9_TRY(patch_from_options(spec, *fields));
        auto caller = context.caller();
        for (auto& input : fixed(caller))
            patch.push_back(std::move(input));
        auto* store = C9_TRY(context.open());
        auto row = C9_TRY(store->write([&](Tx& tx) -> Result<T> {
            auto id = C9_TRY(resolve_row_id(tx, spec, *id_text));
            return update_in(tx, spec, id, patch, std::nullopt, caller);
        }));
        if (context.json)
            print_json(row_json(spec, row));
        else
            std::cout << fmt::format("{} {}: {}\n", spec.title, public_id(spec, row), verb == "done" ? "done" : verb + "d");
        return {};
    });
}

} // namespace c9
