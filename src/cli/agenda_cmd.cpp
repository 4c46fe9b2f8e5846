// clause9 agenda [MEETING] (+ add/edit/remove/move), clause9 minutes MEETING, clause9 invite MEETING.
#include "app/meeting_docs.h"
#include "cli/commands.h"
#include "cli/meeting_ids.h"
#include "cli/register_commands.h"
#include "export/agenda_markdown.h"
#include "export/doc_html.h"
#include "export/doc_json.h"
#include "export/ical.h"
#include "export/minutes_markdown.h"
#include "store/meeting_records.h"

namespace c9 {

namespace {

enum class Format { md, html, json };

Result<Format> parse_format(const CliContext& context, const std::string& text)
{
    if (text.empty())
        return context.json ? Format::json : Format::md;
    if (text == "md" || text == "markdown")
        return Format::md;
    if (text == "html")
        return Format::html;
    if (text == "json")
        return Format::json;
    return Error::invalid("format", fmt::format("must be md, html or json, not \"{}\"", text));
}

// The meeting named, or the next planned one (planning it from its series when there is none).
Result<Id> target_meeting(Tx& tx, const std::string& meeting, const std::string& series, const Caller& caller)
{
    if (!meeting.empty())
        return meeting_id(meeting);
    std::optional<Id> in_series;
    if (!series.empty())
        in_series = C9_TRY(series_id(tx, series));
    return C9_TRY(next_meeting(tx, in_series, caller)).id;
}

void print_agenda(const AgendaDoc& doc, Format format)
{
    switch (format) {
    case Format::md: std::cout << agenda_markdown(doc); break;
    case Format::html: std::cout << agenda_html(doc); break;
    case Format::json: print_json(agenda_json(doc)); break;
    }
}

// Runs an agenda edit on a meeting and prints the agenda afterwards.
void agenda_edit_command(CLI::App* agenda, CliContext& context, const std::string& name, const std::string& description,
                         std::function<void(CLI::App*)> options,
                         std::function<Result<void>(Tx&, Id meeting, const Caller&)> edit)
{
    auto* command = agenda->add_subcommand(name, description);
    auto meeting = std::make_shared<std::string>();
    command->add_option("MEETING", *meeting, "meeting id, e.g. MTG-3")->required();
    options(command);
    on_run(command, context, [&context, meeting, edit]() -> Result<void> {
        auto id = C9_TRY(meeting_id(*meeting));
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto doc = C9_TRY(store->write([&](Tx& tx) -> Result<AgendaDoc> {
            C9_TRY(edit(tx, id, caller));
            return agenda_doc(tx, C9_TRY(load_meeting(tx, id)), caller);
        }));
        print_agenda(doc, context.json ? Format::json : Format::md);
        return {};
    });
}

void add_agenda_edits(CLI::App* agenda, CliContext& context)
{
    const auto& spec = agenda_item_spec();
    auto add_fields = std::make_shared<std::shared_ptr<FieldOptions>>();
    agenda_edit_command(
        agenda, context, "add", "Add an item to the agenda of a planned meeting",
        [add_fields, &spec](CLI::App* command) {
            *add_fields = add_field_options(command, spec, true, {"meeting", "position", "removed", "notes", "outcome"});
        },
        [add_fields, &spec](Tx& tx, Id meeting, const Caller& caller) -> Result<void> {
            auto patch = C9_TRY(patch_from_options(spec, **add_fields));
            C9_TRY(add_agenda_item(tx, meeting, patch, caller));
            return {};
        });

    struct ItemOptions {
        std::string item;
        int position = 0;
        std::shared_ptr<FieldOptions> fields;
    };
    auto edit_options = std::make_shared<ItemOptions>();
    agenda_edit_command(
        agenda, context, "edit", "Change an item's title, section, presenter, timebox, sources or covered inputs",
        [edit_options, &spec](CLI::App* command) {
            command->add_option("--item", edit_options->item, "the item's number on the agenda, or AI-n")->required();
            edit_options->fields =
                add_field_options(command, spec, false, {"meeting", "position", "removed", "notes", "outcome"});
        },
        [edit_options, &spec](Tx& tx, Id meeting, const Caller& caller) -> Result<void> {
            auto patch = C9_TRY(patch_from_options(spec, *edit_options->fields));
            if (patch.empty())
                return Error::invalid("fields", "nothing to change; give at least one --FIELD VALUE (see --help)");
            C9_TRY(edit_agenda_item(tx, C9_TRY(agenda_item_id(tx, meeting, edit_options->item)), patch, caller));
            return {};
        });

    auto remove_options = std::make_shared<ItemOptions>();
    agenda_edit_command(
        agenda, context, "remove", "Remove an item; regenerating the agenda does not bring it back",
        [remove_options](CLI::App* command) {
            command->add_option("--item", remove_options->item, "the item's number on the agenda, or AI-n")
                ->required();
        },
        [remove_options](Tx& tx, Id meeting, const Caller& caller) -> Result<void> {
            C9_TRY(remove_agenda_item(tx, C9_TRY(agenda_item_id(tx, meeting, remove_options->item)), caller));
            return {};
        });

    auto move_options = std::make_shared<ItemOptions>();
    agenda_edit_command(
        agenda, context, "move", "Move an item to another position on the agenda",
        [move_options](CLI::App* command) {
            command->add_option("--item", move_options->item, "the item's number on the agenda, or AI-n")->required();
            command->add_option("--to", move_options->position, "new position, counting every item from 1")
                ->required();
        },
        [move_options](Tx& tx, Id meeting, const Caller& caller) -> Result<void> {
            C9_TRY(move_agenda_item(tx, C9_TRY(agenda_item_id(tx, meeting, move_options->item)),
                                    move_options->position, caller));
            return {};
        });
}

void add_agenda(CLI::App& root, CliContext& context)
{
    auto* agenda = root.add_subcommand(
        "agenda", "Show the agenda of a meeting, building it from what changed (default: the next planned meeting)");
    struct Options {
        std::string meeting, series, format;
    };
    auto options = std::make_shared<Options>();
    agenda->add_option("MEETING", options->meeting, "meeting id, e.g. MTG-3 (default: the next planned meeting)");
    agenda->add_option("--series", options->series, "without MEETING: the next meeting of this series");
    agenda->add_option("--format", options->format, "md (default), html or json");
    agenda->require_subcommand(0, 1);
    add_agenda_edits(agenda, context);
    agenda->callback([&context, options, agenda] {
        if (!agenda->get_subcommands().empty())
            return;
        auto result = [&]() -> Result<void> {
            auto format = C9_TRY(parse_format(context, options->format));
            auto* store = C9_TRY(context.open());
            auto caller = context.caller();
            auto doc = C9_TRY(store->write([&](Tx& tx) -> Result<AgendaDoc> {
                auto id = C9_TRY(target_meeting(tx, options->meeting, options->series, caller));
                auto meeting = C9_TRY(get_row(tx, meeting_spec(), id));
                // A planned meeting's agenda follows the registers: regenerate, keeping the chair's edits.
                if (meeting.state == MeetingState::planned)
                    C9_TRY(build_meeting_agenda(tx, id, caller));
                return agenda_doc(tx, C9_TRY(load_meeting(tx, id)), caller);
            }));
            print_agenda(doc, format);
            return {};
        }();
        if (!result)
            context.failure = std::move(result).error();
    });
}

void add_minutes(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand("minutes", "Print the minutes of a meeting (approved minutes as sealed)");
    auto meeting = std::make_shared<std::string>();
    auto format_text = std::make_shared<std::string>();
    command->add_option("MEETING", *meeting, "meeting id, e.g. MTG-3")->required();
    command->add_option("--format", *format_text, "md (default), html or json");
    on_run(command, context, [&context, meeting, format_text]() -> Result<void> {
        auto format = C9_TRY(parse_format(context, *format_text));
        auto id = C9_TRY(meeting_id(*meeting));
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto text = C9_TRY(store->read([&](Tx& tx) -> Result<std::string> {
            if (auto sealed = C9_TRY(approved_minutes(tx, id))) {
                switch (format) {
                case Format::md: return sealed->markdown;
                case Format::html: return sealed->html;
                case Format::json: return sealed->json + "\n";
                }
            }
            auto record = C9_TRY(load_meeting(tx, id));
            if (record.meeting.state == MeetingState::planned)
                return Error::conflict(fmt::format("{} has not taken place yet; see its agenda", display_id("MTG", id)));
            auto doc = C9_TRY(minutes_doc(tx, record, caller));
            switch (format) {
            case Format::md: return minutes_markdown(doc);
            case Format::html: return minutes_html(doc);
            case Format::json: return minutes_json(doc).dump(2) + "\n";
            }
            return std::string();
        }));
        std::cout << text;
        return {};
    });
}

void add_invite(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand("invite", "Print the meeting invitation as an iCalendar file (.ics)");
    auto meeting = std::make_shared<std::string>();
    command->add_option("MEETING", *meeting, "meeting id, e.g. MTG-3")->required();
    on_run(command, context, [&context, meeting]() -> Result<void> {
        auto id = C9_TRY(meeting_id(*meeting));
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto doc = C9_TRY(store->read([&](Tx& tx) -> Result<AgendaDoc> {
            return agenda_doc(tx, C9_TRY(load_meeting(tx, id)), caller);
        }));
        std::cout << meeting_ics(doc);
        return {};
    });
}

} // namespace

void add_agenda_commands(CLI::App& root, CliContext& context)
{
    add_agenda(root, context);
    add_minutes(root, context);
    add_invite(root, context);
}

} // namespace c9
