// The demo's asset inventory (control 5.9): every system, service and set of data the other registers name becomes
// an asset the first time it is named, with an owner and a classification that follow from its name, so the same
// seed gives the same inventory. Risks, vulnerabilities and incidents then refer to their asset, and an asset's page
// shows them together.
#include "demo/demo.h"

#include <fmt/format.h>

namespace c9::demo {

namespace {

// The type an inventory would give the names the generators use.
AssetType type_of(std::string_view name)
{
    auto has = [&](std::string_view part) { return name.find(part) != std::string_view::npos; };
    if (has("Laptop") || has("phone") || has("server") || has("Servers") || has("gateway") || has("NW-L") || has("fw-")
        || has("sw-") || has("esx-") || has("print-"))
        return AssetType::hardware;
    if (has(".prod") || has("k8s-") || has("dc-") || has("ERP") || has("ci-") || has("gitlab-"))
        return AssetType::software;
    if (has("data") || has("contracts") || has("repositories") || has("Backups") || has("Logging") || has("documents"))
        return AssetType::information;
    if (has("Office") && !has("network"))
        return AssetType::site;
    if (has("operations") || has("Remote work"))
        return AssetType::people;
    return AssetType::service;
}

} // namespace

std::string_view first_asset(std::string_view names) { return names.substr(0, names.find(", ")); }

AssetBook::AssetBook(Tx& tx, World& world)
    : m_world(world), m_inserter(tx, table_of(asset_spec()), world.stamp(world.start))
{
}

Result<Id> AssetBook::id(std::string_view name, Timestamp at)
{
    if (auto found = m_world.assets.find(name); found != m_world.assets.end())
        return found->second;
    const auto& spec = asset_spec();
    // Attributes from the name, not from a generator's random stream: adding an asset changes nothing else.
    Random random(m_world.options.seed, fmt::format("asset {}", name));
    Asset asset;
    asset.name = std::string(name);
    asset.type = type_of(name);
    asset.owner = random.pick(m_world.staff.it);
    asset.confidentiality = static_cast<ProtectionLevel>(random.weighted({20, 45, 35}));
    asset.integrity = static_cast<ProtectionLevel>(random.weighted({20, 50, 30}));
    asset.availability = static_cast<ProtectionLevel>(random.weighted({25, 45, 30}));
    if (*asset.type == AssetType::hardware || *asset.type == AssetType::software)
        asset.location = random.chance(0.6) ? "Main office server room" : "Cloud region eu-central-1";
    if (*asset.type == AssetType::service)
        asset.supplier = std::string(random.pick(
            std::array {"Microsoft", "Amazon Web Services", "Personio", "Salesforce", "Atlassian", "in-house"}));
    asset.created_at = m_world.start < at ? m_world.start : at;
    C9_TRY(check_generated(spec, asset, static_cast<const Asset*>(nullptr), m_world.at(asset.created_at)));
    auto id = C9_TRY(m_inserter.insert(values_of(spec, asset), m_world.stamp(asset.created_at)));
    m_world.assets.emplace(std::string(name), id);
    ++m_world.counts.assets;
    return id;
}

} // namespace c9::demo
