// Register rows as JSON, and JSON input as a Patch. The CLI's --json output and the REST API share these, so a row
// looks the same everywhere: {"id": 12, "ref": "RSK-12", "version": 3, ..., "title": "...", "owner": 4}.
#pragma once

#include "app/links.h"
#include "core/meeting.h"
#include "core/patch.h"
#include "store/store.h"

#include <nlohmann/json.hpp>

namespace c9 {

// Objects keep their keys in insertion order, so output reads id, ref, version, fields, metadata.
using Json = nlohmann::ordered_json;

Json value_json(FieldKind kind, const Value& value);
Result<Value> value_from_json(FieldKind kind, std::span<const std::string_view> choices, std::string_view target,
                              std::string_view field, const Json& json);

// A control's public id is its Annex A code; every other row's is its integer id.
template <class T>
Json row_json(const EntitySpec<T>& spec, const T& row)
{
    Json out = Json::object();
    if constexpr (requires { row.code; })
        out["id"] = row.code;
    else
        out["id"] = row.id;
    out["ref"] = display_id(spec.prefix, row.id);
    out["version"] = row.version;
    for (const auto& field_spec : spec.fields)
        out[std::string(field_spec.name)] = value_json(field_spec.kind, field_spec.get(row));
    out["created_at"] = format_timestamp(row.created_at);
    out["created_by"] = row.created_by;
    out["updated_at"] = format_timestamp(row.updated_at);
    out["updated_by"] = row.updated_by;
    return out;
}

template <class T>
Json rows_json(const EntitySpec<T>& spec, const std::vector<T>& rows)
{
    Json out = Json::array();
    for (const auto& row : rows)
        out.push_back(row_json(spec, row));
    return out;
}

// Reads the members of a JSON object as inputs of these kinds; wrong types are reported per member. A member that
// is no input is passed on without a value for the app to name (a verb's, app/verbs.h check_verb_inputs), or
// refused as "not a field of {owner}" (a row's; the metadata a client sends back unchanged is ignored).
enum class UnknownMembers { pass_on, refuse };
Result<Patch> inputs_from_json(const std::vector<ParamSpec>& inputs, const Json& body,
    UnknownMembers unknown = UnknownMembers::pass_on, std::string_view owner = {});

// A row's fields from a JSON object, for a create or an update.
template <class T>
Result<Patch> patch_from_json(const EntitySpec<T>& spec, const Json& body)
{
    static const auto inputs = field_params(spec, false);
    return inputs_from_json(inputs, body, UnknownMembers::refuse, spec.name);
}

Json history_json(const std::vector<HistoryEntry>& entries);

// The rows that name a row (app/links.h): [{"register", "ref", "id", "title", "status", "field"}].
Json linked_json(const std::vector<LinkedRow>& rows);

// The Statement of Applicability: per control its code, title, theme, applicability, justification, status, owner
// and the open risks that need it.
Json soa_json(const std::vector<SoaLine>& lines);

// A person's attendance at a meeting: {"meeting": 3, "person": 4, "role": "chair", "presence": "present"}.
Json attendance_json(const Attendance& attendance);

// A decision of the decision log: its fields, and the title and start of the meeting that took it.
Json decision_log_json(const Decision& decision, const Meeting& meeting);

// A log entry as an object of its fields; `entry_name` is the member a verb's answer holds it in ("completion" for
// the log "completions").
Json entry_json(const LogEntry& entry);
std::string entry_name(std::string_view log);

} // namespace c9
