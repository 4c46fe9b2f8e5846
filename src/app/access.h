// The access rules a use case applies to the rows it touches (DESIGN.md section 8). The API's guard already refused
// a role that lacks a route's permission altogether; what remains is the "own" grant of the permission table: a
// member changes only rows whose owner is the account's person, and records only in meetings that person attends.
// The rules live here, once, so that every front end and every use case applies them the same way.
#pragma once

#include "app/caller.h"

namespace c9 {

// The permission a change to a register's rows needs: meeting series and meetings are planned by chairs
// (manage_meetings); every other register's rows are edited with edit_register.
Permission write_permission(std::string_view register_name);

// Whether the caller may do `permission` on a row whose owner is `owner` (`what` names the rows for the message).
Result<void> require(const Caller& caller, Permission permission, std::optional<Id> owner, std::string_view what);

// Whether the caller may record in the meeting: with the "own" grant, the caller's person must attend it (invited
// or present, not absent or excused).
Result<void> require_attendee(Tx& tx, const Caller& caller, Id meeting);

// Whether the caller manages accounts (admins), or only its own account and tokens.
bool manages_accounts(const Caller& caller);

// A local caller (the CLI) acting for an ISMS person (`--as PER-3`, an email or a number): the audit trail names
// the person next to the login ("cli:root as PER-3 (alice@example.org)") and the person is the caller's, as an
// account's person is (the default approver, the one who records). Only an active person can be named.
Result<Caller> acting_as(Store& store, Caller local, std::string_view person);

} // namespace c9
