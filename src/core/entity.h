// The registers share one shape: a plain struct of typed fields, described once by an EntitySpec that names each
// field, its kind and its flags. The store, the CLI, the API and the history diff all work from that description,
// so adding a field to a register is one line here and one column in a migration.
#pragma once

#include "core/enum_names.h"
#include "core/query.h"
#include "core/result.h"
#include "core/time.h"
#include "core/value.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace c9 {

// Every register row carries these (DESIGN.md section 3).
struct Row {
    Id id = 0;
    std::int64_t version = 0;
    Timestamp created_at{};
    std::string created_by;
    Timestamp updated_at{};
    std::string updated_by;
};

enum class FieldKind {
    text,
    integer,
    real,
    boolean,
    date,
    timestamp,
    choice,    // one of a fixed list of names
    person,    // id of a person; the CLI and API also accept the person's email
    reference, // id of a row in another register (FieldSpec::target)
    controls,  // Annex A control ids, canonical "5.1, 8.8"
};

enum FieldFlag : unsigned {
    no_flags = 0,
    required = 1u << 0, // must be given when the row is created and can never be cleared
    read_only = 1u << 1, // set by the rules or the catalog, never taken from input
    listed = 1u << 2, // a column of the human-readable list
    filterable = 1u << 3, // `list --FIELD VALUE` and `?FIELD=VALUE` filter on it
    multiline = 1u << 4, // free text that may be long (forms show a text area)
    // A date that may lie before the row was entered: a team moving in records its past. A write that sets it so is
    // marked back-dated in the audit trail (app/registers.h backdated_note).
    backdatable = 1u << 5,
};

enum class Storage { integer, real, text };

Storage storage_of(FieldKind kind);
std::string_view to_string(FieldKind kind);

template <class T>
struct FieldSpec {
    std::string_view name;
    FieldKind kind;
    unsigned flags;
    std::string_view help;
    std::span<const std::string_view> choices; // FieldKind::choice
    std::string_view target;                   // FieldKind::reference: the register's name
    Value (*get)(const T&);
    bool (*set)(T&, const Value&); // false when the value is not of the field's type
    std::string_view label; // what forms and tables call it, when its name does not say it well

    bool has(FieldFlag flag) const { return (flags & flag) != 0; }
    // field<&Incident::owner>("owner", ...).labelled("Handler")
    FieldSpec labelled(std::string_view text) const
    {
        auto copy = *this;
        copy.label = text;
        return copy;
    }
};

// "residual_likelihood" -> "Residual likelihood": the label of a field that has none of its own.
std::string label_of(std::string_view name, std::string_view label = {});

// Conversions between member types and Value. A false return means the Value has the wrong type or an unknown name.
inline Value to_value(const std::string& text) { return text; }
inline Value to_value(std::int64_t number) { return number; }
inline Value to_value(int number) { return std::int64_t{number}; }
inline Value to_value(double number) { return number; }
inline Value to_value(bool flag) { return std::int64_t{flag ? 1 : 0}; }
inline Value to_value(Date date) { return format_date(date); }
inline Value to_value(Timestamp at) { return format_timestamp(at); }
template <NamedEnum E>
Value to_value(E value)
{
    return std::string(to_string(value));
}
template <class M>
Value to_value(const std::optional<M>& optional)
{
    return optional ? to_value(*optional) : Value{};
}

bool from_value(const Value& value, std::string& out);
bool from_value(const Value& value, std::int64_t& out);
bool from_value(const Value& value, int& out);
bool from_value(const Value& value, double& out);
bool from_value(const Value& value, bool& out);
bool from_value(const Value& value, Date& out);
bool from_value(const Value& value, Timestamp& out);
template <NamedEnum E>
bool from_value(const Value& value, E& out)
{
    const auto* name = std::get_if<std::string>(&value);
    if (!name)
        return false;
    auto parsed = parse_enum<E>(*name);
    if (!parsed)
        return false;
    out = *parsed;
    return true;
}
template <class M>
bool from_value(const Value& value, std::optional<M>& out)
{
    if (is_null(value)) {
        out.reset();
        return true;
    }
    M inner{};
    if (!from_value(value, inner))
        return false;
    out = std::move(inner);
    return true;
}

template <class>
struct MemberTraits;
template <class C, class M>
struct MemberTraits<M C::*> {
    using Class = C;
    using Member = M;
};

template <auto Member, class T>
Value get_member(const T& row)
{
    return to_value(row.*Member);
}

template <auto Member, class T>
bool set_member(T& row, const Value& value)
{
    return from_value(value, row.*Member);
}

template <class E>
std::span<const std::string_view> choices_of()
{
    if constexpr (NamedEnum<E>)
        return enum_names<E>();
    else
        return {};
}

template <class M>
struct Unwrap {
    using Type = M;
};
template <class M>
struct Unwrap<std::optional<M>> {
    using Type = M;
};

// field<&Risk::likelihood>("likelihood", FieldKind::integer, required | listed, "1 = rare ... 5 = almost certain")
template <auto Member, class T = typename MemberTraits<decltype(Member)>::Class>
FieldSpec<T> field(std::string_view name, FieldKind kind, unsigned flags, std::string_view help,
                   std::string_view target = {})
{
    using Member_t = typename Unwrap<typename MemberTraits<decltype(Member)>::Member>::Type;
    return FieldSpec<T> {
        name, kind, flags, help, choices_of<Member_t>(), target, &get_member<Member, T>, &set_member<Member, T>, {}};
}

// An input of a verb that is not a field of the row (the date an activity was done, a KPI's measured value).
struct ParamSpec {
    std::string_view name;
    FieldKind kind;
    unsigned flags; // required, multiline
    std::string_view help;
    std::span<const std::string_view> choices; // FieldKind::choice
    std::string_view target;                   // FieldKind::reference
    std::string_view fallback;                 // what an absent input means, for help texts ("today")

