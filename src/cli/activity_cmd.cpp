#include "app/activities.h"
#include "cli/commands.h"
#include "cli/register_commands.h"
#include "store/completions.h"

namespace c9 {

namespace {

void add_complete_command(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("complete", "Log that an activity was done; its next due date moves on");
    struct Options {
        std::string id, date, result = "ok", evidence, note, by;
    };
    auto options = std::make_shared<Options>();
    command->add_option("ID", options->id, "activity id, e.g. MNT-1")->required();
    command->add_option("--date", options->date, "date it was done (default: today)");
    command->add_option("--result", options->result, "ok, issues_found or failed (default ok)");
    command->add_option("--evidence", options->evidence, "link to or reference of the evidence");
    command->add_option("--note", options->note, "what was found; required unless the result is ok");
    command->add_option("--by", options->by, "who did it (id or email; default: the owner)");
    on_run(command, context, [&context, options]() -> Result<void> {
        const auto& spec = activity_spec();
        CompletionInput input;
        if (!options->date.empty()) {
            input.done_on = parse_date(options->date);
            if (!input.done_on)
                return Error::invalid("date", fmt::format("must be a date like 2026-03-31, not \"{}\"", options->date));
        }
        auto result = parse_enum<ActivityResult>(options->result);
        if (!result)
            return Error::invalid("result", "must be ok, issues_found or failed");
        input.result = *result;
        if (!options->evidence.empty())
            input.evidence = options->evidence;
        if (!options->note.empty())
            input.note = options->note;
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto outcome = C9_TRY(store->write([&](Tx& tx) -> Result<CompletionOutcome> {
            if (!options->by.empty()) {
                auto by = C9_TRY(parse_field_text(FieldKind::person, {}, {}, "by", options->by));
                Problems problems;
                auto resolved = C9_TRY(resolve_references(tx, spec, Patch{{"owner", by}}, problems));
                if (!problems.empty())
                    return Error::invalid("by", problems.result().error().fields().at(0).message);
                input.done_by = std::get<std::int64_t>(resolved.at(0).value);
            }
            auto id = C9_TRY(resolve_row_id(tx, spec, options->id));
            return complete_activity(tx, id, input, caller);
        }));
        if (context.json) {
            auto json = row_json(spec, outcome.activity);
            json["completion"] = {{"id", outcome.completion.id},
                                  {"done_on", format_date(outcome.completion.done_on)},
                                  {"due", format_date(outcome.completion.due)},
                                  {"on_time", outcome.completion.on_time()},
                                  {"result", to_string(outcome.completion.result)}};
            print_json(json);
        } else {
            std::cout << fmt::format("{} done on {} ({}); next due {}\n", display_id(spec.prefix, outcome.activity.id),
                                     format_date(outcome.completion.done_on),
                                     outcome.completion.on_time() ? "on time" : "late",
                                     format_date(outcome.activity.next_due));
        }
        return {};
    });
}

void add_log_command(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("log", "Show the completion log of an activity");
    auto id_text = std::make_shared<std::string>();
    command->add_option("ID", *id_text, "activity id, e.g. MNT-1")->required();
    on_run(command, context, [&context, id_text]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        return store->read([&](Tx& tx) -> Result<void> {
            auto id = C9_TRY(resolve_row_id(tx, activity_spec(), *id_text));
            C9_TRY(get_row(tx, activity_spec(), id));
            auto completions = C9_TRY(completions_of(tx, id));
            auto names = C9_TRY(person_names(tx));
            if (context.json) {
                Json out = Json::array();
                for (const auto& entry : completions)
                    out.push_back({{"id", entry.id},
                                   {"done_on", format_date(entry.done_on)},
                                   {"due", format_date(entry.due)},
                                   {"on_time", entry.on_time()},
                                   {"done_by", entry.done_by ? Json(*entry.done_by) : Json()},
                                   {"result", to_string(entry.result)},
                                   {"evidence", entry.evidence.value_or("")},
                                   {"note", entry.note.value_or("")},
                                   {"recorded_by", entry.recorded_by}});
                print_json(out);
                return {};
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& entry : completions)
                rows.push_back({format_date(entry.done_on), format_date(entry.due), entry.on_time() ? "yes" : "no",
                                entry.done_by ? field_text(FieldKind::person, {}, *entry.done_by, names) : "",
                                std::string(to_string(entry.result)), entry.evidence.value_or(""),
                                entry.note.value_or("")});
            print_text_table(std::cout, {"done_on", "due", "on_time", "by", "result", "evidence", "note"}, rows);
            return {};
        });
    });
}

} // namespace

void add_activity_commands(CLI::App& root, CliContext& context)
{
    auto* noun = add_register_commands(root, context, activity_spec(),
                                       {"activity", "Recurring maintenance activities and their completion log"});
    add_complete_command(noun, context);
    add_log_command(noun, context);
}

} // namespace c9
