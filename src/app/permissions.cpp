#include "app/permissions.h"

namespace c9 {

namespace {

constexpr Grant no = Grant::denied, yes = Grant::granted, own = Grant::own;

// Columns: admin, chair, member, auditor.
// admin:   everything, accounts included.
// chair:   plans, runs and approves meetings, edits every register (ISO/IEC 27001:2022 9.3, the ISMS owner).
// member:  reads everything, edits the rows they own, records in the meetings they attend.
// auditor: reads everything including the audit trail and the accounts, changes nothing (9.2 internal audit).
constexpr std::array<PermissionRow, 10> table {{
    {Permission::open, {yes, yes, yes, yes}},
    {Permission::signed_in, {yes, yes, yes, yes}},
    {Permission::read, {yes, yes, yes, yes}},
    {Permission::edit_register, {yes, yes, own, no}},
    {Permission::manage_meetings, {yes, yes, no, no}},
    {Permission::record_meeting, {yes, yes, own, no}},
    {Permission::read_users, {yes, no, no, yes}},
    {Permission::manage_users, {yes, no, no, no}},
    {Permission::read_audit, {yes, no, no, yes}},
    // The appetite and the matrix are risk acceptance criteria that top management sets (6.1.2 a), 5.1).
    {Permission::configure, {yes, no, no, no}},
}};

// One row per permission, in the order of the enum, so grant() can index it.
static_assert(table.size() == enum_names<Permission>().size());
static_assert([] {
    for (size_t row_idx = 0; row_idx < table.size(); ++row_idx)
        if (static_cast<size_t>(table[row_idx].permission) != row_idx)
            return false;
    return true;
}());

} // namespace

std::span<const PermissionRow> permission_table() { return table; }

Grant grant(Role role, Permission permission)
{
    return table[static_cast<size_t>(permission)].grants[static_cast<size_t>(role)];
}

} // namespace c9
