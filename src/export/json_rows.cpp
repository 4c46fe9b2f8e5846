#include "export/json_rows.h"

#include <cmath>

namespace c9 {

Json value_json(FieldKind kind, const Value& value)
{
    if (is_null(value))
        return nullptr;
    if (kind == FieldKind::boolean)
        return std::get<std::int64_t>(value) != 0;
    if (const auto* integer = std::get_if<std::int64_t>(&value))
        return *integer;
    if (const auto* real = std::get_if<double>(&value))
        return *real;
    return std::get<std::string>(value);
}

Result<Value> value_from_json(FieldKind kind, std::span<const std::string_view> choices, std::string_view target,
                              std::string_view field, const Json& json)
{
    std::string name(field);
    if (json.is_null())
        return Value{};
    switch (kind) {
    case FieldKind::boolean:
        if (!json.is_boolean())
            return Error::invalid(name, "must be true or false");
        return Value{std::int64_t{json.get<bool>() ? 1 : 0}};
    case FieldKind::integer:
        if (!json.is_number_integer())
            return Error::invalid(name, "must be a whole number");
        return Value{json.get<std::int64_t>()};
    case FieldKind::real:
        if (!json.is_number())
            return Error::invalid(name, "must be a number");
        if (!std::isfinite(json.get<double>()))
            return Error::invalid(name, "must be a finite number");
        return Value{json.get<double>()};
    case FieldKind::person:
    case FieldKind::reference:
        if (json.is_number_integer()) {
            if (json.get<std::int64_t>() <= 0)
                return Error::invalid(name, "must be a positive id");
            return Value{json.get<std::int64_t>()};
        }
        if (!json.is_string())
            return Error::invalid(name, kind == FieldKind::person ? "must be a person's id or email" : "must be an id");
        return parse_field_text(kind, choices, target, field, json.get<std::string>());
    default:
        if (!json.is_string())
            return Error::invalid(name, "must be a string");
        if (kind == FieldKind::text)
            return Value{json.get<std::string>()};
        return parse_field_text(kind, choices, target, field, json.get<std::string>());
    }
}

Result<Patch> inputs_from_json(
    const std::vector<ParamSpec>& inputs, const Json& body, UnknownMembers unknown, std::string_view owner)
{
    if (!body.is_object())
        return Error::invalid("body", "must be a JSON object");
    Patch patch;
    Problems problems;
    for (const auto& [key, json] : body.items()) {
        auto input = std::find_if(
            inputs.begin(), inputs.end(), [&key = key](const ParamSpec& param) { return param.name == key; });
        if (input == inputs.end()) {
            if (unknown == UnknownMembers::pass_on)
                patch.push_back({key, Value{}});
            // Metadata sent back unchanged by a client is ignored; anything else is a mistake worth reporting.
            else if (key != "id" && key != "ref" && key != "version" && key != "created_at" && key != "created_by"
                && key != "updated_at" && key != "updated_by")
                problems.add(key, "is not a field of " + std::string(owner));
            continue;
        }
        auto value = value_from_json(input->kind, input->choices, input->target, key, json);
        if (!value) {
            for (const auto& error : value.error().fields())
                problems.add(error.field, error.message);
            continue;
        }
        patch.push_back({key, std::move(*value)});
    }
    C9_TRY(problems.result());
    return patch;
}

Json history_json(const std::vector<HistoryEntry>& entries)
{
    Json out = Json::array();
    for (const auto& entry : entries)
        out.push_back({{"at", format_timestamp(entry.at)},
                       {"actor", entry.actor},
                       {"version", entry.version},
                       {"field", entry.field},
                       {"old", entry.old_value},
                       {"new", entry.new_value}});
    return out;
}

Json linked_json(const std::vector<LinkedRow>& rows)
{
    Json out = Json::array();
    for (const auto& row : rows)
        out.push_back({{"register", row.register_name}, {"ref", row.ref}, {"id", row.id}, {"title", row.title},
            {"status", row.status}, {"field", row.field}});
    return out;
}

Json soa_json(const std::vector<SoaLine>& lines)
{
    Json out = Json::array();
    for (const auto& line : lines) {
        const auto& control = line.control;
        out.push_back({{"control", control.code}, {"title", control.title}, {"theme", to_string(control.theme)},
            {"applicable", control.applicable ? Json(*control.applicable) : Json()},
            {"justification", control.justification ? Json(*control.justification) : Json()},
            {"status", to_string(control.status)}, {"owner", control.owner ? Json(*control.owner) : Json()},
            {"risks", line.risks}});
    }
    return out;
}

Json attendance_json(const Attendance& attendance)
{
    return Json{{"meeting", attendance.meeting}, {"person", attendance.person}, {"role", to_string(attendance.role)},
        {"presence", to_string(attendance.presence)}};
}

Json decision_log_json(const Decision& decision, const Meeting& meeting)
{
    auto row = row_json(decision_spec(), decision);
    row["meeting_title"] = meeting.title;
    row["meeting_starts_at"] = format_timestamp(meeting.starts_at);
    return row;
}

Json entry_json(const LogEntry& entry)
{
    Json out = Json::object();
    for (const auto& field : entry)
        out[std::string(field.name)] = value_json(field.kind, field.value);
    return out;
}

std::string entry_name(std::string_view log)
{
    std::string name(log);
    if (name.ends_with('s'))
        name.pop_back();
    return name;
}

} // namespace c9
