#include "store/settings_store.h"

#include "store/tx_impl.h"

#include <charconv>

namespace c9 {

Result<std::map<std::string, std::string>> read_settings(Tx& tx)
{
    try {
        std::map<std::string, std::string> settings;
        std::string key, value;
        soci::statement statement
            = (tx.impl().sql.prepare << "SELECT key, value FROM settings", soci::into(key), soci::into(value));
        statement.execute(false);
        while (statement.fetch())
            settings[key] = value;
        return settings;
    } catch (const std::exception& exception) {
        return store_error(exception, "read the settings");
    }
}

Result<void> write_setting(Tx& tx, const std::string& key, const std::string& value)
{
    try {
        auto& sql = tx.impl().sql;
        // Upsert in the subset both engines share.
        if (execute(sql, "UPDATE settings SET value = :v WHERE key = :k", {value, key}) == 0)
            execute(sql, "INSERT INTO settings (key, value) VALUES (:k, :v)", {key, value});
        return {};
    } catch (const std::exception& exception) {
        return store_error(exception, "write a setting");
    }
}

Result<Rules> load_rules(Tx& tx, Timestamp now)
{
    auto settings = C9_TRY(read_settings(tx));
    Rules rules;
    rules.now = now;
    auto integer = [&](const char* key, int& out) {
        auto found = settings.find(key);
        if (found == settings.end())
            return;
        int value = 0;
        const auto& text = found->second;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec == std::errc() && end == text.data() + text.size())
            out = value;
    };
    integer("risk.matrix_size", rules.matrix.size);
    integer("risk.appetite", rules.matrix.appetite);
    integer("sla.critical_days", rules.sla.critical_days);
    integer("sla.high_days", rules.sla.high_days);
    integer("sla.medium_days", rules.sla.medium_days);
    integer("sla.low_days", rules.sla.low_days);
    return rules;
}

} // namespace c9
