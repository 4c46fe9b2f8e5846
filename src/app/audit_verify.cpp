#include "app/audit_verify.h"

#include "core/meeting.h"
#include "store/audit_log.h"
#include "store/typed.h"

#include <fmt/format.h>
#include <unordered_map>

namespace c9 {

Result<AuditVerification> verify_audit_chain(Store& store)
{
    return store.read([&](Tx& tx) -> Result<AuditVerification> {
        AuditVerification verification;
        std::int64_t expected_seq = 1;
        std::string previous_hash(genesis_hash);
        // 7.5.3: approved minutes record the chain head at their approval; a chain cut back and rebuilt would
        // lose those entries. Collected first, so the walk keeps only this small set in memory.
        std::unordered_map<std::string, Id> sealed_heads;
        auto approved = C9_TRY(all_rows(tx, meeting_spec(), {where("state", FilterOp::eq, std::string("approved"))}));
        for (const auto& meeting : approved)
            if (meeting.audit_head && !meeting.audit_head->empty() && *meeting.audit_head != genesis_hash)
                sealed_heads.emplace(*meeting.audit_head, meeting.id);
        auto fail = [&](std::int64_t seq, std::string problem) {
            verification.broken = AuditBreak {seq, std::move(problem)};
            return false;
        };
        C9_TRY(for_each_audit_entry(tx, 0, [&](const AuditEntry& entry) {
            if (entry.seq != expected_seq)
                return fail(expected_seq,
                    entry.seq > expected_seq
                        ? fmt::format("entry {} is missing (the next entry is {})", expected_seq, entry.seq)
                        : fmt::format("entry {} appears out of order", entry.seq));
            if (entry.prev_hash != previous_hash)
                return fail(entry.seq,
                    fmt::format("its prev_hash {} is not the hash of entry {} ({})", entry.prev_hash, entry.seq - 1,
                        previous_hash));
            if (auto computed = compute_hash(entry); computed != entry.hash)
                return fail(entry.seq,
                    fmt::format("its content does not match its hash (stored {}, computed {}): the entry was edited",
                        entry.hash, computed));
            previous_hash = entry.hash;
            sealed_heads.erase(entry.hash);
            ++verification.entries;
            ++expected_seq;
            return true;
        }));
        verification.head_hash = previous_hash;
        if (verification.broken)
            return verification;

        auto head = C9_TRY(audit_head(tx));
        if (head.seq != verification.entries || head.hash != previous_hash) {
            verification.broken = AuditBreak {head.seq,
                fmt::format("the head row names entry {} with hash {}, but the chain ends at entry {} with hash {}: "
                            "entries were removed or added around the head",
                    head.seq, head.hash, verification.entries, previous_hash)};
            return verification;
        }
        if (!sealed_heads.empty()) {
            const auto& [hash, meeting] = *sealed_heads.begin();
            verification.broken = AuditBreak {0,
                fmt::format("the audit trail head {} recorded in the approved minutes of {} is not in the chain", hash,
                    display_id("MTG", meeting))};
        }
        return verification;
    });
}

} // namespace c9
