// Rows named by what a person typed, found in the database: one way for every register and every front end. The
// text forms are core's (core/registry.h parse_row_ref: RSK-12, 12, an email for people, 8.8 for controls).
//   - The row a command or a path is about is "not found" when it does not exist (CLI exit 3, HTTP 404).
//   - A row that another one refers to (a risk's owner, an action's origin) is invalid input in the field that
//     names it when it does not exist (CLI exit 2, HTTP 422), as is any text that names no row.
#pragma once

#include "core/patch.h"
#include "core/registry.h"
#include "store/store.h"

#include <string_view>

namespace c9 {

// The id of the row `text` names in `target`: display id, number, a person's email or a control's Annex A id.
// A well-formed display id or number is not looked up (reading the row tells whether it exists); emails and Annex A
// ids are.
Result<Id> find_row_id(Tx& tx, const RegisterInfo& target, std::string_view text);

template <class T>
Result<Id> find_row_id(Tx& tx, const EntitySpec<T>& spec, std::string_view text)
{
    return find_row_id(tx, *find_register(spec.name), text);
}

// A reference held in `field`: an id, or an email (people) or Annex A id (controls) as text. Returns the id of an
// existing row of `target`, or adds why not to `problems` and returns nothing.
Result<std::optional<Id>> resolve_ref(
    Tx& tx, const RegisterInfo& target, std::string_view field, const Value& value, Problems& problems);

// A person named in `field` by the text a person typed; anything that names no existing person is invalid input.
Result<Id> resolve_person(Tx& tx, std::string_view field, std::string_view text);

// The register an origin type names ("risk" -> risks); none for origins kept without a register (other).
const RegisterInfo* origin_register(std::string_view origin_type);

// Resolves every reference of a patch in place: people by id or email, rows of other registers, an action's origin
// in the register its origin_type names (given in the patch, else the row's), and Annex A control lists against
// the catalog. `before` is the row being changed, if any. Problems are collected per field.
Result<void> resolve_field(Tx& tx, FieldKind kind, std::string_view target, FieldInput& input, const Patch& patch,
    std::string_view current_target, Problems& problems);

template <class T>
Result<Patch> resolve_references(Tx& tx, const EntitySpec<T>& spec, Patch patch, Problems& problems,
    const T* before = nullptr)
{
    for (auto& input : patch) {
        const auto* field_spec = spec.find(input.field);
        if (!field_spec || is_null(input.value))
            continue;
        // A reference whose register another field names: that field's current value, when the patch has none.
        std::string current_target;
        if (field_spec->target.starts_with('@') && before)
            if (const auto* named = spec.find(field_spec->target.substr(1)))
                current_target = to_text(named->get(*before));
        C9_TRY(resolve_field(tx, field_spec->kind, field_spec->target, input, patch, current_target, problems));
    }
    return patch;
}

} // namespace c9
