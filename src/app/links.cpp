#include "app/links.h"

#include "app/refs.h"
#include "core/all_registers.h"
#include "core/patch.h"
#include "store/typed.h"

#include <map>

namespace c9 {

namespace {

// The filters that find, in `spec`, the rows naming row `id` of `target` (`code`: a control's Annex A id), one set
// per field that can name it.
template <class T>
std::vector<std::pair<std::string, std::vector<Filter>>> naming_filters(
    const EntitySpec<T>& spec, std::string_view target, Id id, const std::string& code)
{
    std::vector<std::pair<std::string, std::vector<Filter>>> out;
    for (const auto& field : spec.fields) {
        std::string name(field.name);
        if (field.kind == FieldKind::controls && target == "control")
            out.push_back({name, {where(name, FilterOp::has_item, code)}});
        else if (field.kind == FieldKind::reference && field.target == target)
            out.push_back({name, {where(name, FilterOp::eq, id)}});
        // A reference whose register another field names (an action's origin_type and origin_id).
        else if (field.kind == FieldKind::reference && field.target.starts_with('@'))
            out.push_back({name,
                {where(std::string(field.target.substr(1)), FilterOp::eq, std::string(target)),
                    where(name, FilterOp::eq, id)}});
    }
    return out;
}

template <class T> LinkedRow linked_row(const EntitySpec<T>& spec, const std::string& field, const T& row)
{
    LinkedRow linked {
        std::string(spec.name), std::string(spec.plural), field, row.id, display_id(spec.prefix, row.id), {}, {}};
    if (const auto* title = spec.find("title") ? spec.find("title") : spec.find("name"))
        linked.title = to_text(title->get(row));
    if (const auto* status = spec.find("status"))
        linked.status = to_text(status->get(row));
    else if (const auto* active = spec.find("active"))
        linked.status = active->get(row) == Value {std::int64_t {1}} ? "active" : "inactive";
    return linked;
}

} // namespace

Result<std::vector<LinkedRow>> linked_rows(Store& store, std::string_view register_name, std::string_view ref)
{
    const auto* target = find_register(register_name);
    if (!target)
        return Error::not_found(fmt::format("no register is called {}", register_name));
    return store.read([&](Tx& tx) -> Result<std::vector<LinkedRow>> {
        auto id = C9_TRY(find_row_id(tx, *target, ref));
        if (!C9_TRY(tx.exists(target->table, id)))
            return Error::not_found(fmt::format("{} {} does not exist", target->name, display_id(target->prefix, id)));
        std::string code;
        if (register_name == "control")
            code = C9_TRY(get_row(tx, control_spec(), id)).code;
        std::vector<LinkedRow> out;
        Result<void> failed;
        for_each_register([&](const auto& spec) {
            if (!failed)
                return;
            for (auto& [field, filters] : naming_filters(spec, target->name, id, code)) {
                auto rows = all_rows(tx, spec, filters);
                if (!rows) {
                    failed = std::move(rows).error();
                    return;
                }
                for (const auto& row : *rows)
                    out.push_back(linked_row(spec, field, row));
            }
        });
        C9_TRY(std::move(failed));
        return out;
    });
}

Result<std::vector<SoaLine>> statement_of_applicability(Store& store)
{
    return store.read([&](Tx& tx) -> Result<std::vector<SoaLine>> {
        // The catalog is loaded in its order, so the ids are in it too.
        std::vector<SoaLine> lines;
        std::map<std::string, size_t> line_of;
        for (auto& control : C9_TRY(all_rows(tx, control_spec()))) {
            line_of[control.code] = lines.size();
            lines.push_back({std::move(control), {}});
        }
        for (const auto& risk : C9_TRY(all_rows(tx, risk_spec(), risk_spec().open_filter())))
            for (const auto& code : split_controls(risk.controls))
                if (auto found = line_of.find(code); found != line_of.end())
                    lines[found->second].risks.push_back(display_id(risk_spec().prefix, risk.id));
        return lines;
    });
}

} // namespace c9