    bool has(FieldFlag flag) const { return (flags & flag) != 0; }
};

// A verb moves a row along its life (`clause9 vuln close VUL-1`, POST /api/v1/vulnerabilities/1/close). It is
// declared once, next to the register's fields; the CLI command, the API route, the OpenAPI operation and the web
// UI's button are all generated from the declaration, and app/verbs.h carries it out.
//
// A state verb is an update with rules: the caller may give `fields`; the verb moves `state` to one of `to` (the
// first when the caller names none) and applies only to rows whose state is one of `from`. `stamp` sets what else
// follows from the verb (an incident's closed_at), before the register's derive() and validate() run as for any
// update.
//
// A log verb appends an entry to the row's log instead (an activity's completions, a KPI's measurements): it takes
// `params` and the API posts them to /api/v1/{plural}/{id}/{log}; `list_name` is the CLI command that shows the log.
template <class T>
struct VerbSpec {
    std::string_view name;
    std::string_view help;
    std::vector<std::string_view> fields;
    std::string_view state;
    std::vector<std::string_view> to;
    std::vector<std::string_view> from;
    void (*stamp)(T& row, Timestamp now) = nullptr;
    std::string_view log;
    std::string_view list_name;
    std::vector<ParamSpec> params;

    bool is_log() const { return !log.empty(); }
    bool takes(std::string_view input) const
    {
        for (auto name : fields)
            if (name == input)
                return true;
        for (const auto& param : params)
            if (param.name == input)
                return true;
        return false;
    }
    // The names the caller may give, in declaration order.
    std::vector<std::string_view> inputs() const
    {
        std::vector<std::string_view> names = fields;
        for (const auto& param : params)
            names.push_back(param.name);
        return names;
    }
};

// One entry of a row's log (an activity's completion, a KPI's measurement) as the front ends show it: named values
// of known kinds, rendered like a row's fields.
struct EntryField {
    std::string_view name;
    FieldKind kind;
    Value value;
};
using LogEntry = std::vector<EntryField>;

struct FieldInput;
class Problems;

template <class T>
struct EntitySpec {
    // Inputs of one create or update that contradict each other before anything is derived from them (a CVSS score
    // and a severity that disagree): reported at the field at fault rather than one silently winning.
    using InputCheck = void (*)(const std::vector<FieldInput>& input, Problems& problems);

    std::string_view name;   // "risk": CLI noun, history and audit entity name
    std::string_view plural; // "risks": API collection
    std::string_view table;  // SQL table
    std::string_view prefix; // "RSK": display id RSK-12
    std::string_view title;  // "Risk"
    std::vector<FieldSpec<T>> fields;
    // Rows still needing attention (`list --open`), and those past their date (`list --overdue`); null when the
    // register has no such notion.
    std::vector<Filter> (*open_filter)() = nullptr;
    std::vector<Filter> (*overdue_filter)(Date today) = nullptr;
    std::vector<VerbSpec<T>> verbs;
    // Whether people create rows: the control catalog is loaded by `clause9 init`, meetings are planned from their
    // series (which invites its members).
    bool can_create = true;
    InputCheck check_input = nullptr;

    const FieldSpec<T>* find(std::string_view field_name) const
    {
        for (const auto& spec : fields)
            if (spec.name == field_name)
                return &spec;
        return nullptr;
    }
    const VerbSpec<T>* find_verb(std::string_view verb_name) const
    {
        for (const auto& verb : verbs)
            if (verb.name == verb_name)
                return &verb;
        return nullptr;
    }
};

std::string display_id(std::string_view prefix, Id id);

// Parses a display id ("RSK-12", "rsk-12") or a bare number ("12").
std::optional<Id> parse_display_id(std::string_view prefix, std::string_view text);

// The fields of a register as inputs: what an update takes, and with `creating` the required flags of an add.
template <class T>
std::vector<ParamSpec> field_params(const EntitySpec<T>& spec, bool creating)
{
    std::vector<ParamSpec> inputs;
    for (const auto& field_spec : spec.fields) {
        unsigned flags = field_spec.flags & (read_only | multiline);
        if (creating)
            flags |= field_spec.flags & required;
        inputs.push_back(
            {field_spec.name, field_spec.kind, flags, field_spec.help, field_spec.choices, field_spec.target, {}});
    }
    return inputs;
}

// What a verb takes, each as a parameter: the row's fields it lets the caller give, then its own parameters.
template <class T>
std::vector<ParamSpec> verb_inputs(const EntitySpec<T>& spec, const VerbSpec<T>& verb)
{
    std::vector<ParamSpec> inputs;
    for (auto name : verb.fields) {
        const auto* field_spec = spec.find(name);
        if (!field_spec)
            continue;
        // The state a state verb moves to is one of its own states, the first when none is given.
        if (name == verb.state && !verb.to.empty()) {
            inputs.push_back({field_spec->name, field_spec->kind, no_flags, "the state it ends in",
                std::span<const std::string_view>(verb.to), {}, verb.to.front()});
            continue;
        }
        inputs.push_back({field_spec->name, field_spec->kind, field_spec->flags & multiline, field_spec->help,
            field_spec->choices, field_spec->target, {}});
    }
    for (const auto& param : verb.params)
        inputs.push_back(param);
    return inputs;
}

template <class T>
std::vector<Value> values_of(const EntitySpec<T>& spec, const T& row)
{
    std::vector<Value> values;
    values.reserve(spec.fields.size());
    for (const auto& field_spec : spec.fields)
        values.push_back(field_spec.get(row));
    return values;
}

} // namespace c9
