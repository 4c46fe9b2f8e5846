#include "store/audit_log.h"

#include "store/tx_impl.h"

namespace c9 {

Result<AuditEntry> Tx::audit(AuditEntry entry)
{
    return guarded("append to the audit trail", [&]() -> Result<AuditEntry> {
        // Taking the next sequence number locks the head row until commit, so concurrent writers (several
        // instances on PostgreSQL) append one after the other and the chain never forks.
        auto head = select_rows(m_impl, "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash",
            {Storage::integer, Storage::text});
        entry.seq = std::get<std::int64_t>(head.at(0).at(0));
        entry.prev_hash = to_text(head.at(0).at(1));
        entry.hash = compute_hash(entry);
        execute(m_impl,
            "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, summary, prev_hash, hash) "
            "VALUES (:s, :at, :actor, :action, :entity, :eid, :summary, :prev, :hash)",
            {entry.seq, format_timestamp(entry.at), entry.actor, entry.action, entry.entity,
                entry.entity_id ? Value {*entry.entity_id} : Value {}, entry.summary, entry.prev_hash, entry.hash});
        execute(m_impl, "UPDATE audit_head SET hash = :h WHERE id = 1", {entry.hash});
        return std::move(entry);
    });
}

namespace {

struct AuditRow {
    long long seq = 0;
    std::string at, actor, action, entity, summary, prev_hash, hash;
    long long entity_id = 0;
    soci::indicator entity_indicator = soci::i_ok;

    AuditEntry entry() const
    {
        AuditEntry out;
        out.seq = seq;
        out.at = parse_timestamp(at).value_or(Timestamp{});
        out.actor = actor;
        out.action = action;
        out.entity = entity;
        if (entity_indicator != soci::i_null)
            out.entity_id = entity_id;
        out.summary = summary;
        out.prev_hash = prev_hash;
        out.hash = hash;
        return out;
    }
};

soci::statement prepare_audit_select(soci::session& sql, AuditRow& row, const std::string& tail, long long& param)
{
    return (sql.prepare << "SELECT seq, at, actor, action, entity, entity_id, summary, prev_hash, hash FROM audit_log " +
                               tail,
            soci::into(row.seq), soci::into(row.at), soci::into(row.actor), soci::into(row.action),
            soci::into(row.entity), soci::into(row.entity_id, row.entity_indicator), soci::into(row.summary),
            soci::into(row.prev_hash), soci::into(row.hash), soci::use(param));
}

} // namespace

Result<void> for_each_audit_entry(Tx& tx, std::int64_t after_seq, const std::function<bool(const AuditEntry&)>& visit)
{
    return guarded("read the audit trail", [&]() -> Result<void> {
        AuditRow row;
        long long after = after_seq;
        auto statement = prepare_audit_select(tx.impl().sql, row, "WHERE seq > :s ORDER BY seq", after);
        statement.execute(false);
        while (statement.fetch())
            if (!visit(row.entry()))
                break;
        return {};
    });
}

Result<AuditHead> audit_head(Tx& tx)
{
    return guarded("read the audit trail head", [&]() -> Result<AuditHead> {
        AuditHead head;
        long long seq = 0;
        tx.impl().sql << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(head.hash);
        head.seq = seq;
        return head;
    });
}

Result<std::int64_t> data_version(Tx& tx)
{
    return guarded("read the data version", [&]() -> Result<std::int64_t> {
        Query query(tx.impl(), "SELECT seq FROM audit_head WHERE id = 1", {Storage::integer});
        if (!query.execute(true))
            return Error(ErrorCode::internal, "store: the audit trail has no head row");
        return static_cast<std::int64_t>(query.column(0).integer);
    });
}

Result<std::vector<AuditEntry>> recent_audit_entries(Tx& tx, int limit, std::int64_t before_seq)
{
    return guarded("read the audit trail", [&]() -> Result<std::vector<AuditEntry>> {
        std::vector<AuditEntry> entries;
        AuditRow row;
        long long before = before_seq > 0 ? before_seq : INT64_MAX;
        auto statement = prepare_audit_select(tx.impl().sql, row,
                                              "WHERE seq < :s ORDER BY seq DESC LIMIT " + std::to_string(limit), before);
        statement.execute(false);
        while (statement.fetch())
            entries.push_back(row.entry());
        return entries;
    });
}

} // namespace c9
