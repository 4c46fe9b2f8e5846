#include "cli/register_commands.h"

namespace c9 {

std::string option_names(std::string_view field)
{
    std::string dashed(field);
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    if (dashed == field)
        return "--" + dashed;
    return "--" + dashed + ",--" + std::string(field);
}

std::string choice_help(std::string help, FieldKind kind, std::span<const std::string_view> choices)
{
    if (kind == FieldKind::choice && !choices.empty())
        help += " [" + choices_text(choices) + "]";
    return help;
}

std::shared_ptr<FieldOptions> add_input_options(
    CLI::App* command, const std::vector<ParamSpec>& inputs, const std::vector<std::string_view>& hidden)
{
    auto fields = std::make_shared<FieldOptions>();
    for (const auto& input : inputs) {
        std::string name(input.name);
        if (input.has(read_only) || std::find(hidden.begin(), hidden.end(), input.name) != hidden.end()) {
            // Hidden, so that giving one says why it cannot be set rather than "argument not expected".
            fields->options[name] = command->add_option(option_names(name), fields->values[name])->group("");
            continue;
        }
        std::string help(input.help);
        if (!input.fallback.empty())
            help += fmt::format(" (default: {})", input.fallback);
        if (input.has(required))
            help += " (required)";
        fields->options[name]
            = command->add_option(option_names(name), fields->values[name], choice_help(help, input.kind, input.choices));
    }
    return fields;
}

Result<Patch> patch_from_options(const std::vector<ParamSpec>& inputs, const FieldOptions& fields)
{
    Patch patch;
    Problems problems;
    for (const auto& input : inputs) {
        std::string name(input.name);
        auto option = fields.options.find(name);
        if (option == fields.options.end() || option->second->count() == 0)
            continue;
        auto value = parse_field_text(input.kind, input.choices, input.target, input.name, fields.values.at(name));
        if (!value) {
            for (const auto& error : value.error().fields())
                problems.add(error.field, error.message);
            continue;
        }
        patch.push_back({name, std::move(*value)});
    }
    C9_TRY(problems.result());
    return patch;
}

} // namespace c9
