// Small lookups by natural keys: a person by email, a control by its Annex A id.
#pragma once

#include "store/store.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace c9 {

Result<std::optional<Id>> person_by_email(Tx& tx, const std::string& email);
Result<std::optional<Id>> control_by_code(Tx& tx, const std::string& code);
// Control codes that do not exist in the catalog.
Result<std::vector<std::string>> unknown_controls(Tx& tx, const std::vector<std::string>& codes);
// id -> name of every person, for tables and documents.
Result<std::unordered_map<Id, std::string>> person_names(Tx& tx);

} // namespace c9
