// The commands every register shares, generated from its EntitySpec: list, show, add, update, and one command per
// verb the spec declares (close, done, complete ...). Options are named after the fields (--residual-likelihood,
// also accepted as --residual_likelihood). Each command parses its options, calls one app/ use case and renders
// what it returns; the rules are the app's.
#pragma once

#include "app/links.h"
#include "app/verbs.h"
#include "cli/context.h"
#include "cli/row_text.h"
#include "cli/table.h"
#include "core/text.h"
#include "export/json_rows.h"

#include <iostream>
#include <map>
#include <memory>

namespace c9 {

std::string option_names(std::string_view field);

struct RegisterConfig {
    std::string noun;        // CLI noun: "vuln"
    std::string description; // one line for --help
};

// Options for the fields of a register, or the inputs of a verb: the text given for each, parsed by kind.
struct FieldOptions {
    std::map<std::string, std::string> values;
    std::map<std::string, CLI::Option*> options;
};

enum class Creating { no, yes };

std::string choice_help(std::string help, FieldKind kind, std::span<const std::string_view> choices);

// One option per input; `hidden` inputs are accepted and refused by the rules with a reason (read-only fields).
std::shared_ptr<FieldOptions> add_input_options(
    CLI::App* command, const std::vector<ParamSpec>& inputs, const std::vector<std::string_view>& hidden = {});
Result<Patch> patch_from_options(const std::vector<ParamSpec>& inputs, const FieldOptions& fields);

template <class T>
std::vector<ParamSpec> field_inputs(const EntitySpec<T>& spec, Creating creating,
    const std::vector<std::string_view>& exclude = {})
{
    auto inputs = field_params(spec, creating == Creating::yes);
    std::erase_if(inputs, [&](const ParamSpec& input) {
        return std::find(exclude.begin(), exclude.end(), input.name) != exclude.end();
    });
    return inputs;
}

template <class T>
std::shared_ptr<FieldOptions> add_field_options(CLI::App* command, const EntitySpec<T>& spec, Creating creating,
    const std::vector<std::string_view>& exclude = {})
{
    return add_input_options(command, field_inputs(spec, creating, exclude));
}

template <class T>
Result<Patch> patch_from_options(const EntitySpec<T>& spec, const FieldOptions& fields)
{
    return patch_from_options(field_inputs(spec, Creating::no), fields);
}

// The row after a change, as a line of text ("updated RSK-4 (version 3)"), or that nothing changed.
template <class T>
void print_changed(CliContext& context, const EntitySpec<T>& spec, const T& row, bool changed, std::string_view done)
{
    if (context.json)
        print_json(row_json(spec, row));
    else if (changed)
        std::cout << fmt::format("{} (version {})\n", done, row.version);
    else
        std::cout << fmt::format("unchanged {}: it already had these values (version {})\n", public_id(spec, row),
            row.version);
}

template <class T>
void add_list_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec)
{
    auto* command = noun->add_subcommand("list", fmt::format("List {} with filters", common_noun(spec.title) + (spec.title.ends_with('s') ? "" : "s")));
    struct ListOptions {
        std::map<std::string, std::string> filters;
        std::map<std::string, CLI::Option*> options;
        ListRequest request;
    };
    auto options = std::make_shared<ListOptions>();
    for (const auto& field_spec : spec.fields) {
        if (!field_spec.has(filterable))
            continue;
        std::string name(field_spec.name);
        // `risk list --control 8.13` reads as English; --controls works too.
        auto names = option_names(name) + (field_spec.kind == FieldKind::controls ? ",--control" : "");
        options->options[name] = command->add_option(names, options->filters[name],
            choice_help(fmt::format("only rows whose {} is this", name), field_spec.kind, field_spec.choices));
    }
    if (spec.open_filter)
        command->add_flag("--open", options->request.open, "only rows that still need attention");
    if (spec.overdue_filter)
        command->add_flag("--overdue", options->request.overdue, "only rows past their due date");
    command->add_option("--search", options->request.search, "text contained in the title or name");
    command->add_option("--sort", options->request.sort, "field to sort by; prefix with - for descending (-updated_at)");
    command->add_option("--limit", options->request.limit, "at most this many rows (default: all)")
        ->check(CLI::NonNegativeNumber);
    command->add_option("--offset", options->request.offset, "skip this many rows")->check(CLI::NonNegativeNumber);
    on_run(command, context, [&context, &spec, options]() -> Result<void> {
        auto request = options->request;
        for (const auto& [name, option] : options->options)
            if (option->count() > 0)
                request.filters.emplace_back(name, options->filters.at(name));
        auto* store = C9_TRY(context.open());
        auto page = C9_TRY(list(*store, spec, request, context.caller(), context.json ? rows_only : with_names));
        if (context.json) {
            print_json(rows_json(spec, page.rows));
            return {};
        }
        print_table(std::cout, spec, page.rows, page.names);
        if (static_cast<std::int64_t>(page.rows.size()) < page.total)
            std::cout << fmt::format(
                "({} of {} rows; use --limit and --offset for more)\n", page.rows.size(), page.total);
        return {};
    });
}

