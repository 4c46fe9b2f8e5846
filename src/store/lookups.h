// Small lookups by natural keys: a person by email, a control by its Annex A id.
#pragma once

#include "store/store.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace c9 {

Result<std::optional<Id>> person_by_email(Tx& tx, const std::string& email);
Result<std::optional<Id>> control_by_code(Tx& tx, const std::string& code);
// Control codes that do not exist in the catalog.
Result<std::vector<std::string>> unknown_controls(Tx& tx, const std::vector<std::string>& codes);
// The first active person (lowest id) holding each of the given ISMS role names ("iso", "it" ...).
Result<std::map<std::string, Id>> first_role_holders(Tx& tx, const std::vector<std::string>& roles);

// id -> name of every person, for tables and documents.
Result<std::unordered_map<Id, std::string>> person_names(Tx& tx);

} // namespace c9
