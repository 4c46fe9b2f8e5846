// clause9 meeting note|decide|act|lesson: what is recorded while the meeting runs (and corrected before approval).
#include "app/meeting_cycle.h"
#include "cli/commands.h"
#include "cli/register_commands.h"
#include "cli/row_text.h"

namespace c9 {

namespace {


// A record command: MEETING, --item N (an agenda item by the number the agenda shows, or AI-n), and the register's
// own field options.
template <class T>
void add_record_command(CLI::App* noun, CliContext& context, const EntitySpec<T>& spec, const std::string& name,
    const std::string& description, std::vector<ParamSpec> inputs,
    Result<T> (*record)(Store&, std::string_view, std::optional<ItemRef>, Patch, const Caller&))
{
    auto* command = noun->add_subcommand(name, description);
    struct Options {
        std::string meeting, item;
    };
    auto options = std::make_shared<Options>();
    command->add_option("MEETING", options->meeting, "the meeting: MTG-3 or 3")->required();
    auto* item = command->add_option(
        "--item", options->item, "the agenda item it belongs to: the number the agenda shows, or AI-n");
    auto fields = add_input_options(command, inputs);
    on_run(command, context, [&context, &spec, options, item, inputs, fields, record]() -> Result<void> {
        auto patch = C9_TRY(patch_from_options(inputs, *fields));
        std::optional<ItemRef> on_item;
        if (item->count() > 0)
            on_item = ItemRef{options->item, ItemNumbering::shown};
        auto* store = C9_TRY(context.open());
        auto row = C9_TRY(record(*store, options->meeting, on_item, std::move(patch), context.caller()));
        if (context.json)
            print_json(row_json(spec, row));
        else
            std::cout << fmt::format("recorded {} in {}\n", display_id(spec.prefix, row.id), options->meeting);
        return {};
    });
}

void add_note(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("note", "Record the notes and outcome of an agenda item");
    struct Options {
        std::string meeting, item, text, outcome;
        bool append = false;
    };
    auto options = std::make_shared<Options>();
    command->add_option("MEETING", options->meeting, "the meeting: MTG-3 or 3")->required();
    command->add_option("--item", options->item, "the item: the number the agenda shows, or AI-n")->required();
    auto* text = command->add_option("--text", options->text, "the notes (replace earlier notes of the item)");
    command->add_flag("--append", options->append, "add --text to the item's notes as a new paragraph")->needs(text);
    command->add_option("--outcome", options->outcome,
        choice_help("what came of it", FieldKind::choice, enum_names<Outcome>()));
    on_run(command, context, [&context, options, text]() -> Result<void> {
        std::optional<Outcome> outcome;
        if (!options->outcome.empty()) {
            outcome = parse_enum<Outcome>(options->outcome);
            if (!outcome)
                return Error::invalid("outcome", "must be one of " + choices_text(enum_names<Outcome>()));
        }
        std::optional<std::string> notes;
        if (text->count() > 0)
            notes = options->text;
        auto* store = C9_TRY(context.open());
        auto item = C9_TRY(record_note(*store, options->meeting, ItemRef{options->item, ItemNumbering::shown}, notes,
            outcome, context.caller(), options->append ? NoteMode::append : NoteMode::replace));
        if (context.json)
            print_json(row_json(agenda_item_spec(), item));
        else
            std::cout << fmt::format("noted {} \"{}\"\n", display_id("AI", item.id), item.title);
        return {};
    });
}

// clause9 meeting current MTG --item N: the item the room is on; the live view of every attendee follows it.
void add_current(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("current",
        "Say which agenda item the meeting is on (chair or minute taker); every attendee's live view follows");
    struct Options {
        std::string meeting, item;
    };
    auto options = std::make_shared<Options>();
    command->add_option("MEETING", options->meeting, "the meeting in progress: MTG-3 or 3")->required();
    command->add_option("--item", options->item, "the item: the number the agenda shows, or AI-n")->required();
    on_run(command, context, [&context, options]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto meeting = C9_TRY(set_current_item(
            *store, options->meeting, ItemRef {options->item, ItemNumbering::shown}, context.caller()));
        if (context.json)
            print_json(row_json(meeting_spec(), meeting));
        else
            std::cout << fmt::format("{} is on item {}\n", display_id("MTG", meeting.id), options->item);
        return {};
    });
}

} // namespace

void add_meeting_record_commands(CLI::App* noun, CliContext& context)
{
    add_note(noun, context);
    add_current(noun, context);
    add_record_command<Decision>(noun, context, decision_spec(), "decide",
        "Record a decision with its type and rationale", decision_params(), &record_decision);
    add_record_command<ActionItem>(noun, context, action_spec(), "act",
        "Raise an action item; due by default at the next meeting of the series", action_params(), &raise_action);
    add_record_command<Lesson>(noun, context, lesson_spec(), "lesson", "Record a lesson learned", lesson_params(),
        &record_lesson);
}

// clause9 decision list: the decision log across meetings.
void add_decision_log(CLI::App& root, CliContext& context)
{
    auto* noun = root.add_subcommand("decision", "Decisions taken in meetings (recorded with `meeting decide`)");
    noun->require_subcommand(1);
    auto query = std::make_shared<DecisionQuery>();
    auto* list = noun->add_subcommand("list", "The decision log across meetings, oldest first");
    list->add_option("--series", query->series, "only the meetings of this series: SER-1 or 1");
    list->add_option("--owner", query->owner, "only decisions this person is accountable for (id or email)");
    list->add_option("--since", query->since, "only decisions of meetings on or after this date (YYYY-MM-DD)");
    list->add_flag("--provisional", query->provisional_only, "only decisions taken without quorum, not yet binding");
    on_run(list, context, [&context, query]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto log = C9_TRY(list_decisions(*store, *query, context.caller()));
        if (context.json) {
            auto rows = Json::array();
            for (const auto& entry : log.entries)
                rows.push_back(decision_log_json(entry.decision, entry.meeting));
            print_json(rows);
            return {};
        }
        if (log.entries.empty()) {
            std::cout << "no decisions match\n";
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& [decision, meeting] : log.entries) {
            std::string standing = decision.provisional ? "provisional" : "binding";
            if (decision.confirms)
                standing += ", confirms " + display_id("DEC", *decision.confirms);
            rows.push_back({display_id("DEC", decision.id), format_date(to_date(meeting.starts_at)),
                display_id("MTG", meeting.id), std::string(to_string(decision.type)), decision.text,
                decision.owner ? log.names[*decision.owner] : std::string(),
                decision.due ? format_date(*decision.due) : std::string(), standing});
        }
        print_text_table(std::cout, {"id", "date", "meeting", "type", "decision", "owner", "due", "standing"}, rows);
        return {};
    });
}

} // namespace c9
