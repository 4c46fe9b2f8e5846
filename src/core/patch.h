// Turning input (CLI option text, JSON values) into field values, and applying a set of changes to a row.
#pragma once

#include "core/entity.h"
#include "core/problems.h"

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

struct FieldInput {
    std::string field;
    Value value;
};
using Patch = std::vector<FieldInput>;

// Parses the text form of a value for a field of the given kind: "4", "2026-03-31", "yes", "critical".
// An empty text means "no value" (clears an optional field). Person fields keep an email as text for the caller
// to resolve; reference fields accept a display id such as INC-7.
Result<Value> parse_field_text(FieldKind kind, std::span<const std::string_view> choices, std::string_view target,
                               std::string_view field_name, std::string_view text);

template <class T>
Result<Value> parse_field_text(const FieldSpec<T>& spec, std::string_view text)
{
    return parse_field_text(spec.kind, spec.choices, spec.target, spec.name, text);
}

// Normalises a control list: "A.8.8,5.1  8.8" -> "5.1, 8.8". Fails on anything that is not an Annex A id.
Result<std::string> normalize_controls(std::string_view text);
std::vector<std::string> split_controls(std::string_view canonical);

std::string choices_text(std::span<const std::string_view> choices);

enum class PatchMode { create, update };

// Applies the changes to the row. Unknown fields, read-only fields and values of the wrong type are reported per
// field; nothing is applied when anything is wrong.
template <class T>
Result<void> apply_patch(const EntitySpec<T>& spec, T& row, const Patch& patch)
{
    Problems problems;
    T changed = row;
    for (const auto& input : patch) {
        const auto* field_spec = spec.find(input.field);
        if (!field_spec) {
            problems.add(input.field, "is not a field of " + std::string(spec.name));
            continue;
        }
        if (field_spec->has(read_only)) {
            problems.add(input.field, "is set by the system and cannot be changed directly");
            continue;
        }
        if (!field_spec->set(changed, input.value))
            problems.add(input.field, "has a value of the wrong type");
    }
    C9_TRY(problems.result());
    row = std::move(changed);
    return {};
}

// Required fields must hold a value (a non-empty text).
template <class T>
void check_required(const EntitySpec<T>& spec, const T& row, Problems& problems)
{
    for (const auto& field_spec : spec.fields) {
        if (!field_spec.has(required) || problems.has(field_spec.name))
            continue;
        Value value = field_spec.get(row);
        const auto* text = std::get_if<std::string>(&value);
        if (is_null(value) || (text && text->empty()))
            problems.add(std::string(field_spec.name), "is required");
    }
}

} // namespace c9
