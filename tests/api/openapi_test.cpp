// The OpenAPI document is the contract the web UI is built against: every route the server registers is in it,
// everything in it is a route, its references resolve, and its register schemas name exactly the fields of the
// registers' EntitySpecs.
#include "api/api.h"
#include "api_fixture.h"
#include "core/action_item.h"
#include "core/all_registers.h"
#include "core/activity.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"

#include <set>

namespace c9::api_test {
namespace {

Json document() { return Json::parse(test::read_file(CLAUSE9_OPENAPI_FILE)); }

std::set<std::string> route_set()
{
    test::TestDatabase database;
    http::Router router;
    add_api_routes(router, database.store(), ApiConfig {});
    std::set<std::string> routes;
    for (const auto& route : router.routes()) {
        std::string method = route.method;
        for (auto& c : method)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        routes.insert(method + " " + route.pattern);
    }
    return routes;
}

std::set<std::string> documented_set(const Json& doc)
{
    static const std::set<std::string> methods {"get", "put", "post", "delete", "patch", "head", "options"};
    std::set<std::string> documented;
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, operation] : item.items())
            if (methods.contains(method))
                documented.insert(method + " " + path);
    return documented;
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationExists)
{
    auto routes = route_set();
    auto documented = documented_set(document());
    for (const auto& route : routes)
        EXPECT_TRUE(documented.contains(route)) << route << " is registered but not in the API document (src/api/openapi_base.json or the register specs)";
    for (const auto& operation : documented)
        EXPECT_TRUE(routes.contains(operation)) << operation << " is in the API document but not registered";
    EXPECT_GT(routes.size(), 90u);
}

TEST(OpenApi, IsVersion31WithUniqueOperationIdsAndDeclaredPathParameters)
{
    auto doc = document();
    EXPECT_EQ(doc["openapi"], "3.1.0");
    std::set<std::string> ids;
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, operation] : item.items()) {
            ASSERT_TRUE(operation.contains("operationId")) << method << " " << path;
            EXPECT_TRUE(ids.insert(operation["operationId"].get<std::string>()).second) << operation["operationId"];
            EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
            // Each {parameter} of the path is declared, inline or by reference.
            for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
                auto name = path.substr(open + 1, path.find('}', open) - open - 1);
                bool declared = false;
                for (const auto& parameter : operation.value("parameters", Json::array())) {
                    Json resolved = parameter;
                    if (parameter.contains("$ref"))
                        resolved = doc.at(Json::json_pointer(parameter["$ref"].get<std::string>().substr(1)));
                    declared = declared || (resolved["in"] == "path" && resolved["name"] == name);
                }
                EXPECT_TRUE(declared) << method << " " << path << " does not declare {" << name << "}";
            }
        }
}

void check_references(const Json& doc, const Json& node, const std::string& where)
{
    if (node.is_object()) {
        if (auto ref = node.find("$ref"); ref != node.end()) {
            auto pointer = ref->get<std::string>();
            ASSERT_TRUE(pointer.starts_with("#/")) << where;
            EXPECT_TRUE(doc.contains(Json::json_pointer(pointer.substr(1)))) << pointer << " at " << where;
        }
        for (const auto& [key, value] : node.items())
            check_references(doc, value, where + "/" + key);
    } else if (node.is_array()) {
        for (size_t index = 0; index < node.size(); ++index)
            check_references(doc, node[index], where + "/" + std::to_string(index));
    }
}

TEST(OpenApi, EveryReferenceResolves)
{
    auto doc = document();
    check_references(doc, doc, "");
}

