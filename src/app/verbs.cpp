#include "app/verbs.h"

#include "app/activities.h"
#include "app/kpis.h"
#include "store/completions.h"
#include "store/measurements.h"

namespace c9 {

namespace {

const Value* input_of(const Patch& inputs, std::string_view name)
{
    for (const auto& input : inputs)
        if (input.field == name && !is_null(input.value))
            return &input.value;
    return nullptr;
}

std::optional<std::string> text_input(const Patch& inputs, std::string_view name)
{
    if (const auto* value = input_of(inputs, name))
        return to_text(*value);
    return std::nullopt;
}

} // namespace

bool state_in(std::string_view state, const std::vector<std::string_view>& states)
{
    return std::find(states.begin(), states.end(), state) != states.end();
}

std::string states_text(const std::vector<std::string_view>& states)
{
    std::string out;
    for (size_t index = 0; index < states.size(); ++index)
        out += fmt::format("{}{}", index == 0 ? "" : index + 1 == states.size() ? " or " : ", ", states[index]);
    return out;
}

Result<void> check_verb_inputs(std::string_view verb, const std::vector<ParamSpec>& takes, const Patch& inputs)
{
    Problems problems;
    std::string names;
    for (const auto& param : takes)
        names += fmt::format("{}{}", names.empty() ? "" : ", ", param.name);
    for (const auto& input : inputs)
        if (std::none_of(takes.begin(), takes.end(), [&](const ParamSpec& param) { return param.name == input.field; }))
            problems.add(input.field,
                fmt::format("is not taken by {}{}", verb, names.empty() ? "" : fmt::format(" (it takes {})", names)));
    for (const auto& param : takes)
        if (param.has(required) && !input_of(inputs, param.name))
            problems.add(std::string(param.name), "is required");
    return problems.result();
}

// 9.1, 7.5: `activity complete` logs the completion and moves the activity to its next due date, together.
Result<VerbOutcome<Activity>> append_log(Tx& tx, const Activity& activity, const Patch& inputs, const Caller& caller)
{
    CompletionInput input;
    Problems problems;
    if (auto date = text_input(inputs, "date"))
        input.done_on = parse_date(*date);
    if (auto result = text_input(inputs, "result"))
        input.result = parse_enum<ActivityResult>(*result).value_or(ActivityResult::ok);
    input.evidence = text_input(inputs, "evidence");
    input.note = text_input(inputs, "note");
    if (const auto* by = input_of(inputs, "by"))
        input.done_by = C9_TRY(resolve_ref(tx, *find_register("person"), "by", *by, problems));
    C9_TRY(problems.result());
    auto outcome = C9_TRY(complete_activity(tx, activity.id, input, caller));
    auto entry = log_entry(outcome.activity, outcome.completion);
    return VerbOutcome<Activity> {std::move(outcome.activity), true, std::move(entry)};
}

Result<std::vector<LogEntry>> read_log(Tx& tx, const Activity& activity)
{
    std::vector<LogEntry> entries;
    for (const auto& completion : C9_TRY(completions_of(tx, activity.id)))
        entries.push_back(log_entry(activity, completion));
    return entries;
}

// 9.1: a manual KPI's value for a period; a second value for the same period replaces the first.
Result<VerbOutcome<Kpi>> append_log(Tx& tx, const Kpi& kpi, const Patch& inputs, const Caller& caller)
{
    double value = 0;
    if (const auto* given = input_of(inputs, "value"))
        if (const auto* real = std::get_if<double>(given))
            value = *real;
    auto measurement
        = C9_TRY(record_measurement(tx, kpi.id, text_input(inputs, "period").value_or(""), value,
            text_input(inputs, "note"), caller));
    return VerbOutcome<Kpi>{kpi, true, log_entry(kpi, measurement)};
}

Result<std::vector<LogEntry>> read_log(Tx& tx, const Kpi& kpi)
{
    std::vector<LogEntry> entries;
    for (const auto& measurement : C9_TRY(measurements_of(tx, kpi.id)))
        entries.push_back(log_entry(kpi, measurement));
    return entries;
}

} // namespace c9
