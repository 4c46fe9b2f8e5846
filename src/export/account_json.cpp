#include "export/account_json.h"

namespace c9 {

Json account_json(const Account& account)
{
    return Json{{"id", account.meta.id}, {"version", account.meta.version}, {"email", account.email},
        {"name", account.name}, {"role", to_string(account.role)},
        {"person", account.person ? Json(*account.person) : Json()}, {"active", account.active},
        {"created_at", format_timestamp(account.meta.created_at)}, {"created_by", account.meta.created_by},
        {"updated_at", format_timestamp(account.meta.updated_at)}, {"updated_by", account.meta.updated_by}};
}

Json token_json(const TokenRecord& token)
{
    return Json{{"id", token.id}, {"user", token.user}, {"name", token.name}, {"hint", token.hint},
        {"created_at", format_timestamp(token.created_at)}, {"created_by", token.created_by},
        {"last_used_at", token.last_used_at ? Json(format_timestamp(*token.last_used_at)) : Json()},
        {"revoked_at", token.revoked_at ? Json(format_timestamp(*token.revoked_at)) : Json()}};
}

Json audit_entry_json(const AuditEntry& entry)
{
    return Json{{"seq", entry.seq}, {"at", format_timestamp(entry.at)}, {"actor", entry.actor},
        {"action", entry.action}, {"entity", entry.entity},
        {"entity_id", entry.entity_id ? Json(*entry.entity_id) : Json()}, {"summary", entry.summary},
        {"prev_hash", entry.prev_hash}, {"hash", entry.hash}};
}

} // namespace c9