template <class T>
void add_show_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec)
{
    auto* command = noun->add_subcommand("show", fmt::format("Show one {} with its change history", common_noun(spec.title)));
    auto ref = std::make_shared<std::string>();
    command->add_option("ID", *ref, fmt::format("the {}: {}", spec.name, ref_forms(*find_register(spec.name))))
        ->required();
    on_run(command, context, [&context, &spec, ref]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto view = C9_TRY(show(*store, spec, *ref, with_history | (context.json ? 0u : with_names)));
        // The rows that name this one: a control's risks, activities and incidents (app/links.h).
        auto linked = C9_TRY(linked_rows(*store, spec.name, public_id(spec, view.row)));
        if (context.json) {
            auto json = row_json(spec, view.row);
            json["history"] = history_json(view.history);
            json["linked"] = linked_json(linked);
            print_json(json);
            return {};
        }
        print_row(std::cout, spec, view.row, view.names);
        print_linked(std::cout, linked);
        print_history(std::cout, view.history);
        return {};
    });
}

template <class T>
void add_create_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec)
{
    auto* command = noun->add_subcommand("add", fmt::format("Add {}", with_article(spec.title)));
    auto inputs = field_inputs(spec, Creating::yes);
    auto fields = add_input_options(command, inputs);
    on_run(command, context, [&context, &spec, fields, inputs]() -> Result<void> {
        auto patch = C9_TRY(patch_from_options(inputs, *fields));
        auto* store = C9_TRY(context.open());
        auto row = C9_TRY(create(*store, spec, patch, context.caller()));
        if (context.json)
            print_json(row_json(spec, row));
        else
            std::cout << fmt::format("created {}\n", public_id(spec, row));
        return {};
    });
}

template <class T>
void add_update_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec)
{
    auto* command = noun->add_subcommand("update", fmt::format("Change fields of {}", with_article(spec.title)));
    auto ref = std::make_shared<std::string>();
    auto version = std::make_shared<std::int64_t>(0);
    command->add_option("ID", *ref, fmt::format("the {}: {}", spec.name, ref_forms(*find_register(spec.name))))
        ->required();
    auto inputs = field_inputs(spec, Creating::no);
    auto fields = add_input_options(command, inputs);
    auto* version_option = command->add_option(
        "--if-version", *version, "refuse the change unless the row still has this version (optimistic locking)");
    on_run(command, context, [&context, &spec, fields, inputs, ref, version, version_option]() -> Result<void> {
        auto patch = C9_TRY(patch_from_options(inputs, *fields));
        if (patch.empty())
            return Error::invalid("fields", "nothing to change; give at least one --FIELD VALUE (see --help)");
        std::optional<std::int64_t> expected;
        if (version_option->count() > 0)
            expected = *version;
        auto* store = C9_TRY(context.open());
        auto result = C9_TRY(update(*store, spec, *ref, patch, expected, context.caller()));
        print_changed(context, spec, result.row, result.changed, "updated " + public_id(spec, result.row));
        return {};
    });
}

// `clause9 vuln close VUL-1 [--status ...]`: one command per verb of the spec.
template <class T>
void add_verb_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec, const VerbSpec<T>& verb)
{
    auto* command = noun->add_subcommand(std::string(verb.name), std::string(verb.help));
    auto ref = std::make_shared<std::string>();
    command->add_option("ID", *ref, fmt::format("the {}: {}", spec.name, ref_forms(*find_register(spec.name))))
        ->required();
    auto inputs = verb_inputs(spec, verb);
    auto fields = add_input_options(command, inputs);
    on_run(command, context, [&context, &spec, &verb, fields, inputs, ref]() -> Result<void> {
        auto patch = C9_TRY(patch_from_options(inputs, *fields));
        auto* store = C9_TRY(context.open());
        auto outcome = C9_TRY(run_verb(*store, spec, verb.name, *ref, patch, std::nullopt, context.caller()));
        if (outcome.entry) {
            auto json = row_json(spec, outcome.row);
            if (context.json) {
                json[entry_name(verb.log)] = entry_json(*outcome.entry);
                print_json(json);
            } else {
                std::cout << fmt::format("{} {}: {} logged: {}\n", spec.title, public_id(spec, outcome.row),
                    entry_name(verb.log), entry_text(*outcome.entry, {}));
            }
            return {};
        }
        const auto* state = spec.find(verb.state);
        print_changed(context, spec, outcome.row, outcome.changed,
            fmt::format("{} {} is now {}", spec.title, public_id(spec, outcome.row), to_text(state->get(outcome.row))));
        return {};
    });
    if (!verb.is_log())
        return;
    // The log the verb appends to: `activity log MNT-1`.
    auto* log = noun->add_subcommand(std::string(verb.list_name), fmt::format("Show the {} of {}", verb.log, with_article(spec.title)));
    auto log_ref = std::make_shared<std::string>();
    log->add_option("ID", *log_ref, fmt::format("the {}: {}", spec.name, ref_forms(*find_register(spec.name))))
        ->required();
    on_run(log, context, [&context, &spec, log_ref]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto view = C9_TRY(show_log(*store, spec, *log_ref, context.json ? rows_only : with_names));
        if (context.json) {
            Json out = Json::array();
            for (const auto& entry : view.entries)
                out.push_back(entry_json(entry));
            print_json(out);
            return {};
        }
        print_entries(std::cout, view.entries, view.names);
        return {};
    });
}

template <class T>
CLI::App* add_register_commands(CLI::App& root, CliContext& context, const EntitySpec<T>& spec, RegisterConfig config)
{
    auto* noun = root.add_subcommand(config.noun, config.description);
    noun->require_subcommand(1);
    add_list_command(noun, context, spec);
    add_show_command(noun, context, spec);
    if (spec.can_create)
        add_create_command(noun, context, spec);
    add_update_command(noun, context, spec);
    for (const auto& verb : spec.verbs)
        add_verb_command(noun, context, spec, verb);
    return noun;
}

} // namespace c9
