// clause9 meeting plan|start|attend|close|approve|verify, plus list/show/update from the register spec.
// What is recorded during a meeting (note, decide, act, lesson) is in meeting_record_cmd.cpp.
#include "app/meeting_docs.h"
#include "cli/commands.h"
#include "cli/meeting_ids.h"
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

// A command taking a meeting id whose body runs in one write transaction and returns the meeting.
CLI::App* meeting_verb(CLI::App* noun, CliContext& context, const std::string& name, const std::string& description,
                       std::shared_ptr<std::string> id_text,
                       std::function<Result<Meeting>(Tx&, Id, const Caller&)> body, std::string done)
{
    auto* command = noun->add_subcommand(name, description);
    command->add_option("MEETING", *id_text, "meeting id, e.g. MTG-3")->required();
    on_run(command, context, [&context, id_text, body, done]() -> Result<void> {
        auto id = C9_TRY(meeting_id(*id_text));
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto meeting = C9_TRY(store->write([&](Tx& tx) { return body(tx, id, caller); }));
        print_meeting(context, meeting, done);
        return {};
    });
    return command;
}

void add_plan(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("plan", "Plan the next meeting of a series: date from the cadence, members "
                                                 "invited with their roles");
    auto series = std::make_shared<std::string>();
    auto at = std::make_shared<std::string>();
    command->add_option("--series", *series, "meeting series, e.g. SER-1")->required();
    command->add_option("--at", *at, "start (UTC), e.g. 2026-07-02T09:00Z; default: the cadence after the last one");
    on_run(command, context, [&context, series, at]() -> Result<void> {
        std::optional<Timestamp> starts_at;
        if (!at->empty()) {
            starts_at = parse_timestamp(*at);
            if (!starts_at)
                return Error::invalid("at", fmt::format("must be a date and time like 2026-07-02T09:00Z, not \"{}\"", *at));
        }
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto meeting = C9_TRY(store->write([&](Tx& tx) -> Result<Meeting> {
            auto id = C9_TRY(series_id(tx, *series));
            return plan_meeting(tx, id, starts_at, caller);
        }));
        print_meeting(context, meeting, "planned for " + format_timestamp(meeting.starts_at));
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
    command->add_option("MEETING", options->meeting, "meeting id, e.g. MTG-3")->required();
    command->add_option("PERSON", options->people, "people (id or email)")->required();
    command->add_option("--presence", options->presence, "present, absent, excused or invited (default present)");
    command->add_option("--role", options->role, "chair, minute_taker, member or guest (default: unchanged)");
    on_run(command, context, [&context, options]() -> Result<void> {
        auto id = C9_TRY(meeting_id(options->meeting));
        AttendanceInput input;
        input.presence = parse_enum<Presence>(options->presence);
        if (!input.presence)
            return Error::invalid("presence", "must be present, absent, excused or invited");
        if (!options->role.empty()) {
            input.role = parse_enum<AttendeeRole>(options->role);
            if (!input.role)
                return Error::invalid("role", "must be chair, minute_taker, member or guest");
        }
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto recorded = C9_TRY(store->write([&](Tx& tx) -> Result<std::vector<Attendance>> {
            std::vector<Attendance> out;
            for (const auto& person : options->people) {
                input.person = C9_TRY(person_id(tx, person, "person"));
                out.push_back(C9_TRY(record_attendance(tx, id, input, caller)));
            }
            return out;
        }));
        if (context.json) {
            Json out = Json::array();
            for (const auto& attendance : recorded)
                out.push_back({{"person", attendance.person},
                               {"role", to_string(attendance.role)},
                               {"presence", to_string(attendance.presence)}});
            print_json(out);
        } else {
            for (const auto& attendance : recorded)
                std::cout << fmt::format("{}: {}, {}\n", display_id("PER", attendance.person),
                                         to_string(attendance.role), to_string(attendance.presence));
        }
        return {};
    });
}

void add_close(CLI::App* noun, CliContext& context)
{
    auto reason = std::make_shared<std::string>();
    auto* command = meeting_verb(
        noun, context, "close", "End the meeting; its minutes can then be reviewed and approved",
        std::make_shared<std::string>(),
        [reason](Tx& tx, Id id, const Caller& caller) {
            return close_meeting(tx, id, reason->empty() ? std::nullopt : std::optional(*reason), caller);
        },
        "closed");
    command->add_option("--uncovered-reason,--uncovered_reason", *reason,
                        "management review: why a 9.3.2 input was not considered");
}

void add_approve(CLI::App* noun, CliContext& context)
{
    auto by = std::make_shared<std::string>();
    auto* command = noun->add_subcommand("approve", "Approve the minutes: seals them with their SHA-256; the record "
                                                    "cannot change afterwards");
    auto id_text = std::make_shared<std::string>();
    command->add_option("MEETING", *id_text, "meeting id, e.g. MTG-3")->required();
    command->add_option("--by", *by, "the person approving the minutes (id or email)")->required();
    on_run(command, context, [&context, id_text, by]() -> Result<void> {
        auto id = C9_TRY(meeting_id(*id_text));
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto meeting = C9_TRY(store->write([&](Tx& tx) -> Result<Meeting> {
            auto approver = C9_TRY(person_id(tx, *by, "by"));
            return approve_meeting(tx, id, approver, caller, minutes_renderers());
        }));
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
    auto id_text = std::make_shared<std::string>();
    command->add_option("MEETING", *id_text, "meeting id, e.g. MTG-3")->required();
    on_run(command, context, [&context, id_text]() -> Result<void> {
        auto id = C9_TRY(meeting_id(*id_text));
        auto* store = C9_TRY(context.open());
        auto check = C9_TRY(store->read([&](Tx& tx) { return verify_minutes(tx, id); }));
        if (context.json)
            print_json({{"intact", check.intact}, {"recorded", check.recorded}, {"computed", check.computed}});
        else if (check.intact)
            std::cout << fmt::format("{}: minutes intact (SHA-256 {})\n", display_id("MTG", id), check.recorded);
        if (!check.intact)
            return Error::conflict(fmt::format("{}: the minutes do not match the hash recorded at approval "
                                               "(recorded {}, computed {})",
                                               display_id("MTG", id), check.recorded, check.computed));
        return {};
    });
}

} // namespace

void add_meeting_commands(CLI::App& root, CliContext& context)
{
    auto* noun = add_register_commands(root, context, meeting_spec(),
                                       {"meeting", "Meetings: plan, run, close and approve; see also agenda, minutes",
                                        false});
    add_plan(noun, context);
    meeting_verb(noun, context, "start", "Start the meeting: the agenda is built one last time and frozen",
                 std::make_shared<std::string>(), start_meeting, "started");
    add_attend(noun, context);
    add_meeting_record_commands(noun, context);
    add_close(noun, context);
    add_approve(noun, context);
    add_verify(noun, context);
}

} // namespace c9