template <class T> void expect_schema_matches(const Json& schemas, const EntitySpec<T>& spec, const std::string& name)
{
    SCOPED_TRACE(name);
    ASSERT_TRUE(schemas.contains(name));
    ASSERT_TRUE(schemas.contains(name + "Input"));
    std::set<std::string> row {"id", "ref", "version", "created_at", "created_by", "updated_at", "updated_by"};
    std::set<std::string> input;
    for (const auto& field : spec.fields) {
        row.insert(std::string(field.name));
        if (!field.has(read_only))
            input.insert(std::string(field.name));
    }
    std::set<std::string> documented_row, documented_input;
    for (const auto& [key, value] : schemas[name]["properties"].items())
        documented_row.insert(key);
    for (const auto& [key, value] : schemas[name + "Input"]["properties"].items())
        documented_input.insert(key);
    EXPECT_EQ(documented_row, row);
    EXPECT_EQ(documented_input, input);
    // Choice fields list their choices.
    for (const auto& field : spec.fields) {
        if (field.kind != FieldKind::choice)
            continue;
        const auto& property = schemas[name]["properties"][std::string(field.name)];
        ASSERT_TRUE(property.contains("enum")) << field.name;
        for (auto choice : field.choices)
            EXPECT_NE(std::find(property["enum"].begin(), property["enum"].end(), std::string(choice)),
                property["enum"].end())
                << field.name << " " << choice;
    }
}

TEST(OpenApi, RegisterSchemasNameTheFieldsOfTheEntitySpecs)
{
    auto schemas = document()["components"]["schemas"];
    expect_schema_matches(schemas, person_spec(), "Person");
    expect_schema_matches(schemas, control_spec(), "Control");
    expect_schema_matches(schemas, activity_spec(), "Activity");
    expect_schema_matches(schemas, incident_spec(), "Incident");
    expect_schema_matches(schemas, vulnerability_spec(), "Vulnerability");
    expect_schema_matches(schemas, risk_spec(), "Risk");
    expect_schema_matches(schemas, nonconformity_spec(), "Nonconformity");
    expect_schema_matches(schemas, kpi_spec(), "Kpi");
    expect_schema_matches(schemas, action_spec(), "Action");
    expect_schema_matches(schemas, lesson_spec(), "Lesson");
    expect_schema_matches(schemas, series_spec(), "Series");
    expect_schema_matches(schemas, meeting_spec(), "Meeting");
    expect_schema_matches(schemas, agenda_item_spec(), "AgendaItem");
    expect_schema_matches(schemas, decision_spec(), "Decision");
}

// A generated operation names the permission the route needs (x-permission); the router's table must agree.
TEST(OpenApi, GeneratedOperationsNameThePermissionOfTheirRoute)
{
    test::TestDatabase database;
    http::Router router;
    add_api_routes(router, database.store(), ApiConfig {});
    std::map<std::string, std::string> tags;
    for (const auto& route : router.routes()) {
        std::string method = route.method;
        for (auto& c : method)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        tags[method + " " + route.pattern] = route.options.tag;
    }
    int checked = 0;
    auto doc = document();
    for (const auto& [path, item] : doc["paths"].items())
        for (const auto& [method, operation] : item.items())
            if (operation.is_object() && operation.contains("x-permission")) {
                ++checked;
                EXPECT_EQ(operation["x-permission"], tags[method + " " + path]) << method << " " << path;
            }
    EXPECT_GT(checked, 60);
}

// Every verb a register's spec declares is an operation of the document.
TEST(OpenApi, EveryVerbIsAnOperation)
{
    auto doc = document();
    for_each_register([&](const auto& spec) {
        for (const auto& verb : spec.verbs) {
            auto path = "/api/v1/" + std::string(spec.plural) + "/{id}/" + std::string(verb.is_log() ? verb.log : verb.name);
            EXPECT_TRUE(doc["paths"].contains(path) && doc["paths"][path].contains("post")) << path;
        }
    });
}

using OpenApiServed = ApiTest;

TEST_F(OpenApiServed, TheServerServesTheDocumentWithoutSignIn)
{
    auto reply = get("/api/v1/openapi.json", As::anonymous);
    ASSERT_EQ(reply.status, 200);
    EXPECT_EQ(reply.header("Content-Type"), "application/json");
    EXPECT_EQ(Json::parse(reply.body), document());
}

} // namespace
} // namespace c9::api_test
