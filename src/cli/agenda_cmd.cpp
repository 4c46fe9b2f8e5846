// clause9 agenda [MEETING] (+ add/edit/remove/move), clause9 minutes MEETING, clause9 invite MEETING.
#include "app/agenda.h"
#include "cli/commands.h"
#include "cli/register_commands.h"
#include "cli/row_text.h"
#include "export/agenda_markdown.h"
#include "export/doc_html.h"
#include "export/doc_json.h"
#include "export/ical.h"
#include "export/minutes_markdown.h"

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

void print_agenda(const AgendaDoc& doc, Format format)
{
    switch (format) {
    case Format::md: std::cout << agenda_markdown(doc); break;
    case Format::html: std::cout << agenda_html(doc); break;
    case Format::json: print_json(agenda_json(doc)); break;
    }
}

// An agenda edit: MEETING, the edit's own options; it prints the item as it is afterwards in one line, or with
// --show the whole agenda.
void agenda_edit_command(CLI::App* agenda, CliContext& context, const std::string& name,
    const std::string& description, const std::string& done, std::function<void(CLI::App*)> options,
    std::function<Result<AgendaEdit>(Store&, const std::string& meeting, const Caller&, AgendaAfter)> edit)
{
    auto* command = agenda->add_subcommand(name, description);
    auto meeting = std::make_shared<std::string>();
    auto show = std::make_shared<bool>(false);
    command->add_option("MEETING", *meeting, "the meeting: MTG-3 or 3")->required();
    options(command);
    command->add_flag("--show", *show, "print the whole agenda afterwards");
    on_run(command, context, [&context, meeting, show, done, edit]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto result = C9_TRY(edit(*store, *meeting, context.caller(), *show ? AgendaAfter::yes : AgendaAfter::no));
        if (result.agenda)
            print_agenda(result.agenda->doc, context.json ? Format::json : Format::md);
        else if (context.json)
            print_json(row_json(agenda_item_spec(), result.item));
        else if (result.item.removed)
            std::cout << fmt::format("{} {} \"{}\"\n", done, display_id("AI", result.item.id), result.item.title);
        else
            std::cout << fmt::format("{} {} \"{}\", item {} of {}\n", done, display_id("AI", result.item.id),
                result.item.title, result.item.position, *meeting);
        return {};
    });
}

const std::vector<std::string_view> recorded_in_the_meeting{"meeting", "position", "removed", "notes", "outcome"};

void add_agenda_edits(CLI::App* agenda, CliContext& context)
{
    const auto& spec = agenda_item_spec();
    auto add_inputs = field_inputs(spec, Creating::yes, recorded_in_the_meeting);
    auto add_fields = std::make_shared<std::shared_ptr<FieldOptions>>();
    agenda_edit_command(
        agenda, context, "add", "Add an item to the agenda of a planned meeting", "added",
        [add_fields, add_inputs](CLI::App* command) { *add_fields = add_input_options(command, add_inputs); },
        [add_fields, add_inputs](Store& store, const std::string& meeting, const Caller& caller,
            AgendaAfter after) -> Result<AgendaEdit> {
            auto patch = C9_TRY(patch_from_options(add_inputs, **add_fields));
            return add_agenda_item(store, meeting, patch, caller, after);
        });

    struct ItemOptions {
        std::string item;
        int position = 0;
        std::shared_ptr<FieldOptions> fields;
    };
    auto edit_inputs = field_inputs(spec, Creating::no, recorded_in_the_meeting);
    auto edit_options = std::make_shared<ItemOptions>();
    agenda_edit_command(
        agenda, context, "edit", "Change an item's title, section, presenter, timebox, sources or covered inputs",
        "changed",
        [edit_options, edit_inputs](CLI::App* command) {
            command->add_option("--item", edit_options->item, "the item: the number the agenda shows, or AI-n")
                ->required();
            edit_options->fields = add_input_options(command, edit_inputs);
        },
        [edit_options, edit_inputs](Store& store, const std::string& meeting, const Caller& caller,
            AgendaAfter after) -> Result<AgendaEdit> {
            auto patch = C9_TRY(patch_from_options(edit_inputs, *edit_options->fields));
            if (patch.empty())
                return Error::invalid("fields", "nothing to change; give at least one --FIELD VALUE (see --help)");
            return edit_agenda_item(store, meeting, ItemRef{edit_options->item, ItemNumbering::shown}, patch,
                std::nullopt, std::nullopt, caller, after);
        });

    auto remove_options = std::make_shared<ItemOptions>();
    agenda_edit_command(
        agenda, context, "remove", "Remove an item; regenerating the agenda does not bring it back", "removed",
        [remove_options](CLI::App* command) {
            command->add_option("--item", remove_options->item, "the item: the number the agenda shows, or AI-n")
                ->required();
        },
        [remove_options](Store& store, const std::string& meeting, const Caller& caller, AgendaAfter after) {
            return remove_agenda_item(store, meeting, ItemRef{remove_options->item, ItemNumbering::shown}, caller, after);
        });

    auto move_options = std::make_shared<ItemOptions>();
    agenda_edit_command(
        agenda, context, "move", "Move an item to another place inside its section", "moved",
        [move_options](CLI::App* command) {
            command->add_option("--item", move_options->item, "the item: the number the agenda shows, or AI-n")
                ->required();
            command->add_option("--to", move_options->position,
                       "the number it gets on the agenda, inside its section (change its section with `agenda edit`)")
                ->required();
        },
        [move_options](Store& store, const std::string& meeting, const Caller& caller, AgendaAfter after) {
            return edit_agenda_item(store, meeting, ItemRef{move_options->item, ItemNumbering::shown}, {},
                move_options->position, std::nullopt, caller, after);
        });
}

