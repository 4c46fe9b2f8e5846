// Accounts, API tokens and audit trail entries as JSON, the same for `--json` and the REST API. A token's secret is
// never part of it: the creation's answer adds it once.
#pragma once

#include "app/accounts_login.h"
#include "core/audit.h"
#include "export/json_rows.h"

namespace c9 {

Json account_json(const Account& account);
Json token_json(const TokenRecord& token);
Json audit_entry_json(const AuditEntry& entry);

} // namespace c9
