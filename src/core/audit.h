// The audit trail is an append-only chain: each entry carries the SHA-256 of the previous one, so editing,
// inserting or deleting any entry breaks every later link (ISO/IEC 27001:2022 7.5.3, control 8.15 logging).
#pragma once

#include "core/time.h"
#include "core/value.h"

#include <optional>
#include <string>

namespace c9 {

struct AuditEntry {
    std::int64_t seq = 0;
    Timestamp at{};
    std::string actor;
    std::string action; // create, update, login, login_failed, denied, approve ...
    std::string entity; // register name, "session", ...
    std::optional<Id> entity_id;
    std::string summary;
    std::string prev_hash; // hex; 64 zeros for the first entry
    std::string hash;      // hex SHA-256 of the canonical form below
};

inline constexpr std::string_view genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

// seq|at|actor|action|entity|entity_id|summary|prev_hash, with | and \ escaped inside the fields.
std::string canonical_form(const AuditEntry& entry);
std::string compute_hash(const AuditEntry& entry);

std::string sha256_hex(std::string_view data);

} // namespace c9
