// The inventory of information and other associated assets (ISO/IEC 27001:2022 Annex A 5.9): what the organisation
// protects, who owns it, and how much its confidentiality, integrity and availability matter. Risks,
// vulnerabilities and incidents name the asset they concern, so an asset's page shows them together.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class AssetType { information, software, hardware, service, people, site };
C9_ENUM_NAMES(AssetType, "information", "software", "hardware", "service", "people", "site");

// How much a breach of one of the three properties would hurt (5.12 classification).
enum class ProtectionLevel { low, medium, high };
C9_ENUM_NAMES(ProtectionLevel, "low", "medium", "high");

enum class AssetStatus { planned, in_use, retired };
C9_ENUM_NAMES(AssetStatus, "planned", "in_use", "retired");

struct Asset : Row {
    std::string name;
    std::optional<AssetType> type; // empty for an asset moved in from free text, until someone classifies it
    std::optional<std::string> description;
    std::optional<Id> owner;
    std::optional<ProtectionLevel> confidentiality;
    std::optional<ProtectionLevel> integrity;
    std::optional<ProtectionLevel> availability;
    std::optional<std::string> location;
    std::optional<std::string> supplier;
    AssetStatus status = AssetStatus::in_use;
};

const EntitySpec<Asset>& asset_spec();
void derive(Asset& row, const Asset* before, const Rules& rules);
void validate(const Asset& row, const Asset* before, const Rules& rules, Problems& problems);

} // namespace c9
