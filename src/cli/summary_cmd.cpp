#include "app/reports.h"
#include "cli/commands.h"
#include "cli/row_text.h"

#include <iostream>

namespace c9 {

void print_summary(std::ostream& out, const std::string& where, const Summary& summary)
{
    out << where << '\n';
    std::vector<std::vector<std::string>> rows;
    for (const auto& count : summary.registers)
        rows.push_back({count.title, std::to_string(count.rows), count.open >= 0 ? std::to_string(count.open) : ""});
    print_text_table(out, {"register", "rows", "open"}, rows);
    out << fmt::format("action items: {} open, {} overdue\n", summary.open_actions, summary.overdue_actions);
    out << fmt::format("activity completions: {}, KPI measurements: {}, audit trail entries: {}\n",
                       summary.completions, summary.measurements, summary.audit_entries);
}

Json summary_json(const Summary& summary)
{
    Json registers = Json::object();
    for (const auto& count : summary.registers) {
        registers[count.name] = {{"rows", count.rows}};
        if (count.open >= 0)
            registers[count.name]["open"] = count.open;
    }
    return {{"registers", registers},
            {"open_actions", summary.open_actions},
            {"overdue_actions", summary.overdue_actions},
            {"completions", summary.completions},
            {"measurements", summary.measurements},
            {"audit_entries", summary.audit_entries}};
}

void add_summary_command(CLI::App& root, CliContext& context)
{
    auto* command = root.add_subcommand("summary", "Rows per register, open and overdue action items");
    on_run(command, context, [&context]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto counts = C9_TRY(summary(*store, context.caller()));
        if (context.json)
            print_json(summary_json(counts));
        else
            print_summary(std::cout, store->description(), counts);
        return {};
    });
}

} // namespace c9
