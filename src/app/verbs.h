// Carrying out the verbs the registers declare (core/entity.h VerbSpec): `vuln close VUL-1`, `action done ACT-4`,
// `activity complete MNT-1`, and their API routes. One function for every verb of every register, so the CLI and
// the API cannot disagree on what closing means.
//
// A state verb is an update with rules:
//   - it applies only to rows in one of its `from` states: closing a closed row is a conflict, not a success;
//   - it moves the row to the state the caller names, which must be one of its `to` states (a close that would
//     leave a vulnerability open is invalid input in the state field), else to the first of them;
//   - then the row's own rules run as for any update, and what it changed is recorded under the verb's name.
// A log verb appends to the row's log (app/activities.h, app/kpis.h) and may move the row on (an activity's next
// due date).
#pragma once

#include "app/registers.h"
#include "core/activity.h"
#include "core/kpi.h"

namespace c9 {

template <class T>
struct VerbOutcome {
    T row;
    bool changed = true;
    std::optional<LogEntry> entry; // a log verb's new entry
};

// Log verbs, one overload per register that has a log; the template is for registers without one.
template <class T>
Result<VerbOutcome<T>> append_log(Tx&, const T&, const Patch&, const Caller&)
{
    return Error::internal("app: this register has no log");
}
template <class T>
Result<std::vector<LogEntry>> read_log(Tx&, const T&)
{
    return Error::internal("app: this register has no log");
}
Result<VerbOutcome<Activity>> append_log(Tx& tx, const Activity& activity, const Patch& inputs, const Caller& caller);
Result<std::vector<LogEntry>> read_log(Tx& tx, const Activity& activity);
Result<VerbOutcome<Kpi>> append_log(Tx& tx, const Kpi& kpi, const Patch& inputs, const Caller& caller);
Result<std::vector<LogEntry>> read_log(Tx& tx, const Kpi& kpi);

// Every input is one the verb takes, and every input it requires is there.
Result<void> check_verb_inputs(std::string_view verb, const std::vector<ParamSpec>& takes, const Patch& inputs);
bool state_in(std::string_view state, const std::vector<std::string_view>& states);
std::string states_text(const std::vector<std::string_view>& states);

template <class T>
Result<VerbOutcome<T>> state_verb(
    Tx& tx, const EntitySpec<T>& spec, const VerbSpec<T>& verb, const T& before, Patch patch, const Caller& caller)
{
    const auto* state = spec.find(verb.state);
    if (!state)
        return Error::internal(fmt::format("app: {} {} moves an unknown field {}", spec.name, verb.name, verb.state));
    auto current = to_text(state->get(before));
    if (!verb.from.empty() && !state_in(current, verb.from))
        return Error::conflict(fmt::format("{} is {}: {} applies to {} that are {}", display_id(spec.prefix, before.id),
            current, verb.name, spec.plural, states_text(verb.from)));
    auto given = std::find_if(
        patch.begin(), patch.end(), [&](const FieldInput& input) { return input.field == verb.state; });
    if (given != patch.end() && !state_in(to_text(given->value), verb.to))
        return Error::invalid(std::string(verb.state),
            fmt::format("{} leaves a {} {}, not {}; change it with update otherwise", verb.name, spec.name,
                states_text(verb.to), to_text(given->value).empty() ? "empty" : to_text(given->value)));
    if (given == patch.end() && !state->has(read_only))
        patch.push_back({std::string(verb.state), std::string(verb.to.front())});
    auto changed = C9_TRY(change_row(tx, spec, before, patch, caller, verb.name, verb.stamp));
    // Whatever the register's rules derived, the verb ends in one of its states.
    if (!state_in(to_text(state->get(changed.row)), verb.to))
        return Error::internal(fmt::format("app: {} {} left {} {}", spec.name, verb.name,
            display_id(spec.prefix, before.id), to_text(state->get(changed.row))));
    return VerbOutcome<T>{std::move(changed.row), changed.changed, std::nullopt};
}

// Carries out `verb` on the row `ref` names, with the inputs the caller gave (parsed by kind, references as typed).
template <class T>
Result<VerbOutcome<T>> run_verb(Store& store, const EntitySpec<T>& spec, std::string_view verb_name,
    std::string_view ref, const Patch& inputs, std::optional<std::int64_t> expected_version, const Caller& caller)
{
    const auto* verb = spec.find_verb(verb_name);
    if (!verb)
        return Error::internal(fmt::format("app: {} has no verb {}", spec.name, verb_name));
    C9_TRY(check_verb_inputs(verb->name, verb_inputs(spec, *verb), inputs));
    return store.write([&](Tx& tx) -> Result<VerbOutcome<T>> {
        auto before = C9_TRY(get_row(tx, spec, C9_TRY(find_row_id(tx, spec, ref))));
        C9_TRY(check_version(spec, before, expected_version));
        if (verb->is_log()) {
            C9_TRY(require(caller, write_permission(spec.name), row_owner(spec, before), spec.plural));
            return append_log(tx, before, inputs, caller);
        }
        return state_verb(tx, spec, *verb, before, inputs, caller);
    });
}

template <class T>
struct LogView {
    T row;
    std::vector<LogEntry> entries; // oldest first
    PersonNames names;
};

// The log a log verb appends to, for the row `ref` names.
template <class T>
Result<LogView<T>> show_log(Store& store, const EntitySpec<T>& spec, std::string_view ref, unsigned include = rows_only)
{
    return store.read([&](Tx& tx) -> Result<LogView<T>> {
        LogView<T> view{C9_TRY(get_row(tx, spec, C9_TRY(find_row_id(tx, spec, ref)))), {}, {}};
        view.entries = C9_TRY(read_log(tx, view.row));
        if (include & with_names)
            view.names = C9_TRY(person_names(tx));
        return view;
    });
}

} // namespace c9
