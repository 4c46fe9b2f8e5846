// The register parts of the OpenAPI document, generated from the registers' specs (core/all_registers.h) and their
// verbs, so that the API description cannot drift from what the server does: for every register its row and input
// schemas, its list operation with one filter per filterable field, create, read, update and history, and one
// operation per verb. The rest of the document (sessions, the meeting cycle, accounts, the shared parameters and
// problem responses) is written by hand in src/api/openapi_base.json; the build tool src/schema/main.cpp joins the
// two into the document the server embeds and the web UI's types are generated from.
//
// Each register schema also carries what a client needs to build forms and tables for it, as extensions: the
// register's "x-register" (name, prefix, verbs with the states they move between, whether rows are created by
// hand) and for every field "title" (its label), "x-kind", and "x-listed", "x-filterable", "x-required",
// "x-target" where they apply.
#pragma once

#include "export/json_rows.h"

namespace c9 {

// `base` with the generated register parts added. Refused when the base already describes a register path or
// schema, so nothing is written twice.
Result<Json> openapi_document(Json base);

// The permission table of app/permissions.h: {"roles": [...], "permissions": {"edit_register": {"admin": "yes",
// "chair": "yes", "member": "own", "auditor": "no"}, ...}}.
Json permission_table_json();

} // namespace c9
