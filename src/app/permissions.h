// Who may do what (DESIGN.md section 8): one table, consulted by every route of the REST API. Each route names the
// permission it needs; the table says which roles have it. "own" grants it only for rows whose owner is the
// account's person, or for meetings that person attends; the use cases check that part against the row
// (app/access.h).
#pragma once

#include "core/enum_names.h"

#include <array>
#include <span>
#include <string_view>

namespace c9 {

enum class Role { admin, chair, member, auditor };
C9_ENUM_NAMES(Role, "admin", "chair", "member", "auditor");

enum class Permission {
    open, // anyone, signed in or not: health check, login, the API description
    signed_in, // any account: who am I, logout, its own API tokens
    read, // registers, meetings, agendas, minutes
    edit_register, // create and change register rows
    manage_meetings, // meeting series, planning, agendas, starting, closing and approving meetings
    record_meeting, // attendance aside, what is recorded in a running meeting: notes, decisions, actions, lessons
    read_users, // the list of accounts (an access review, control 5.18)
    manage_users, // create and change accounts, other accounts' tokens
    read_audit, // the audit trail
    configure, // the organisation's settings: risk matrix, appetite, vulnerability SLAs
};
C9_ENUM_NAMES(Permission, "open", "signed_in", "read", "edit_register", "manage_meetings", "record_meeting",
    "read_users", "manage_users", "read_audit", "configure");

enum class Grant { denied, granted, own };
C9_ENUM_NAMES(Grant, "denied", "granted", "own");

struct PermissionRow {
    Permission permission;
    std::array<Grant, 4> grants; // by Role: admin, chair, member, auditor
};

// The table itself, in the order of Permission, for the documentation and the tests.
std::span<const PermissionRow> permission_table();

Grant grant(Role role, Permission permission);

} // namespace c9
