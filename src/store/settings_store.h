// Organisation settings (risk matrix, appetite, SLAs) as key/value rows.
#pragma once

#include "core/rules.h"
#include "store/store.h"

#include <map>
#include <optional>
#include <string>

namespace c9 {

Result<std::map<std::string, std::string>> read_settings(Tx& tx);
Result<void> write_setting(Tx& tx, const std::string& key, const std::string& value);

// The rules configured in the settings, with defaults for what is not set.
Result<Rules> load_rules(Tx& tx, Timestamp now);

} // namespace c9
