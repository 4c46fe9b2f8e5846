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
    command->add_option("--by", options->by, "the person approving the minutes: PER-2, 2 or an email")->required();
    on_run(command, context, [&context, options]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto meeting
            = C9_TRY(approve_meeting(*store, options->meeting, options->by, context.caller(), minutes_renderers()));
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
}

} // namespace c9
