#include "store/measurements.h"

#include "store/tx_impl.h"

namespace c9 {

namespace {

Result<std::vector<Measurement>> select_measurements(Tx& tx, const std::string& where, const std::vector<Value>& params)
{
    return guarded("read KPI measurements", [&]() -> Result<std::vector<Measurement>> {
        std::vector<Measurement> measurements;
        long long id = 0, kpi = 0;
        std::string period, note, recorded_at, recorded_by;
        double value = 0;
        soci::indicator note_ind = soci::i_ok;
        Binder binder;
        soci::statement statement(tx.impl().sql);
        statement.alloc();
        statement.prepare(
            "SELECT id, kpi, period, value, note, recorded_at, recorded_by FROM kpi_measurements " + where,
            soci::details::st_one_time_query);
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(kpi));
        statement.exchange(soci::into(period));
        statement.exchange(soci::into(value));
        statement.exchange(soci::into(note, note_ind));
        statement.exchange(soci::into(recorded_at));
        statement.exchange(soci::into(recorded_by));
        for (const auto& param : params)
            binder.use(statement, param);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            Measurement measurement;
            measurement.id = id;
            measurement.kpi = kpi;
            measurement.period = parse_date(period).value_or(Date {});
            measurement.value = value;
            if (note_ind != soci::i_null)
                measurement.note = note;
            measurement.recorded_at = parse_timestamp(recorded_at).value_or(Timestamp {});
            measurement.recorded_by = recorded_by;
            measurements.push_back(std::move(measurement));
        }
        return measurements;
    });
}

} // namespace

Result<void> upsert_measurement(Tx& tx, const Measurement& measurement)
{
    return guarded("record a KPI measurement", [&]() -> Result<void> {
        auto& db = tx.impl();
        Value note = measurement.note ? Value {*measurement.note} : Value {};
        std::string period = format_date(measurement.period);
        std::string at = format_timestamp(measurement.recorded_at);
        if (execute(db,
                "UPDATE kpi_measurements SET value = :v, note = :n, recorded_at = :a, recorded_by = :b "
                "WHERE kpi = :k AND period = :p",
                {measurement.value, note, at, measurement.recorded_by, measurement.kpi, period})
            == 0)
            execute(db,
                "INSERT INTO kpi_measurements (kpi, period, value, note, recorded_at, recorded_by) "
                "VALUES (:k, :p, :v, :n, :a, :b)",
                {measurement.kpi, period, measurement.value, note, at, measurement.recorded_by});
        return {};
    });
}

Result<std::vector<Measurement>> measurements_of(Tx& tx, Id kpi)
{
    return select_measurements(tx, "WHERE kpi = :k ORDER BY period", {kpi});
}

Result<std::vector<Measurement>> measurements_since(Tx& tx, Date since, Timestamp known_at)
{
    return select_measurements(tx, "WHERE period >= :p AND recorded_at <= :a ORDER BY period, kpi",
        {format_date(since), format_timestamp(known_at)});
}

Result<std::optional<Measurement>> measurement_for(Tx& tx, Id kpi, Date period, std::optional<Timestamp> known_at)
{
    auto found
        = C9_TRY(known_at ? select_measurements(tx, "WHERE kpi = :k AND period = :p AND recorded_at <= :a",
                     {kpi, format_date(period), format_timestamp(*known_at)})
                          : select_measurements(tx, "WHERE kpi = :k AND period = :p", {kpi, format_date(period)}));
    if (found.empty())
        return std::optional<Measurement> {};
    return std::optional<Measurement> {found.front()};
}

Result<std::vector<Measurement>> latest_measurements(Tx& tx, Id kpi, int count, std::optional<Timestamp> known_at)
{
    auto limit = " ORDER BY period DESC LIMIT " + std::to_string(count);
    if (known_at)
        return select_measurements(
            tx, "WHERE kpi = :k AND recorded_at <= :a" + limit, {kpi, format_timestamp(*known_at)});
    return select_measurements(tx, "WHERE kpi = :k" + limit, {kpi});
}

} // namespace c9
