// The verbs every register shares, generated from its EntitySpec: list, show, add, update, history. Options are
// named after the fields (--residual-likelihood, also accepted as --residual_likelihood).
#pragma once

#include "app/registers.h"
#include "cli/context.h"
#include "cli/row_text.h"
#include "cli/table.h"
#include "export/json_rows.h"

#include <iostream>
#include <map>
#include <memory>

namespace c9 {

std::string option_names(std::string_view field);

struct RegisterConfig {
    std::string noun;        // CLI noun: "vuln"
    std::string description; // one line for --help
    bool can_add = true;     // the control catalog is loaded by init, not added by hand
};

// Turns the text a user typed for ID into a row id: RSK-12, 12, or for controls 5.1.
template <class T>
Result<Id> resolve_row_id(Tx& tx, const EntitySpec<T>& spec, std::string_view text)
{
    if constexpr (std::is_same_v<T, Control>) {
        auto code = normalize_controls(text);
        if (code && !code->empty() && code->find(',') == std::string::npos) {
            auto id = C9_TRY(control_by_code(tx, *code));
            if (id)
                return *id;
        }
        return Error::not_found(fmt::format("control {} is not in the catalog", text));
    } else {
        (void)tx;
        auto id = parse_display_id(spec.prefix, text);
        if (!id)
            return Error::invalid("id", fmt::format("\"{}\" is not a {} id like {}-1", text, spec.name, spec.prefix));
        return *id;
    }
}

// Options for the fields of a register on an add or update command.
struct FieldOptions {
    std::map<std::string, std::string> values;
    std::map<std::string, CLI::Option*> options;
};

template <class T>
std::shared_ptr<FieldOptions> add_field_options(CLI::App* command, const EntitySpec<T>& spec, bool creating,
                                                const std::vector<std::string_view>& exclude = {})
{
    auto fields = std::make_shared<FieldOptions>();
    for (const auto& field_spec : spec.fields) {
        if (std::find(exclude.begin(), exclude.end(), field_spec.name) != exclude.end())
            continue;
        std::string name(field_spec.name);
        if (field_spec.has(read_only)) {
            // Hidden, so that giving one says why it cannot be set rather than "argument not expected".
            fields->options[name] = command->add_option(option_names(name), fields->values[name])->group("");
            continue;
        }
        std::string help(field_spec.help);
        if (creating && field_spec.has(required))
            help += " (required)";
        if (!field_spec.choices.empty() && field_spec.kind == FieldKind::choice)
            help += " [" + choices_text(field_spec.choices) + "]";
        fields->options[name] = command->add_option(option_names(name), fields->values[name], help);
    }
    return fields;
}

template <class T>
Result<Patch> patch_from_options(const EntitySpec<T>& spec, const FieldOptions& fields)
{
    Patch patch;
    Problems problems;
    for (const auto& field_spec : spec.fields) {
        std::string name(field_spec.name);
        auto option = fields.options.find(name);
        if (option == fields.options.end() || option->second->count() == 0)
            continue;
        auto value = parse_field_text(field_spec, fields.values.at(name));
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

template <class T>
CLI::App* add_register_commands(CLI::App& root, CliContext& context, const EntitySpec<T>& spec, RegisterConfig config)
{
    auto* noun = root.add_subcommand(config.noun, config.description);
    noun->require_subcommand(1);

    // list
    {
        auto* command = noun->add_subcommand("list", fmt::format("List {} with filters", spec.plural));
        struct ListOptions {
            std::map<std::string, std::string> filters;
            std::map<std::string, CLI::Option*> options;
            bool open = false, overdue = false;
            std::string search, sort;
            int limit = 0, offset = 0;
        };
        auto options = std::make_shared<ListOptions>();
        for (const auto& field_spec : spec.fields) {
            if (!field_spec.has(filterable))
                continue;
            std::string name(field_spec.name);
            std::string help = fmt::format("only rows whose {} is this", name);
            if (field_spec.kind == FieldKind::choice)
                help += " [" + choices_text(field_spec.choices) + "]";
            options->options[name] = command->add_option(option_names(name), options->filters[name], help);
        }
        if (spec.open_filter)
            command->add_flag("--open", options->open, "only rows that still need attention");
        if (spec.overdue_filter)
            command->add_flag("--overdue", options->overdue, "only rows past their due date");
        command->add_option("--search", options->search, "text contained in the title or name");
        command->add_option("--sort", options->sort, "field to sort by; prefix with - for descending (-updated_at)");
        command->add_option("--limit", options->limit, "at most this many rows (default: all)")
            ->check(CLI::NonNegativeNumber);
        command->add_option("--offset", options->offset, "skip this many rows")->check(CLI::NonNegativeNumber);
        on_run(command, context, [&context, &spec, options]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto caller = context.caller();
            ListQuery query;
            query.search = options->search;
            query.limit = options->limit;
            query.offset = options->offset;
            if (!options->sort.empty()) {
                query.descending = options->sort.front() == '-';
                query.sort = query.descending ? options->sort.substr(1) : options->sort;
            }
            if (options->open)
                for (auto& filter : spec.open_filter())
                    query.filters.push_back(filter);
            if (options->overdue)
                for (auto& filter : spec.overdue_filter(to_date(caller.now)))
                    query.filters.push_back(filter);
            return store->read([&](Tx& tx) -> Result<void> {
                Problems problems;
                Patch filters;
                for (const auto& [name, option] : options->options) {
                    if (option->count() == 0)
                        continue;
                    auto value = parse_field_text(*spec.find(name), options->filters.at(name));
                    if (!value) {
                        problems.add(name, value.error().fields().at(0).message);
                        continue;
                    }
                    filters.push_back({name, *value});
                }
                filters = C9_TRY(resolve_references(tx, spec, std::move(filters), problems));
                C9_TRY(problems.result());
                for (auto& filter : filters)
                    query.filters.push_back(where(filter.field, is_null(filter.value) ? FilterOp::is_null : FilterOp::eq,
                                                  filter.value));
                auto page = C9_TRY(list_rows(tx, spec, query));
                if (context.json) {
                    print_json(rows_json(spec, page.rows));
                    return {};
                }
                auto names = C9_TRY(person_names(tx));
                print_table(std::cout, spec, page.rows, names);
                if (static_cast<std::int64_t>(page.rows.size()) < page.total)
                    std::cout << fmt::format("({} of {} rows; use --limit and --offset for more)\n", page.rows.size(),
                                             page.total);
                return {};
            });
        });
    }

    // show
    {
        auto* command = noun->add_subcommand("show", fmt::format("Show one {} with its change history", spec.name));
        auto id_text = std::make_shared<std::string>();
        command->add_option("ID", *id_text, fmt::format("{} id, e.g. {}", spec.name, example_id(spec)))->required();
        on_run(command, context, [&context, &spec, id_text]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            return store->read([&](Tx& tx) -> Result<void> {
                auto id = C9_TRY(resolve_row_id(tx, spec, *id_text));
                auto row = C9_TRY(get_row(tx, spec, id));
                auto history = C9_TRY(tx.history(spec.name, id));
                if (context.json) {
                    auto json = row_json(spec, row);
                    json["history"] = history_json(history);
                    print_json(json);
                    return {};
                }
                auto names = C9_TRY(person_names(tx));
                print_row(std::cout, spec, row, names);
                print_history(std::cout, history);
                return {};
            });
        });
    }

    // add
    if (config.can_add) {
        auto* command = noun->add_subcommand("add", fmt::format("Add a {}", spec.name));
        auto fields = add_field_options(command, spec, true);
        on_run(command, context, [&context, &spec, fields]() -> Result<void> {
            auto patch = C9_TRY(patch_from_options(spec, *fields));
            auto* store = C9_TRY(context.open());
            auto row = C9_TRY(create(*store, spec, patch, context.caller()));
            if (context.json)
                print_json(row_json(spec, row));
            else
                std::cout << fmt::format("created {}\n", display_id(spec.prefix, row.id));
            return {};
        });
    }

    // update
    {
        auto* command = noun->add_subcommand("update", fmt::format("Change fields of a {}", spec.name));
        auto id_text = std::make_shared<std::string>();
        auto version = std::make_shared<std::int64_t>(0);
        command->add_option("ID", *id_text, fmt::format("{} id, e.g. {}", spec.name, example_id(spec)))->required();
        auto fields = add_field_options(command, spec, false);
        auto* version_option = command->add_option(
            "--if-version", *version, "refuse the change unless the row still has this version (optimistic locking)");
        on_run(command, context, [&context, &spec, fields, id_text, version, version_option]() -> Result<void> {
            auto patch = C9_TRY(patch_from_options(spec, *fields));
            if (patch.empty())
                return Error::invalid("fields", "nothing to change; give at least one --FIELD VALUE (see --help)");
            auto* store = C9_TRY(context.open());
            auto caller = context.caller();
            auto row = C9_TRY(store->write([&](Tx& tx) -> Result<T> {
                auto id = C9_TRY(resolve_row_id(tx, spec, *id_text));
                std::optional<std::int64_t> expected;
                if (version_option->count() > 0)
                    expected = *version;
                return update_in(tx, spec, id, patch, expected, caller);
            }));
            if (context.json)
                print_json(row_json(spec, row));
            else
                std::cout << fmt::format("updated {} (version {})\n", display_id(spec.prefix, row.id), row.version);
            return {};
        });
    }
    return noun;
}

} // namespace c9
