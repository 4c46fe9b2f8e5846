// Create, update, fetch and list for every register, from its EntitySpec: resolve people and references, apply
// the input, derive, validate, then write the row, its history and its audit entry in one transaction.
#pragma once

#include "app/caller.h"
#include "app/hooks.h"
#include "core/patch.h"
#include "core/registry.h"
#include "store/lookups.h"
#include "store/settings_store.h"
#include "store/typed.h"

#include <fmt/format.h>

namespace c9 {

// Turns emails into person ids and checks that every person, referenced row and control exists. Problems are
// collected per field.
template <class T> Result<Patch> resolve_references(Tx& tx, const EntitySpec<T>& spec, Patch patch, Problems& problems)
{
    for (auto& input : patch) {
        const auto* field_spec = spec.find(input.field);
        if (!field_spec || is_null(input.value))
            continue;
        switch (field_spec->kind) {
        case FieldKind::person: {
            if (const auto* email = std::get_if<std::string>(&input.value)) {
                auto id = C9_TRY(person_by_email(tx, *email));
                if (!id)
                    problems.add(input.field, fmt::format("no person has the email {}", *email));
                else
                    input.value = *id;
            } else if (const auto* id = std::get_if<std::int64_t>(&input.value)) {
                if (!C9_TRY(tx.exists("people", *id)))
                    problems.add(input.field, fmt::format("no person has the id {}", *id));
            }
            break;
        }
        case FieldKind::reference: {
            const auto* target = find_register(field_spec->target);
            const auto* id = std::get_if<std::int64_t>(&input.value);
            if (target && id && !C9_TRY(tx.exists(target->table, *id)))
                problems.add(
                    input.field, fmt::format("{} {} does not exist", target->name, display_id(target->prefix, *id)));
            break;
        }
        case FieldKind::controls: {
            const auto* text = std::get_if<std::string>(&input.value);
            auto normalized
                = text ? normalize_controls(*text) : Result<std::string>(Error::invalid(input.field, "must be text"));
            if (normalized) {
                auto unknown = C9_TRY(unknown_controls(tx, split_controls(*normalized)));
                if (!unknown.empty())
                    problems.add(input.field,
                        fmt::format("{} not in the control catalog; run clause9 init", fmt::join(unknown, ", ")));
            }
            break;
        }
        default:
            break;
        }
    }
    return patch;
}

// "likelihood 3 -> 4; owner 2 -> 5"; long texts are named, not quoted.
std::string change_summary(const std::vector<std::pair<std::string_view, std::pair<Value, Value>>>& changes);

template <class T>
Result<void> check_row(
    Tx& tx, const EntitySpec<T>& spec, const T* before, T& row, const Rules& rules, Problems& problems)
{
    // Text is UTF-8 without NULs on every engine, however it arrived (CLI arguments are raw bytes).
    for (const auto& field_spec : spec.fields) {
        auto value = field_spec.get(row);
        if (const auto* text = std::get_if<std::string>(&value))
            if (auto problem = text_problem(*text); problem && !problems.has(field_spec.name))
                problems.add(std::string(field_spec.name), *problem);
    }
    // Control lists are kept in one canonical form ("5.1, 8.8") whatever way they arrived.
    for (const auto& field_spec : spec.fields) {
        if (field_spec.kind != FieldKind::controls)
            continue;
        auto normalized = normalize_controls(to_text(field_spec.get(row)));
        if (!normalized)
            problems.add(std::string(field_spec.name), normalized.error().fields().at(0).message);
        else
            field_spec.set(row, *normalized);
    }
    C9_TRY(complete_from_store(tx, row));
    derive(row, before, rules);
    check_required(spec, row, problems);
    validate(row, before, rules, problems);
    C9_TRY(check_against_store(tx, before, row, problems));
    return problems.result();
}

// Creates a row inside an open transaction (for use cases that write several rows at once).
template <class T> Result<T> create_in(Tx& tx, const EntitySpec<T>& spec, const Patch& input, const Caller& caller)
{
    auto rules = C9_TRY(load_rules(tx, caller.now));
    Problems problems;
    auto patch = C9_TRY(resolve_references(tx, spec, input, problems));
    T row {};
    C9_TRY(apply_patch(spec, row, patch));
    // A required field must be given on creation; a default-constructed number or date is not an answer.
    for (const auto& field_spec : spec.fields) {
        if (!field_spec.has(required))
            continue;
        auto given = std::find_if(patch.begin(), patch.end(), [&](const FieldInput& given_input) {
            return given_input.field == field_spec.name && !is_null(given_input.value);
        });
        if (given == patch.end() && !problems.has(field_spec.name))
            problems.add(std::string(field_spec.name), "is required");
    }
    row.created_at = caller.now;
    C9_TRY(check_row(tx, spec, static_cast<const T*>(nullptr), row, rules, problems));
    auto stamp = caller.stamp();
    row.id = C9_TRY(tx.insert(table_of(spec), values_of(spec, row), stamp));
    row.version = 1;
    row.created_by = row.updated_by = stamp.actor;
    row.updated_at = stamp.at;
    C9_TRY(after_write(tx, static_cast<const T*>(nullptr), row, stamp));
    auto label = spec.find("title") ? spec.find("title") : spec.find("name");
    C9_TRY(tx.audit({.at = stamp.at,
        .actor = stamp.actor,
        .action = "create",
        .entity = std::string(spec.name),
        .entity_id = row.id,
        .summary = fmt::format("created {}{}", display_id(spec.prefix, row.id),
            label ? " \"" + to_text(label->get(row)) + "\"" : std::string())}));
    return row;
}

// Stores the differences between before and row (already checked) with their history rows and one audit entry
// naming the action. Returns the row as stored; nothing is written when nothing changed.
template <class T>
Result<T> write_changes(
    Tx& tx, const EntitySpec<T>& spec, const T& before, T row, const Caller& caller, std::string_view action)
{
    std::vector<ColumnChange> changes;
    std::vector<std::pair<std::string_view, std::pair<Value, Value>>> described;
    for (size_t index = 0; index < spec.fields.size(); ++index) {
        auto old_value = spec.fields[index].get(before);
        auto new_value = spec.fields[index].get(row);
        if (old_value == new_value)
            continue;
        changes.push_back({static_cast<int>(index), old_value, new_value});
        described.push_back({spec.fields[index].name, {old_value, new_value}});
    }
    if (changes.empty())
        return row;
    auto stamp = caller.stamp();
    row.version = C9_TRY(tx.update(table_of(spec), row.id, before.version, changes, stamp));
    row.updated_at = stamp.at;
    row.updated_by = stamp.actor;
    C9_TRY(after_write(tx, &before, row, stamp));
    C9_TRY(tx.audit({.at = stamp.at,
        .actor = stamp.actor,
        .action = std::string(action),
        .entity = std::string(spec.name),
        .entity_id = row.id,
        .summary = fmt::format("{} {}: {}", action == "update" ? "updated" : action, display_id(spec.prefix, row.id),
            change_summary(described))}));
    return row;
}

// Updates a row inside an open transaction. Without an expected version the current one is used.
template <class T>
Result<T> update_in(Tx& tx, const EntitySpec<T>& spec, Id id, const Patch& input,
    std::optional<std::int64_t> expected_version, const Caller& caller)
{
    auto rules = C9_TRY(load_rules(tx, caller.now));
    auto before = C9_TRY(get_row(tx, spec, id));
    if (expected_version && *expected_version != before.version)
        return Error::stale(fmt::format("{} was changed by someone else (version {} is now {}); reload it and "
                                        "apply your change again",
            display_id(spec.prefix, id), *expected_version, before.version));
    Problems problems;
    auto patch = C9_TRY(resolve_references(tx, spec, input, problems));
    T row = before;
    C9_TRY(apply_patch(spec, row, patch));
    C9_TRY(check_row(tx, spec, &before, row, rules, problems));

    return write_changes(tx, spec, before, std::move(row), caller, "update");
}

template <class T> Result<T> create(Store& store, const EntitySpec<T>& spec, const Patch& input, const Caller& caller)
{
    return store.write([&](Tx& tx) { return create_in(tx, spec, input, caller); });
}

template <class T>
Result<T> update(Store& store, const EntitySpec<T>& spec, Id id, const Patch& input,
    std::optional<std::int64_t> expected_version, const Caller& caller)
{
    return store.write([&](Tx& tx) { return update_in(tx, spec, id, input, expected_version, caller); });
}

template <class T> Result<T> fetch(Store& store, const EntitySpec<T>& spec, Id id)
{
    return store.read([&](Tx& tx) { return get_row(tx, spec, id); });
}

template <class T> Result<TypedPage<T>> list(Store& store, const EntitySpec<T>& spec, const ListQuery& query)
{
    return store.read([&](Tx& tx) { return list_rows(tx, spec, query); });
}

} // namespace c9
