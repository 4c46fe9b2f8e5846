#include "app/settings.h"

#include "core/risk.h"
#include "store/settings_store.h"
#include "store/typed.h"

#include <array>
#include <charconv>

namespace c9 {

namespace {

constexpr std::array<SettingInfo, 6> settings_table{{
    {"risk.matrix_size", "levels of likelihood and impact: 3, 4 or 5", 3, 5},
    {"risk.appetite", "highest risk score accepted without treatment", 1, 25},
    {"sla.critical_days", "days to remediate a critical vulnerability", 1, 3650},
    {"sla.high_days", "days to remediate a high vulnerability", 1, 3650},
    {"sla.medium_days", "days to remediate a medium vulnerability", 1, 3650},
    {"sla.low_days", "days to remediate a low vulnerability", 1, 3650},
}};

int value_in(const Rules& rules, std::string_view key)
{
    if (key == "risk.matrix_size")
        return rules.matrix.size;
    if (key == "risk.appetite")
        return rules.matrix.appetite;
    if (key == "sla.critical_days")
        return rules.sla.critical_days;
    if (key == "sla.high_days")
        return rules.sla.high_days;
    if (key == "sla.medium_days")
        return rules.sla.medium_days;
    return rules.sla.low_days;
}

} // namespace

std::span<const SettingInfo> known_settings() { return settings_table; }

Result<std::map<std::string, int>> effective_settings(Tx& tx)
{
    auto rules = C9_TRY(load_rules(tx, Timestamp{}));
    std::map<std::string, int> out;
    for (const auto& info : settings_table)
        out[std::string(info.key)] = value_in(rules, info.key);
    return out;
}

Result<void> change_setting(Tx& tx, const std::string& key, const std::string& text, const Caller& caller)
{
    const SettingInfo* info = nullptr;
    for (const auto& candidate : settings_table)
        if (candidate.key == key)
            info = &candidate;
    if (!info) {
        std::string keys;
        for (const auto& candidate : settings_table)
            keys += (keys.empty() ? "" : ", ") + std::string(candidate.key);
        return Error::invalid("key", fmt::format("unknown setting \"{}\"; known: {}", key, keys));
    }
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return Error::invalid(key, fmt::format("must be a whole number, not \"{}\"", text));
    if (value < info->minimum || value > info->maximum)
        return Error::invalid(key, fmt::format("must be between {} and {}", info->minimum, info->maximum));

    auto rules = C9_TRY(load_rules(tx, caller.now));
    if (key == "risk.matrix_size") {
        // Shrinking the matrix would leave open risks with levels it cannot express.
        auto open = C9_TRY(all_rows(tx, risk_spec(), {where("status", FilterOp::eq, std::string("open"))}));
        for (const auto& risk : open) {
            int highest = std::max({risk.likelihood, risk.impact, risk.residual_likelihood.value_or(0),
                                    risk.residual_impact.value_or(0)});
            if (highest > value)
                return Error::invalid(key, fmt::format("{} uses level {}; reassess it before shrinking the matrix to "
                                                       "{}x{}",
                                                       display_id("RSK", risk.id), highest, value, value));
        }
        if (rules.matrix.appetite >= value * value)
            return Error::invalid(key, fmt::format("the appetite {} would accept every risk on a {}x{} matrix; lower "
                                                   "risk.appetite first",
                                                   rules.matrix.appetite, value, value));
    }
    if (key == "risk.appetite" && value >= rules.matrix.max_score())
        return Error::invalid(key, fmt::format("must be below the highest score {} of the {}x{} matrix",
                                               rules.matrix.max_score(), rules.matrix.size, rules.matrix.size));
    auto before = value_in(rules, key);
    C9_TRY(write_setting(tx, key, std::to_string(value)));
    C9_TRY(tx.audit({.at = caller.now,
                     .actor = caller.actor,
                     .action = "configure",
                     .entity = "settings",
                     .summary = fmt::format("{} {} -> {}", key, before, value)}));
    return {};
}

} // namespace c9
