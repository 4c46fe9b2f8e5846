// Accounts and tokens as JSON. A password hash or a token hash never leaves the server.
#pragma once

#include "app/accounts.h"
#include "export/json_rows.h"
#include "store/accounts_tokens.h"

namespace c9 {

Json account_json(const Account& account);
Json token_json(const TokenRecord& token);

} // namespace c9