// Proposals: invitees propose items before the meeting; the chair accepts or declines them.
void add_agenda_proposals(CLI::App* agenda, CliContext& context)
{
    struct ProposeOptions {
        std::string meeting, title, kind, detail, source, by;
    };
    auto propose = std::make_shared<ProposeOptions>();
    auto* command = agenda->add_subcommand(
        "propose", "Propose an item for a planned meeting's agenda (any invitee); the chair accepts or declines it");
    command->add_option("MEETING", propose->meeting, "the meeting: MTG-3 or 3")->required();
    command->add_option("--title", propose->title, "what you want discussed")->required();
    command->add_option("--kind", propose->kind,
        "concern (a problem to raise), suggestion (a solution to propose) or update (news to give); default concern");
    command->add_option("--detail", propose->detail, "background for the chair and the room");
    command->add_option("--source", propose->source, "rows it is about: RSK-4, INC-7");
    command->add_option("--by", propose->by, "who proposes it (id or email; default: the person you act as, --as)");
    on_run(command, context, [&context, propose]() -> Result<void> {
        // Each option's text is read as its field reads it, so a wrong kind names the kinds there are.
        Patch fields;
        Problems problems;
        for (auto [name, text] : {std::pair<std::string_view, std::string> {"title", propose->title},
                 {"kind", propose->kind.empty() ? "concern" : propose->kind}, {"detail", propose->detail},
                 {"sources", propose->source}}) {
            if (text.empty())
                continue;
            auto value = parse_field_text(*proposal_spec().find(name), text);
            if (value)
                fields.push_back({std::string(name), std::move(*value)});
            else
                for (const auto& error : value.error().fields())
                    problems.add(name == "sources" ? "source" : error.field, error.message);
        }
        C9_TRY(problems.result());
        auto* store = C9_TRY(context.open());
        auto proposal = C9_TRY(propose_agenda_item(*store, propose->meeting, fields,
            propose->by.empty() ? std::nullopt : std::optional(propose->by), context.caller()));
        if (context.json)
            print_json(row_json(proposal_spec(), proposal));
        else
            std::cout << fmt::format("proposed {} \"{}\" for {}; the chair accepts or declines it\n",
                display_id("PRP", proposal.id), proposal.title, display_id("MTG", proposal.meeting));
        return {};
    });

    auto listed = std::make_shared<std::string>();
    auto* list = agenda->add_subcommand("proposals", "List the items proposed for a meeting and what became of them");
    list->add_option("MEETING", *listed, "the meeting: MTG-3 or 3")->required();
    on_run(list, context, [&context, listed]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto proposals = C9_TRY(list_proposals(*store, *listed, context.caller()));
        if (context.json) {
            auto rows = Json::array();
            for (const auto& proposal : proposals)
                rows.push_back(row_json(proposal_spec(), proposal));
            print_json(rows);
            return {};
        }
        if (proposals.empty()) {
            std::cout << fmt::format("no proposals for {}; invitees propose with `clause9 agenda propose {} --title "
                                     "...`\n",
                *listed, *listed);
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& proposal : proposals) {
            std::string outcome = proposal.status == ProposalStatus::accepted && proposal.agenda_item
                ? display_id("AI", *proposal.agenda_item)
                : proposal.reason.value_or("");
            rows.push_back({display_id("PRP", proposal.id), std::string(to_string(proposal.kind)), proposal.title,
                display_id("PER", proposal.proposed_by), std::string(to_string(proposal.status)), outcome});
        }
        print_text_table(std::cout, {"id", "kind", "title", "by", "status", "item or reason"}, rows);
        return {};
    });

    struct DecideOptions {
        std::string meeting, proposal, section, reason;
    };
    auto accept = std::make_shared<DecideOptions>();
    auto* accept_command = agenda->add_subcommand(
        "accept", "Take a proposal onto the agenda as an item presented by its proposer (the chair)");
    accept_command->add_option("MEETING", accept->meeting, "the meeting: MTG-3 or 3")->required();
    accept_command->add_option("--proposal", accept->proposal, "the proposal: PRP-2 or 2")->required();
    accept_command->add_option("--section", accept->section,
        "the section it goes to, at its end (default other_business; see `agenda add --help`)");
    on_run(accept_command, context, [&context, accept]() -> Result<void> {
        std::optional<AgendaSection> section;
        if (!accept->section.empty()) {
            section = parse_enum<AgendaSection>(accept->section);
            if (!section)
                return Error::invalid("section", fmt::format("\"{}\" is not an agenda section", accept->section));
        }
        auto* store = C9_TRY(context.open());
        auto accepted = C9_TRY(accept_proposal(*store, accept->meeting, accept->proposal, section, context.caller()));
        if (context.json)
            print_json(row_json(agenda_item_spec(), accepted.item));
        else
            std::cout << fmt::format("accepted {}: {} \"{}\", item {} of {}\n", display_id("PRP", accepted.proposal.id),
                display_id("AI", accepted.item.id), accepted.item.title, accepted.item.position,
                display_id("MTG", accepted.item.meeting));
        return {};
    });

    auto decline = std::make_shared<DecideOptions>();
    auto* decline_command
        = agenda->add_subcommand("decline", "Decline a proposal with the reason the minutes give (the chair)");
    decline_command->add_option("MEETING", decline->meeting, "the meeting: MTG-3 or 3")->required();
    decline_command->add_option("--proposal", decline->proposal, "the proposal: PRP-2 or 2")->required();
    decline_command->add_option("--reason", decline->reason, "why it is not taken onto the agenda")->required();
    on_run(decline_command, context, [&context, decline]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto proposal
            = C9_TRY(decline_proposal(*store, decline->meeting, decline->proposal, decline->reason, context.caller()));
        if (context.json)
            print_json(row_json(proposal_spec(), proposal));
        else
            std::cout << fmt::format("declined {} \"{}\"\n", display_id("PRP", proposal.id), proposal.title);
        return {};
    });
}

