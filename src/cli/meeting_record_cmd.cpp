// clause9 meeting note|decide|act|lesson: what is recorded while the meeting runs (and corrected before approval).
#include "cli/commands.h"
#include "cli/meeting_ids.h"
#include "cli/register_commands.h"

namespace c9 {

namespace {

// A record command: MEETING, --item N (an agenda item by its number), and the register's own field options.
template <class T>
void add_record_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec, const std::string& name,
                        const std::string& description, std::vector<std::string_view> exclude,
                        Result<T> (*record)(Tx&, Id, Patch, const Caller&))
{
    auto* command = noun->add_subcommand(name, description);
    auto meeting = std::make_shared<std::string>();
    auto item = std::make_shared<std::string>();
    command->add_option("MEETING", *meeting, "meeting id, e.g. MTG-3")->required();
    bool has_item = spec.find("agenda_item") != nullptr;
    if (has_item)
        command->add_option("--item", *item, "the agenda item it belongs to: its number on the agenda, or AI-n");
    exclude.push_back("meeting");
    exclude.push_back("agenda_item");
    auto fields = add_field_options(command, spec, true, exclude);
    on_run(command, context, [&context, &spec, meeting, item, fields, record]() -> Result<void> {
        auto id = C9_TRY(meeting_id(*meeting));
        auto patch = C9_TRY(patch_from_options(spec, *fields));
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto row = C9_TRY(store->write([&](Tx& tx) -> Result<T> {
            if (!item->empty())
                patch.push_back({"agenda_item", C9_TRY(agenda_item_id(tx, id, *item))});
            return record(tx, id, patch, caller);
        }));
        if (context.json)
            print_json(row_json(spec, row));
        else
            std::cout << fmt::format("recorded {} in {}\n", display_id(spec.prefix, row.id), display_id("MTG", id));
        return {};
    });
}

void add_note(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("note", "Record the notes and outcome of an agenda item");
    struct Options {
        std::string meeting, item, text, outcome;
    };
    auto options = std::make_shared<Options>();
    command->add_option("MEETING", options->meeting, "meeting id, e.g. MTG-3")->required();
    command->add_option("--item", options->item, "the item's number on the agenda, or AI-n")->required();
    command->add_option("--text", options->text, "the notes (replace earlier notes of the item)")->required();
    command->add_option("--outcome", options->outcome, "information, decision or action");
    on_run(command, context, [&context, options]() -> Result<void> {
        auto id = C9_TRY(meeting_id(options->meeting));
        std::optional<Outcome> outcome;
        if (!options->outcome.empty()) {
            outcome = parse_enum<Outcome>(options->outcome);
            if (!outcome)
                return Error::invalid("outcome", "must be information, decision or action");
        }
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto item = C9_TRY(store->write([&](Tx& tx) -> Result<AgendaItem> {
            auto item_id = C9_TRY(agenda_item_id(tx, id, options->item));
            return record_note(tx, item_id, options->text, outcome, caller);
        }));
        if (context.json)
            print_json(row_json(agenda_item_spec(), item));
        else
            std::cout << fmt::format("noted {} \"{}\"\n", display_id("AI", item.id), item.title);
        return {};
    });
}

} // namespace

void add_meeting_record_commands(CLI::App* noun, CliContext& context)
{
    add_note(noun, context);
    add_record_command(noun, context, decision_spec(), "decide", "Record a decision with its type and rationale", {},
                       &record_decision);
    add_record_command(noun, context, action_spec(), "act",
                       "Raise an action item; due by default at the next meeting of the series",
                       {"status", "progress", "origin_type", "origin_id"}, &raise_action);
    add_record_command(noun, context, lesson_spec(), "lesson", "Record a lesson learned", {}, &record_lesson);
}

} // namespace c9
