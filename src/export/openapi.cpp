#include "export/openapi.h"

#include "app/access.h"
#include "core/all_registers.h"
#include "core/registry.h"
#include "core/text.h"

#include <fmt/format.h>

namespace c9 {

namespace {

Json ref(std::string_view kind, std::string_view name)
{
    return Json{{"$ref", fmt::format("#/components/{}/{}", kind, name)}};
}

// "agenda_item" -> "AgendaItem": the schema name of a register.
std::string schema_name(std::string_view register_name)
{
    std::string name;
    bool upper = true;
    for (char c : register_name) {
        if (c == '_') {
            upper = true;
            continue;
        }
        name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return name;
}

std::string snake(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c == '-')
            c = '_';
    return out;
}

// Who may write, in words: "admin, chair, and members for rows they own".
std::string who_may(Permission permission)
{
    std::vector<std::string> granted;
    std::string own;
    for (auto role : enum_names<Role>()) {
        auto grant_of = grant(*parse_enum<Role>(role), permission);
        if (grant_of == Grant::granted)
            granted.emplace_back(role);
        else if (grant_of == Grant::own)
            own = fmt::format("{}s for rows they own", role);
    }
    std::string text;
    for (size_t index = 0; index < granted.size(); ++index)
        text += (index == 0 ? "" : index + 1 == granted.size() && own.empty() ? " and " : ", ") + granted[index];
    if (!own.empty())
        text += (text.empty() ? "" : ", and ") + own;
    return text;
}

// The kind as the web UI's forms know it: a long text is a multiline field.
std::string ui_kind(FieldKind kind, unsigned flags)
{
    if (kind == FieldKind::text && (flags & multiline))
        return "multiline";
    if (kind == FieldKind::real)
        return "real";
    return std::string(to_string(kind));
}

std::string target_plural(std::string_view target)
{
    if (target.starts_with('@'))
        return std::string(target);
    const auto* info = find_register(target);
    return info ? std::string(info->plural) : std::string(target);
}

// The JSON Schema of a stored value of a field's kind.
Json value_schema(FieldKind kind, bool nullable, std::span<const std::string_view> choices)
{
    Json schema = Json::object();
    std::string type = "string";
    switch (kind) {
    case FieldKind::integer:
    case FieldKind::person:
    case FieldKind::reference: type = "integer"; break;
    case FieldKind::real: type = "number"; break;
    case FieldKind::boolean: type = "boolean"; break;
    case FieldKind::date: schema["format"] = "date"; break;
    case FieldKind::timestamp: schema["format"] = "date-time"; break;
    default: break;
    }
    schema["type"] = nullable ? Json::array({type, "null"}) : Json(type);
    if (kind == FieldKind::choice && !choices.empty()) {
        Json values = Json::array();
        for (auto choice : choices)
            values.push_back(choice);
        if (nullable)
            values.push_back(nullptr);
        schema["enum"] = std::move(values);
    }
    return schema;
}

// What a client may send for a field: a row is named by its number or as text (a display id, an email).
Json input_schema(FieldKind kind, bool nullable, std::span<const std::string_view> choices)
{
    if (kind != FieldKind::person && kind != FieldKind::reference)
        return value_schema(kind, nullable, choices);
    Json forms = Json::array({Json{{"type", "integer"}, {"minimum", 1}},
        Json{{"type", "string"}, {"description", kind == FieldKind::person ? "PER-3 or an email" : "a display id"}}});
    if (nullable)
        forms.push_back(Json{{"type", "null"}});
    return Json{{"oneOf", forms}};
}

template <class T>
Json field_schema(const FieldSpec<T>& field_spec, bool input)
{
    bool nullable = !field_spec.has(required);
    auto schema = input ? input_schema(field_spec.kind, nullable, field_spec.choices)
                        : value_schema(field_spec.kind, nullable, field_spec.choices);
    schema["title"] = label_of(field_spec.name, field_spec.label);
    schema["description"] = field_spec.help;
    if (input)
        return schema;
    schema["x-kind"] = ui_kind(field_spec.kind, field_spec.flags);
    if (field_spec.has(read_only))
        schema["readOnly"] = true;
    if (field_spec.has(required))
        schema["x-required"] = true;
    if (field_spec.has(listed))
        schema["x-listed"] = true;
    if (field_spec.has(filterable))
        schema["x-filterable"] = true;
    if (field_spec.kind == FieldKind::reference)
        schema["x-target"] = target_plural(field_spec.target);
    return schema;
}

Json param_schema(const ParamSpec& param)
{
    auto schema = input_schema(param.kind, false, param.choices);
    schema["description"] = param.fallback.empty() ? std::string(param.help)
                                                   : fmt::format("{} (default: {})", param.help, param.fallback);
    return schema;
}

template <class T>
Json verb_json(const VerbSpec<T>& verb)
{
    Json out{{"name", verb.name}, {"help", verb.help}, {"inputs", Json::array()}};
    for (auto name : verb.inputs())
        out["inputs"].push_back(name);
    if (verb.is_log()) {
        out["log"] = verb.log;
        return out;
    }
    out["state"] = verb.state;
    out["to"] = Json::array();
    for (auto state : verb.to)
        out["to"].push_back(state);
    out["from"] = Json::array();
    for (auto state : verb.from)
        out["from"].push_back(state);
    return out;
}

template <class T>
Json row_schema(const EntitySpec<T>& spec)
{
    Json properties = Json::object();
    if constexpr (requires(T row) { row.code; })
        properties["id"] = Json{{"type", "string"}, {"description", "Annex A code"}};
    else
        properties["id"] = Json{{"type", "integer"}};
    properties["ref"] = Json{{"type", "string"}, {"examples", Json::array({display_id(spec.prefix, 1)})}};
    properties["version"] = Json{{"type", "integer"}, {"description", "sent as the ETag; send it back in If-Match"}};
    for (const auto& field_spec : spec.fields)
        properties[std::string(field_spec.name)] = field_schema(field_spec, false);
    properties["created_at"] = Json{{"type", "string"}, {"format", "date-time"}};
    properties["created_by"] = Json{{"type", "string"}};
    properties["updated_at"] = Json{{"type", "string"}, {"format", "date-time"}};
    properties["updated_by"] = Json{{"type", "string"}};
    Json required_names = Json::array();
    for (const auto& [name, schema] : properties.items())
        required_names.push_back(name);
    Json verbs = Json::array();
    for (const auto& verb : spec.verbs)
        verbs.push_back(verb_json(verb));
    return Json{{"type", "object"}, {"description", spec.title}, {"required", required_names},
        {"properties", properties},
        {"x-register",
            {{"name", spec.name}, {"plural", spec.plural}, {"prefix", spec.prefix}, {"title", spec.title},
                {"open", spec.open_filter != nullptr}, {"overdue", spec.overdue_filter != nullptr},
                {"can_create", spec.can_create}, {"write_permission", to_string(write_permission(spec.name))},
                {"verbs", verbs}}}};
}

template <class T>
Json input_object_schema(const EntitySpec<T>& spec)
{
    Json properties = Json::object();
    for (const auto& field_spec : spec.fields)
        if (!field_spec.has(read_only))
            properties[std::string(field_spec.name)] = field_schema(field_spec, true);
    return Json{{"type", "object"},
        {"description",
            fmt::format("{}: the fields a client may set. Unknown fields are refused; id, ref, version and the "
                        "created/updated fields are ignored.",
                spec.title)},
        {"properties", properties}};
}

Json problems(std::initializer_list<int> statuses)
{
    Json responses = Json::object();
    for (int status : statuses)
        responses[std::to_string(status)] = ref("responses", fmt::format("Problem{}", status));
    return responses;
}

Json header(std::string_view description) { return Json{{"description", description}, {"schema", {{"type", "string"}}}}; }

Json json_content(Json schema) { return Json{{"application/json", {{"schema", std::move(schema)}}}}; }

Json row_answer(const std::string& schema, std::string_view description)
{
    return Json{{"description", description}, {"content", json_content(ref("schemas", schema))},
        {"headers", {{"ETag", header("the row version, quoted")}}}};
}

struct Operation {
    std::string id;
    std::string tag;
    std::string summary;
    std::string_view permission;

