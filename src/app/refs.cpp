#include "app/refs.h"

#include "store/lookups.h"

#include <fmt/format.h>

namespace c9 {

namespace {

Result<std::optional<Id>> id_by_key(Tx& tx, const RegisterInfo& target, const std::string& key)
{
    if (target.name == "person")
        return person_by_email(tx, key);
    if (target.name == "control") {
        auto code = normalize_controls(key);
        if (!code || code->empty() || code->find(',') != std::string::npos)
            return std::optional<Id> {};
        return control_by_code(tx, *code);
    }
    return std::optional<Id> {};
}

std::string key_description(const RegisterInfo& target, const std::string& key)
{
    return target.name == "person" ? fmt::format("no person has the email {}", key)
                                   : fmt::format("{} {} is not in the catalog", target.name, key);
}

} // namespace

Result<Id> find_row_id(Tx& tx, const RegisterInfo& target, std::string_view text)
{
    auto ref = parse_row_ref(target, "id", text);
    if (!ref)
        return Error::not_found(ref.error().fields().at(0).message);
    if (ref->id)
        return *ref->id;
    if (auto id = C9_TRY(id_by_key(tx, target, ref->key)))
        return *id;
    return Error::not_found(key_description(target, ref->key));
}

Result<std::optional<Id>> resolve_ref(
    Tx& tx, const RegisterInfo& target, std::string_view field, const Value& value, Problems& problems)
{
    if (const auto* id = std::get_if<std::int64_t>(&value)) {
        if (*id > 0 && C9_TRY(tx.exists(target.table, *id)))
            return std::optional<Id> {*id};
        problems.add(std::string(field), fmt::format("{} {} does not exist", target.name, display_id(target.prefix, *id)));
        return std::optional<Id> {};
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        auto ref = parse_row_ref(target, field, *text);
        if (!ref) {
            problems.add(std::string(field), ref.error().fields().at(0).message);
            return std::optional<Id> {};
        }
        if (ref->id)
            return resolve_ref(tx, target, field, Value {*ref->id}, problems);
        if (auto id = C9_TRY(id_by_key(tx, target, ref->key)))
            return std::optional<Id> {*id};
        problems.add(std::string(field), key_description(target, ref->key));
        return std::optional<Id> {};
    }
    problems.add(std::string(field), fmt::format("must name a {}: {}", target.name, ref_forms(target)));
    return std::optional<Id> {};
}

Result<Id> resolve_person(Tx& tx, std::string_view field, std::string_view text)
{
    Problems problems;
    auto id = C9_TRY(resolve_ref(tx, *find_register("person"), field, Value {std::string(text)}, problems));
    C9_TRY(problems.result());
    return *id;
}

const RegisterInfo* origin_register(std::string_view origin_type)
{
    // The origin types are the register names, but for the origins that have no register of their own.
    if (origin_type == "other" || origin_type == "audit")
        return nullptr;
    return find_register(origin_type);
}

Result<void> resolve_field(Tx& tx, FieldKind kind, std::string_view target, FieldInput& input, const Patch& patch,
    std::string_view current_target, Problems& problems)
{
    switch (kind) {
    case FieldKind::person:
    case FieldKind::reference: {
        const RegisterInfo* info = nullptr;
        if (kind == FieldKind::person) {
            info = find_register("person");
        } else if (target.starts_with('@')) {
            // The register is named by another field: the one given with this change, else the row's.
            auto type_field = target.substr(1);
            std::string type(current_target);
            for (const auto& given : patch)
                if (given.field == type_field)
                    type = to_text(given.value);
            if (type.empty()) {
                problems.add(input.field, fmt::format("give {} too, to say what kind of row it names", type_field));
                return {};
            }
            info = origin_register(type);
            if (!info) {
                // Origins without a register keep a plain number.
                if (!std::holds_alternative<std::int64_t>(input.value)) {
                    problems.add(input.field, fmt::format("must be a number for the origin {}", type));
                    input.value = Value{};
                }
                return {};
            }
        } else {
            info = find_register(target);
        }
        if (!info)
            return Error::internal(fmt::format("app: {} refers to an unknown register", input.field));
        // A reference that names no row is left empty, so the problem recorded here is the one reported.
        auto id = C9_TRY(resolve_ref(tx, *info, input.field, input.value, problems));
        input.value = id ? Value{*id} : Value{};
        return {};
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
        return {};
    }
    default:
        return {};
    }
}

} // namespace c9
