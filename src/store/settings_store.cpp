#include "store/settings_store.h"

#include "store/tx_impl.h"

#include <charconv>

namespace c9 {

Result<std::map<std::string, std::string>> read_settings(Tx& tx)
{
    return guarded("read the settings", [&]() -> Result<std::map<std::string, std::string>> {
        std::map<std::string, std::string> settings;
        Query query(tx.impl(), "SELECT key, value FROM settings", {Storage::text, Storage::text});
        query.each([&](const Query& row) { settings[row.column(0).text] = row.column(1).text; });
        return settings;
    });
}

Result<void> write_setting(Tx& tx, const std::string& key, const std::string& value)
{
    return guarded("write a setting", [&]() -> Result<void> {
        auto& db = tx.impl();
        // Upsert in the subset both engines share.
        if (execute(db, "UPDATE settings SET value = :v WHERE key = :k", {value, key}) == 0)
            execute(db, "INSERT INTO settings (key, value) VALUES (:k, :v)", {key, value});
        return {};
    });
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