    Json json() const { return Json{{"operationId", id}, {"tags", Json::array({tag})}, {"summary", summary}, {"x-permission", permission}}; }
};

template <class T>
void add_register_paths(Json& paths, Json& schemas, const EntitySpec<T>& spec)
{
    auto name = schema_name(spec.name);
    auto input = name + "Input";
    schemas[name] = row_schema(spec);
    schemas[input] = input_object_schema(spec);
    std::string tag(spec.plural);
    auto write = write_permission(spec.name);
    auto who = who_may(write);
    auto a_row = with_article(spec.title);
    auto base = fmt::format("/api/v1/{}", spec.plural);
    auto one = base + "/{id}";

    Json list = Operation{"list_" + snake(spec.plural), tag, fmt::format("List {}", spec.plural), "read"}.json();
    list["parameters"] = Json::array({ref("parameters", "Limit"), ref("parameters", "Offset"), ref("parameters", "Sort"),
        ref("parameters", "Fields"), ref("parameters", "Search")});
    if (spec.open_filter)
        list["parameters"].push_back(ref("parameters", "Open"));
    if (spec.overdue_filter)
        list["parameters"].push_back(ref("parameters", "Overdue"));
    for (const auto& field_spec : spec.fields) {
        if (!field_spec.has(filterable))
            continue;
        Json schema{{"type", "string"}};
        if (field_spec.kind == FieldKind::choice) {
            schema["enum"] = Json::array();
            for (auto choice : field_spec.choices)
                schema["enum"].push_back(choice);
        }
        list["parameters"].push_back(Json{{"name", field_spec.name}, {"in", "query"}, {"schema", schema},
            {"description",
                fmt::format("only rows whose {} is this (repeat for any of several; empty for none)", field_spec.name)}});
    }
    Json page{{"type", "object"}, {"required", {"items", "total", "limit", "offset"}},
        {"properties",
            {{"items", {{"type", "array"}, {"items", ref("schemas", name)}}}, {"total", {{"type", "integer"}}},
                {"limit", {{"type", "integer"}}}, {"offset", {{"type", "integer"}}}}}};
    list["responses"] = problems({401, 422, 503});
    list["responses"]["200"] = Json{{"description", "a page of rows"}, {"content", json_content(page)}};
    paths[base]["get"] = list;

    if (spec.can_create) {
        Json create
            = Operation{"create_" + std::string(spec.name), tag, fmt::format("Create {} ({})", a_row, who),
                to_string(write)}.json();
        Json required_fields = Json::array();
        for (const auto& field_spec : spec.fields)
            if (field_spec.has(required))
                required_fields.push_back(field_spec.name);
        Json body{{"allOf", Json::array({ref("schemas", input)})}};
        if (!required_fields.empty())
            body["required"] = required_fields;
        create["requestBody"] = Json{{"required", true}, {"content", json_content(body)}};
        create["responses"] = problems({400, 401, 403, 404, 409, 415, 422, 503});
        create["responses"]["201"] = row_answer(name, "created");
        create["responses"]["201"]["headers"]["Location"] = header("where the new resource is");
        paths[base]["post"] = create;
    }

    Json get = Operation{"get_" + std::string(spec.name), tag, "One " + std::string(spec.title), "read"}.json();
    get["parameters"] = Json::array({ref("parameters", "Id")});
    get["responses"] = problems({401, 404, 503});
    get["responses"]["200"] = row_answer(name, "the row");
    paths[one]["get"] = get;

    Json update = Operation{"update_" + std::string(spec.name), tag,
        fmt::format("Change fields of {} ({})", a_row, who), to_string(write)}.json();
    update["parameters"] = Json::array({ref("parameters", "Id"), ref("parameters", "IfMatch")});
    update["requestBody"] = Json{{"required", true}, {"content", json_content(ref("schemas", input))}};
    update["responses"] = problems({400, 401, 403, 404, 409, 412, 415, 422, 428, 503});
    update["responses"]["200"] = row_answer(name, "the row as stored");
    paths[one]["patch"] = update;

    Json history = Operation{"history_" + std::string(spec.name), tag,
        fmt::format("The change history of {}: who changed which field when", a_row), "read"}.json();
    history["parameters"] = Json::array({ref("parameters", "Id")});
    history["responses"] = problems({401, 404, 503});
    history["responses"]["200"] = Json{{"description", "changes, oldest first"}, {"content", json_content(ref("schemas", "History"))}};
    paths[one + "/history"]["get"] = history;

    Json links = Operation {"links_" + std::string(spec.name), tag,
        fmt::format("The rows of other registers that name {}: a control's risks, activities and incidents", a_row),
        "read"}
                     .json();
    links["parameters"] = Json::array({ref("parameters", "Id")});
    links["responses"] = problems({401, 404, 422, 503});
    links["responses"]["200"] = Json {
        {"description", "register by register, each by id"}, {"content", json_content(ref("schemas", "Links"))}};
    paths[one + "/links"]["get"] = links;

    for (const auto& verb : spec.verbs) {
        Json properties = Json::object();
        Json required_inputs = Json::array();
        for (const auto& param : verb_inputs(spec, verb)) {
            auto schema = param_schema(param);
            // A state the verb moves to: only those it may.
            if (param.name == verb.state) {
                schema = Json{{"type", "string"}, {"enum", Json::array()},
                    {"description", fmt::format("{} (default: {})", param.help, verb.to.front())}};
                for (auto state : verb.to)
                    schema["enum"].push_back(state);
            }
            properties[std::string(param.name)] = schema;
            if (param.has(required))
                required_inputs.push_back(param.name);
        }
        Json body{{"type", "object"}, {"properties", properties}};
        if (!required_inputs.empty())
            body["required"] = required_inputs;
        Json operation = Operation{std::string(verb.name) + "_" + std::string(spec.name), tag,
            fmt::format("{} ({})", verb.help, who), to_string(write)}.json();
        operation["parameters"] = Json::array({ref("parameters", "Id")});
        operation["requestBody"] = Json{{"required", !required_inputs.empty()}, {"content", json_content(body)}};
        if (!verb.is_log()) {
            operation["parameters"].push_back(ref("parameters", "IfMatchOptional"));
            operation["responses"] = problems({400, 401, 403, 404, 409, 412, 415, 422, 503});
            operation["responses"]["200"] = row_answer(name, "the row as stored");
            paths[fmt::format("{}/{}", one, verb.name)]["post"] = operation;
            continue;
        }
        auto entry = schema_name(entry_name(verb.log));
        Json answer{{"allOf", Json::array({ref("schemas", name)})},
            {"properties", {{entry_name(verb.log), ref("schemas", entry)}}}};
        operation["responses"] = problems({400, 401, 403, 404, 409, 415, 422, 503});
        operation["responses"]["201"] = Json{{"description", fmt::format("the {}, with the new {}", spec.name, entry_name(verb.log))},
            {"content", json_content(answer)},
            {"headers", {{"Location", header("where the new resource is")}, {"ETag", header("the row version, quoted")}}}};
        auto log_path = fmt::format("{}/{}", one, verb.log);
        paths[log_path]["post"] = operation;

        Json log = Operation{"list_" + std::string(verb.log), tag, fmt::format("The {} of {}", verb.log, a_row), "read"}.json();
        log["parameters"] = Json::array({ref("parameters", "Id")});
        log["responses"] = problems({401, 404, 422, 503});
        log["responses"]["200"] = Json{{"description", fmt::format("{}, oldest first", verb.log)},
            {"content",
                json_content(Json{{"type", "object"}, {"required", {"items"}},
                    {"properties", {{"items", {{"type", "array"}, {"items", ref("schemas", entry)}}}}}})}};
        paths[log_path]["get"] = log;
    }
}

} // namespace

Result<Json> openapi_document(Json base)
{
    Json paths = Json::object();
    Json schemas = Json::object();
    for_each_register([&](const auto& spec) { add_register_paths(paths, schemas, spec); });
    // Rows of a meeting's record, reached through the meeting cycle's own paths.
    for (auto [name, row, input] :
        {std::tuple {"AgendaItem", row_schema(agenda_item_spec()), input_object_schema(agenda_item_spec())},
            std::tuple {"Decision", row_schema(decision_spec()), input_object_schema(decision_spec())},
            std::tuple {"Proposal", row_schema(proposal_spec()), input_object_schema(proposal_spec())}}) {
        row.erase("x-register");
        schemas[name] = std::move(row);
        schemas[std::string(name) + "Input"] = std::move(input);
    }
    Problems problems;
    for (auto& [path, item] : paths.items()) {
        if (base["paths"].contains(path))
            problems.add(path, "is described by hand and generated from the register specs; describe it once");
        base["paths"][path] = item;
    }
    for (auto& [name, schema] : schemas.items()) {
        if (base["components"]["schemas"].contains(name))
            problems.add(name, "is a schema described by hand and generated from the register specs");
        base["components"]["schemas"][name] = schema;
    }
    C9_TRY(problems.result());
    return base;
}

Json permission_table_json()
{
    Json roles = Json::array();
    for (auto role : enum_names<Role>())
        roles.push_back(role);
    Json permissions = Json::object();
    for (const auto& row : permission_table()) {
        Json grants = Json::object();
        for (size_t role = 0; role < row.grants.size(); ++role)
            grants[std::string(enum_names<Role>()[role])] = row.grants[role] == Grant::granted ? "yes"
                : row.grants[role] == Grant::own                                                ? "own"
                                                                                                : "no";
        permissions[std::string(to_string(row.permission))] = grants;
    }
    return Json{{"roles", roles}, {"permissions", permissions}};
}

} // namespace c9
