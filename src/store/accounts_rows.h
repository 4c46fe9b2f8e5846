// Private to the store's account files: the columns of the users table and how a row of them is read, shared by
// the queries that read an account together with the token or session that names it.
#pragma once

#include "store/accounts.h"

#include <string>
#include <string_view>
#include <vector>

namespace c9 {

// "u.id, u.version, ..." for alias "u"; the columns in the order user_from reads them.
std::string user_select_list(std::string_view alias);
const std::vector<Storage>& user_storage();
// Reads the user columns starting at `first`.
UserRecord user_from(const std::vector<Value>& row, size_t first = 0);

} // namespace c9
