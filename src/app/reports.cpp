#include "app/reports.h"

#include "core/audit.h"

#include "store/measurements.h"
#include "store/risk_scores.h"
#include "store/settings_store.h"

#include <algorithm>
#include <charconv>

namespace c9 {

Result<OwnerReport> action_owners(Store& store, const Caller& caller, unsigned include)
{
    return store.read([&](Tx& tx) -> Result<OwnerReport> {
        OwnerReport report{C9_TRY(actions_by_owner(tx, caller.today())), {}};
        if (include & with_names)
            report.names = C9_TRY(person_names(tx));
        return report;
    });
}

Result<RiskReview> risk_review(Store& store, int horizon_days, const Caller& caller)
{
    if (horizon_days < 0 || horizon_days > 3650)
        return Error::invalid("horizon_days", "must be between 0 and 3650");
    return store.read([&](Tx& tx) -> Result<RiskReview> {
        auto rules = C9_TRY(load_rules(tx, caller.now));
        return review_risks(tx, rules, add_days(rules.today(), horizon_days));
    });
}

Result<RiskHeatmap> risk_heatmap(Store& store, const Caller& caller)
{
    return store.read([&](Tx& tx) -> Result<RiskHeatmap> {
        RiskHeatmap map;
        map.matrix = C9_TRY(load_rules(tx, caller.now)).matrix;
        auto size = static_cast<size_t>(map.matrix.size);
        map.inherent.assign(size, std::vector<std::int64_t>(size, 0));
        map.residual = map.inherent;
        for (const auto& cell : C9_TRY(open_risk_cells(tx))) {
            map.total += cell.risks;
            if (map.matrix.contains(cell.likelihood) && map.matrix.contains(cell.impact))
                map.inherent[cell.likelihood - 1][cell.impact - 1] += cell.risks;
            if (map.matrix.contains(cell.residual_likelihood) && map.matrix.contains(cell.residual_impact))
                map.residual[cell.residual_likelihood - 1][cell.residual_impact - 1] += cell.risks;
        }
        for (int likelihood = 1; likelihood <= map.matrix.size; ++likelihood) {
            std::vector<RiskBand> row;
            for (int impact = 1; impact <= map.matrix.size; ++impact)
                row.push_back(map.matrix.band(RiskMatrix::score(likelihood, impact)));
            map.bands.push_back(std::move(row));
        }
        return map;
    });
}

Result<std::vector<KpiReport>> kpi_status(Store& store, int history, const Caller& caller)
{
    if (history < 0 || history > 60)
        return Error::invalid("history", "must be between 0 and 60");
    return store.read([&](Tx& tx) -> Result<std::vector<KpiReport>> {
        auto rules = C9_TRY(load_rules(tx, caller.now));
        std::vector<KpiReport> reports;
        for (auto& status : C9_TRY(review_kpis(tx, rules))) {
            KpiReport report{std::move(status), {}};
            if (history > 0) {
                report.history = C9_TRY(latest_measurements(tx, report.status.kpi.id, history));
                std::reverse(report.history.begin(), report.history.end());
            }
            reports.push_back(std::move(report));
        }
        return reports;
    });
}

Result<Summary> summary(Store& store, const Caller& caller)
{
    return store.read([&](Tx& tx) { return summarize(tx, caller.today()); });
}

namespace {

std::string settings_tag(const std::map<std::string, int>& values)
{
    std::string text;
    for (const auto& [key, value] : values)
        text += fmt::format("{}={}\n", key, value);
    return sha256_hex(text).substr(0, 16);
}

Result<SettingsView> settings_view(Tx& tx)
{
    auto values = C9_TRY(effective_settings(tx));
    auto tag = settings_tag(values);
    return SettingsView{std::move(values), std::move(tag)};
}

} // namespace

Result<SettingsView> show_settings(Store& store)
{
    return store.read([](Tx& tx) { return settings_view(tx); });
}

Result<SettingsView> change_settings(Store& store, const std::vector<std::pair<std::string, std::string>>& changes,
    std::optional<std::string> expected_tag, const Caller& caller)
{
    C9_TRY(require(caller, Permission::configure, std::nullopt, "settings"));
    if (changes.empty())
        return Error::invalid("body", "name at least one setting, such as risk.appetite 12");
    return store.write([&](Tx& tx) -> Result<SettingsView> {
        if (expected_tag && *expected_tag != "*" && *expected_tag != C9_TRY(settings_view(tx)).tag)
            return Error::stale(
                "the settings were changed since you read them; reload them and apply your change again");
        auto ordered = changes;
        for (const auto& [key, text] : changes) {
            if (key != "risk.matrix_size")
                continue;
            int size = 0;
            if (std::from_chars(text.data(), text.data() + text.size(), size).ec != std::errc())
                break;
            auto current = C9_TRY(load_rules(tx, caller.now)).matrix.size;
            std::stable_partition(ordered.begin(), ordered.end(),
                [&](const auto& change) { return (change.first == "risk.matrix_size") == (size > current); });
        }
        // Every setting is checked, so one answer names all that are wrong; any of them rolls all back.
        Problems problems;
        for (const auto& [key, text] : ordered) {
            auto changed = change_setting(tx, key, text, caller);
            if (!changed && changed.error().fields().empty())
                return std::move(changed).error();
            if (!changed)
                for (const auto& error : changed.error().fields())
                    problems.add(error.field == "key" ? key : error.field, error.message);
        }
        C9_TRY(problems.result());
        return settings_view(tx);
    });
}

Result<AuditPage> audit_page(Store& store, int limit, std::int64_t before)
{
    C9_TRY(limit < 1 || limit > 100000 ? Result<void>(Error::invalid("limit", "must be between 1 and 100000"))
                                       : Result<void>());
    return store.read([&](Tx& tx) -> Result<AuditPage> {
        auto entries = C9_TRY(recent_audit_entries(tx, limit, before));
        return AuditPage{std::move(entries), C9_TRY(audit_head(tx))};
    });
}

} // namespace c9
