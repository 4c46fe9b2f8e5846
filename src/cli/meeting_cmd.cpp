// clause9 meeting plan|start|attend|close|approve|verify, plus list/show/update from the register spec.
// What is recorded during a meeting (note, decide, act, lesson) is in meeting_record_cmd.cpp.
#include "app/meeting_cycle.h"
#include "cli/commands.h"
#include "cli/register_commands.h"
#include "export/renderers.h"

namespace c9 {

namespace {

void print_meeting(CliContext& context, const Meeting& meeting, std::string_view what)
{
    if (context.json)
        print_json(row_json(meeting_spec(), meeting));
    else
        std::cout << fmt::format("{} {}: {} ({})\n", display_id("MTG", meeting.id), what, meeting.title,
            to_string(meeting.state));
}

CLI::Option* add_meeting_argument(CLI::App* command, std::string& meeting)
{
    return command->add_option("MEETING", meeting, "the meeting: MTG-3 or 3")->required();
}

void add_plan(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("plan", "Plan the next meeting of a series: date from the cadence, members "
                                                 "invited with their roles");
    struct Options {
        std::string series, at;
    };
    auto options = std::make_shared<Options>();
    command->add_option("--series", options->series, "meeting series: SER-1 or 1")->required();
    command->add_option("--at", options->at, "start (UTC), e.g. 2026-07-02T09:00Z; default: the cadence after the last one");
    on_run(command, context, [&context, options]() -> Result<void> {
        std::optional<Timestamp> starts_at;
        if (!options->at.empty()) {
            starts_at = parse_timestamp(options->at);
            if (!starts_at)
                return Error::invalid(
                    "at", fmt::format("must be a date and time like 2026-07-02T09:00Z, not \"{}\"", options->at));
        }
        auto* store = C9_TRY(context.open());
        auto meeting = C9_TRY(plan_meeting(*store, options->series, starts_at, context.caller()));
        print_meeting(context, meeting, "planned for " + format_timestamp(meeting.starts_at));
        return {};
    });
}

void add_start(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("start", "Start the meeting: the agenda is built one last time and frozen");
    auto meeting = std::make_shared<std::string>();
    add_meeting_argument(command, *meeting);
    on_run(command, context, [&context, meeting]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        print_meeting(context, C9_TRY(start_meeting(*store, *meeting, context.caller())), "started");
        return {};
    });
}

void add_attend(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("attend", "Record attendance and roles: who is present, absent or excused");
    struct Options {
        std::string meeting, role, presence = "present";
        std::vector<std::string> people;
    };
    auto options = std::make_shared<Options>();
    add_meeting_argument(command, options->meeting);
    command->add_option("PERSON", options->people, "people: PER-2, 2 or an email")->required();
    command->add_option("--presence", options->presence,
        choice_help("how they attend (default present)", FieldKind::choice, enum_names<Presence>()));
    command->add_option("--role", options->role,
        choice_help("their role (default: unchanged; someone new is a member)", FieldKind::choice,
            enum_names<AttendeeRole>()));
    on_run(command, context, [&context, options]() -> Result<void> {
        AttendanceChange change{options->people, std::nullopt, parse_enum<Presence>(options->presence)};
        if (!change.presence)
            return Error::invalid("presence", "must be one of " + choices_text(enum_names<Presence>()));
        if (!options->role.empty()) {
            change.role = parse_enum<AttendeeRole>(options->role);
            if (!change.role)
                return Error::invalid("role", "must be one of " + choices_text(enum_names<AttendeeRole>()));
        }
        auto* store = C9_TRY(context.open());
        auto recorded = C9_TRY(record_attendance(*store, options->meeting, change, context.caller()));
        if (context.json) {
            Json out = Json::array();
            for (const auto& attendance : recorded)
                out.push_back(attendance_json(attendance));
            print_json(out);
            return {};
        }
        for (const auto& attendance : recorded)
            std::cout << fmt::format("{}: {}, {}\n", display_id("PER", attendance.person), to_string(attendance.role),
                to_string(attendance.presence));
        return {};
    });
}

void add_close(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("close", "End the meeting; its minutes can then be reviewed and approved");
    struct Options {
        std::string meeting, reason;
    };
    auto options = std::make_shared<Options>();
    add_meeting_argument(command, options->meeting);
    auto* reason = command->add_option("--uncovered-reason,--uncovered_reason", options->reason,
        "management review: why a 9.3.2 input was not considered");
    on_run(command, context, [&context, options, reason]() -> Result<void> {
        std::optional<std::string> uncovered;
        if (reason->count() > 0)
            uncovered = options->reason;
        auto* store = C9_TRY(context.open());
        print_meeting(context, C9_TRY(close_meeting(*store, options->meeting, uncovered, context.caller())), "closed");
        return {};
    });
}

void add_approve(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("approve", "Approve the minutes: seals them with their SHA-256; the record "
                                                    "cannot change afterwards");
    struct Options {
        std::string meeting, by;
    };
    auto options = std::make_shared<Options>();
    add_meeting_argument(command, options->meeting);
    auto* by = command->add_option("--by", options->by,
        "the person approving the minutes, the chair or an attendee who was present: PER-2, 2 or an email "
        "(default: the person of --as)");
    on_run(command, context, [&context, options, by]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        std::optional<std::string> approver;
        if (by->count() > 0)
            approver = options->by;
        auto meeting
            = C9_TRY(approve_meeting(*store, options->meeting, approver, context.caller(), minutes_renderers()));
        if (context.json)
            print_json(row_json(meeting_spec(), meeting));
        else
            std::cout << fmt::format("{} approved; minutes SHA-256 {}\n", display_id("MTG", meeting.id),
                meeting.minutes_hash.value_or(""));
        return {};
    });
}