void add_agenda(CLI::App& root, CliContext& context)
{
    auto* agenda = root.add_subcommand("agenda",
        "Show the agenda of a meeting, built from what changed in the registers (default: the next planned meeting)");
    struct Options {
        MeetingChoice choice;
        std::string format;
    };
    auto options = std::make_shared<Options>();
    agenda->add_option("MEETING", options->choice.meeting, "the meeting: MTG-3 or 3 (default: the next planned one)");
    agenda->add_option("--series", options->choice.series, "without MEETING: the next planned meeting of this series");
    agenda->add_option("--format", options->format, "md (default), html or json");
    agenda->footer("A planned meeting's agenda follows the registers: showing it merges what changed since it was "
                   "built, keeping the chair's edits. Showing an agenda never plans a meeting (see meeting plan).");
    agenda->require_subcommand(0, 1);
    add_agenda_edits(agenda, context);
    add_agenda_proposals(agenda, context);
    agenda->callback([&context, options, agenda] {
        if (!agenda->get_subcommands().empty())
            return;
        auto result = [&]() -> Result<void> {
            auto format = C9_TRY(parse_format(context, options->format));
            auto* store = C9_TRY(context.open());
            print_agenda(C9_TRY(show_agenda(*store, options->choice, context.caller())).doc, format);
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
    command->add_option("MEETING", *meeting, "the meeting: MTG-3 or 3")->required();
    command->add_option("--format", *format_text, "md (default), html or json");
    on_run(command, context, [&context, meeting, format_text]() -> Result<void> {
        auto format = C9_TRY(parse_format(context, *format_text));
        auto* store = C9_TRY(context.open());
        auto minutes = C9_TRY(show_minutes(*store, *meeting, context.caller()));
        if (minutes.sealed) {
            switch (format) {
            case Format::md: std::cout << minutes.sealed->markdown; break;
            case Format::html: std::cout << minutes.sealed->html; break;
            case Format::json: std::cout << minutes.sealed->json << '\n'; break;
            }
            return {};
        }
        switch (format) {
        case Format::md: std::cout << minutes_markdown(*minutes.draft); break;
        case Format::html: std::cout << minutes_html(*minutes.draft); break;
        case Format::json: print_json(minutes_json(*minutes.draft)); break;
        }
        return {};
    });
}

void add_invite(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand("invite", "Print the meeting invitation as an iCalendar file (.ics)");
    auto meeting = std::make_shared<std::string>();
    command->add_option("MEETING", *meeting, "the meeting: MTG-3 or 3")->required();
    on_run(command, context, [&context, meeting]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        std::cout << meeting_ics(C9_TRY(invitation(*store, *meeting, context.caller())));
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
