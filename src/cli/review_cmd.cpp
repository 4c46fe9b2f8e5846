// clause9 action owners, clause9 risk review, clause9 kpi status: the reports a meeting works from.
#include "app/reports.h"
#include "cli/commands.h"
#include "cli/row_text.h"

#include <iostream>

namespace c9 {

namespace {

std::string percent_text(std::optional<double> value)
{
    return value ? fmt::format("{:.0f}%", *value) : std::string("-");
}

Json risk_refs(const std::vector<Risk>& risks)
{
    Json out = Json::array();
    for (const auto& risk : risks)
        out.push_back({{"id", risk.id}, {"ref", display_id("RSK", risk.id)}, {"title", risk.title},
                       {"score", current_score(risk)}});
    return out;
}

} // namespace

void add_owner_report(CLI::App* action, CliContext& context)
{
    auto* command = action->add_subcommand("owners", "Per owner: open, overdue, and done on time (%)");
    on_run(command, context, [&context]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto report = C9_TRY(action_owners(*store, context.caller(), context.json ? rows_only : with_names));
        const auto& owners = report.owners;
        const auto& names = report.names;
        if (context.json) {
            Json out = Json::array();
            for (const auto& entry : owners)
                out.push_back({{"owner", entry.owner},
                               {"open", entry.open},
                               {"overdue", entry.overdue},
                               {"done", entry.closed},
                               {"done_on_time", entry.closed_on_time},
                               {"on_time_percent", entry.on_time_percent() ? Json(*entry.on_time_percent()) : Json()}});
            print_json(out);
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& entry : owners)
            rows.push_back({field_text(FieldKind::person, {}, entry.owner, names), std::to_string(entry.open),
                            std::to_string(entry.overdue), std::to_string(entry.closed),
                            percent_text(entry.on_time_percent())});
        print_text_table(std::cout, {"owner", "open", "overdue", "done", "on time"}, rows);
        return {};
    });
}

void add_risk_review(CLI::App* risk_noun, CliContext& context)
{
    auto* command = risk_noun->add_subcommand("review", "Mitigation effectiveness, risks above appetite, reviews due and "
                                                   "treatments overdue");
    auto days = std::make_shared<int>(30);
    command->add_option("--horizon-days", *days, "reviews due within this many days (default 30)")
        ->check(CLI::Range(0, 3650));
    on_run(command, context, [&context, days]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto review = C9_TRY(risk_review(*store, *days, context.caller()));
        if (context.json) {
            Json effects = Json::array();
            for (const auto& effect : review.effectiveness)
                effects.push_back({{"id", effect.risk.id},
                                   {"ref", display_id("RSK", effect.risk.id)},
                                   {"title", effect.risk.title},
                                   {"inherent", effect.inherent},
                                   {"current", effect.current},
                                   {"reduction_percent", effect.reduction_percent},
                                   {"trend", to_string(effect.trend)}});
            print_json({{"effectiveness", effects},
                        {"above_appetite", risk_refs(review.above_appetite)},
                        {"reviews_due", risk_refs(review.reviews_due)},
                        {"treatments_overdue", risk_refs(review.treatments_overdue)}});
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& effect : review.effectiveness)
            rows.push_back({display_id("RSK", effect.risk.id), effect.risk.title, std::to_string(effect.inherent),
                            std::to_string(effect.current), fmt::format("{:.0f}%", effect.reduction_percent),
                            std::string(to_string(effect.trend))});
        std::cout << "Mitigation effectiveness (rising scores and smallest reductions first)\n";
        print_text_table(std::cout, {"risk", "title", "inherent", "current", "reduction", "trend"}, rows);
        auto list = [](const char* heading, const std::vector<Risk>& risks) {
            std::cout << fmt::format("\n{} ({})\n", heading, risks.size());
            for (const auto& listed_risk : risks)
                std::cout << fmt::format("  {}  {}  score {}\n", display_id("RSK", listed_risk.id), listed_risk.title,
                                         current_score(listed_risk));
        };
        list("Above appetite", review.above_appetite);
        list("Reviews due", review.reviews_due);
        list("Treatments overdue", review.treatments_overdue);
        return {};
    });
}

void add_kpi_status(CLI::App* kpi, CliContext& context)
{
    auto* command = kpi->add_subcommand("status", "Every active KPI with its value, target, RAG status and trend");
    on_run(command, context, [&context]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto reports = C9_TRY(kpi_status(*store, 0, context.caller()));
        auto value_text = [](std::optional<double> value, const std::optional<std::string>& unit) {
            if (!value)
                return std::string("-");
            auto text = fmt::format("{:.4g}", *value);
            if (unit && !unit->empty())
                text += (*unit == "%" ? "" : " ") + *unit;
            return text;
        };
        if (context.json) {
            Json out = Json::array();
            for (const auto& [status, history] : reports)
                out.push_back({{"id", status.kpi.id},
                               {"ref", display_id("KPI", status.kpi.id)},
                               {"name", status.kpi.name},
                               {"period", format_date(status.period)},
                               {"value", status.value ? Json(*status.value) : Json()},
                               {"previous", status.previous ? Json(*status.previous) : Json()},
                               {"target", status.kpi.target},
                               {"rag", status.rag ? Json(to_string(*status.rag)) : Json()},
                               {"trend", to_string(status.trend)}});
            print_json(out);
            return {};
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& [status, history] : reports)
            rows.push_back({display_id("KPI", status.kpi.id), status.kpi.name, format_date(status.period),
                            value_text(status.value, status.kpi.unit), value_text(status.kpi.target, status.kpi.unit),
                            status.rag ? std::string(to_string(*status.rag)) : "-",
                            std::string(to_string(status.trend))});
        print_text_table(std::cout, {"kpi", "name", "period", "value", "target", "rag", "trend"}, rows);
        return {};
    });
}

} // namespace c9