void add_verify(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("verify", "Check that the approved minutes still match their recorded hash");
    auto meeting = std::make_shared<std::string>();
    add_meeting_argument(command, *meeting);
    on_run(command, context, [&context, meeting]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto check = C9_TRY(verify_minutes(*store, *meeting));
        if (context.json)
            print_json({{"intact", check.intact}, {"recorded", check.recorded}, {"computed", check.computed}});
        else if (check.intact)
            std::cout << fmt::format("{}: minutes intact (SHA-256 {})\n", *meeting, check.recorded);
        if (!check.intact)
            return Error::conflict(fmt::format("{}: the minutes do not match the hash recorded at approval "
                                               "(recorded {}, computed {})",
                *meeting, check.recorded, check.computed));
        return {};
    });
}

// clause9 series member add|remove|list: who each meeting of the series invites, with their roles.
void add_series_members(CLI::App* series, CliContext& context)
{
    auto* noun = series->add_subcommand("member", "Standing members of a series: `meeting plan` invites each of them "
                                                  "with their role; meetings already planned or held stay as they are");
    noun->require_subcommand(1);
    struct Options {
        std::string series, person, role;
    };
    auto print_member = [&context](const SeriesMember& member, std::string_view done) {
        if (context.json)
            print_json({{"series", member.series}, {"person", member.person}, {"role", to_string(member.role)}});
        else
            std::cout << fmt::format("{} {} of {} as {}\n", display_id("PER", member.person), done,
                display_id("SER", member.series), to_string(member.role));
    };

    auto add = std::make_shared<Options>();
    auto* add_command = noun->add_subcommand("add", "Add a standing member, or change a member's role");
    add_command->add_option("SERIES", add->series, "the series: SER-1 or 1")->required();
    add_command->add_option("--person", add->person, "the person: PER-3, 3 or an email")->required();
    add_command->add_option("--role", add->role, "member (default), chair or minute_taker");
    on_run(add_command, context, [&context, add, print_member]() -> Result<void> {
        std::optional<AttendeeRole> role;
        if (!add->role.empty()) {
            role = parse_enum<AttendeeRole>(add->role);
            if (!role)
                return Error::invalid("role", "must be one of member, chair, minute_taker");
        }
        auto* store = C9_TRY(context.open());
        print_member(C9_TRY(add_series_member(*store, add->series, add->person, role, context.caller())),
            "is a standing member");
        return {};
    });

    auto remove = std::make_shared<Options>();
    auto* remove_command = noun->add_subcommand("remove", "Remove a standing member (from meetings planned later)");
    remove_command->add_option("SERIES", remove->series, "the series: SER-1 or 1")->required();
    remove_command->add_option("--person", remove->person, "the person: PER-3, 3 or an email")->required();
    on_run(remove_command, context, [&context, remove, print_member]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        print_member(C9_TRY(remove_series_member(*store, remove->series, remove->person, context.caller())),
            "is no longer a standing member");
        return {};
    });

    auto list = std::make_shared<Options>();
    auto* list_command = noun->add_subcommand("list", "List the standing members of a series");
    list_command->add_option("SERIES", list->series, "the series: SER-1 or 1")->required();
    on_run(list_command, context, [&context, list]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto view = C9_TRY(list_series_members(*store, list->series, context.caller()));
        if (context.json) {
            auto rows = Json::array();
            for (const auto& member : view.members)
                rows.push_back({{"person", member.person}, {"name", view.names[member.person]},
                    {"role", to_string(member.role)}});
            print_json(rows);
            return {};
        }
        if (view.members.empty())
            std::cout << fmt::format("{} has no standing members; add them with `clause9 series member add {} "
                                     "--person PER-n`\n",
                display_id("SER", view.series.id), display_id("SER", view.series.id));
        for (const auto& member : view.members)
            std::cout << fmt::format("{:<8} {:<32} {}\n", display_id("PER", member.person), view.names[member.person],
                to_string(member.role));
        return {};
    });
}

} // namespace

void add_meeting_commands(CLI::App& root, CliContext& context)
{
    auto* noun = add_register_commands(
        root, context, meeting_spec(), {"meeting", "Meetings: plan, run, close and approve; see also agenda, minutes"});
    add_plan(noun, context);
    add_start(noun, context);
    add_attend(noun, context);
    add_meeting_record_commands(noun, context);
    add_close(noun, context);
    add_approve(noun, context);
    add_verify(noun, context);
    add_series_members(root.get_subcommand("series"), context);
    add_decision_log(root, context);
}

} // namespace c9
