// `clause9 audit`: read the audit trail and verify its hash chain (ISO/IEC 27001:2022 control 8.15, 7.5.3).
#include "app/audit_verify.h"
#include "cli/commands.h"
#include "export/account_json.h"
#include "app/reports.h"
#include "cli/row_text.h"

#include <iostream>

namespace c9 {

void add_audit_commands(CLI::App& root, CliContext& context)
{
    auto* noun = root.add_subcommand("audit", "The hash-chained audit trail");
    noun->require_subcommand(1);

    {
        auto* command = noun->add_subcommand("verify",
            "Recompute every entry's hash and check the chain; exits 0 when intact, 1 naming the first broken entry");
        on_run(command, context, [&context]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto verification = C9_TRY(verify_audit_chain(*store));
            if (context.json)
                print_json({{"intact", !verification.broken}, {"entries", verification.entries},
                    {"head", verification.head_hash},
                    {"broken_seq", verification.broken ? Json(verification.broken->seq) : Json()},
                    {"problem", verification.broken ? Json(verification.broken->problem) : Json()}});
            if (verification.broken)
                return Error::internal(fmt::format("the audit trail is broken at entry {}: {}",
                    verification.broken->seq, verification.broken->problem));
            if (!context.json)
                std::cout << fmt::format(
                    "audit trail intact: {} entries, head {}\n", verification.entries, verification.head_hash);
            return {};
        });
    }

    {
        auto* command = noun->add_subcommand("list", "Show the latest entries of the audit trail, newest first");
        auto limit = std::make_shared<int>(50);
        auto before = std::make_shared<std::int64_t>(0);
        command->add_option("--limit", *limit, "how many entries (default 50)")->check(CLI::Range(1, 100000));
        command->add_option("--before", *before, "only entries before this sequence number")
            ->check(CLI::PositiveNumber);
        on_run(command, context, [&context, limit, before]() -> Result<void> {
            auto* store = C9_TRY(context.open());
            auto entries = C9_TRY(audit_page(*store, *limit, *before)).entries;
            if (context.json) {
                Json out = Json::array();
                for (const auto& entry : entries)
                    out.push_back(audit_entry_json(entry));
                print_json(out);
                return {};
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& entry : entries)
                rows.push_back({std::to_string(entry.seq), format_timestamp(entry.at), entry.actor, entry.action,
                    entry.summary, entry.hash.substr(0, 12)});
            print_text_table(std::cout, {"seq", "at", "actor", "action", "summary", "hash"}, rows);
            return {};
        });
    }
}

} // namespace c9
