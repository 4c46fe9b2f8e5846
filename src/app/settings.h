// The organisation's settings: risk matrix size and appetite, vulnerability SLAs.
#pragma once

#include "app/caller.h"
#include "store/store.h"

#include <map>
#include <string>

namespace c9 {

struct SettingInfo {
    std::string_view key;
    std::string_view help;
    int minimum;
    int maximum;
};

std::span<const SettingInfo> known_settings();

// Every known setting with its effective value (configured or default).
Result<std::map<std::string, int>> effective_settings(Tx& tx);

// Validates and stores one setting; a matrix smaller than the levels already used by open risks is refused.
Result<void> change_setting(Tx& tx, const std::string& key, const std::string& value, const Caller& caller);

} // namespace c9
