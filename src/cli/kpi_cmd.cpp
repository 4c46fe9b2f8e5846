#include "app/kpis.h"
#include "cli/commands.h"
#include "cli/register_commands.h"
#include "store/measurements.h"

namespace c9 {

namespace {

void add_measure_command(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("measure", "Enter the value of a manual KPI for a period");
    struct Options {
        std::string id, period, note;
        double value = 0;
    };
    auto options = std::make_shared<Options>();
    command->add_option("ID", options->id, "KPI id, e.g. KPI-3")->required();
    command->add_option("--period", options->period, "month like 2026-10 (or a date in the period)")->required();
    command->add_option("--value", options->value, "measured value")->required();
    command->add_option("--note", options->note, "remark on the measurement");
    on_run(command, context, [&context, options]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        auto caller = context.caller();
        auto measurement = C9_TRY(store->write([&](Tx& tx) -> Result<Measurement> {
            auto id = C9_TRY(resolve_row_id(tx, kpi_spec(), options->id));
            std::optional<std::string> note;
            if (!options->note.empty())
                note = options->note;
            return record_measurement(tx, id, options->period, options->value, note, caller);
        }));
        if (context.json)
            print_json({{"kpi", measurement.kpi}, {"period", format_date(measurement.period)}, {"value", measurement.value}});
        else
            std::cout << fmt::format("{} = {} for the period starting {}\n", display_id("KPI", measurement.kpi),
                                     measurement.value, format_date(measurement.period));
        return {};
    });
}

void add_values_command(CLI::App* noun, CliContext& context)
{
    auto* command = noun->add_subcommand("values", "Show the measurements of a KPI with their RAG status");
    auto id_text = std::make_shared<std::string>();
    command->add_option("ID", *id_text, "KPI id, e.g. KPI-3")->required();
    on_run(command, context, [&context, id_text]() -> Result<void> {
        auto* store = C9_TRY(context.open());
        return store->read([&](Tx& tx) -> Result<void> {
            auto id = C9_TRY(resolve_row_id(tx, kpi_spec(), *id_text));
            auto kpi = C9_TRY(get_row(tx, kpi_spec(), id));
            auto measurements = C9_TRY(measurements_of(tx, id));
            if (context.json) {
                Json out = Json::array();
                for (const auto& entry : measurements)
                    out.push_back({{"period", format_date(entry.period)},
                                   {"value", entry.value},
                                   {"rag", to_string(rag(kpi, entry.value))},
                                   {"note", entry.note ? Json(*entry.note) : Json()}});
                print_json(out);
                return {};
            }
            std::vector<std::vector<std::string>> rows;
            for (const auto& entry : measurements)
                rows.push_back({format_date(entry.period), fmt::format("{:g}", entry.value),
                                std::string(to_string(rag(kpi, entry.value))), entry.note.value_or("")});
            print_text_table(std::cout, {"period", "value", "rag", "note"}, rows);
            return {};
        });
    });
}

} // namespace

void add_kpi_commands(CLI::App& root, CliContext& context)
{
    auto* noun = add_register_commands(root, context, kpi_spec(), {"kpi", "Key performance indicators (9.1)"});
    add_measure_command(noun, context);
    add_values_command(noun, context);
    add_kpi_status(noun, context);
}

} // namespace c9
