#include "store/risk_scores.h"

#include "store/tx_impl.h"

#include <unordered_map>

namespace c9 {

namespace {

struct ScoreRow {
    long long risk = 0, likelihood = 0, impact = 0, residual_likelihood = 0, residual_impact = 0, current = 0;
    std::string at;
    soci::indicator rl = soci::i_ok, ri = soci::i_ok;

    RiskScore score() const
    {
        RiskScore out;
        out.risk = risk;
        out.at = parse_timestamp(at).value_or(Timestamp {});
        out.likelihood = static_cast<int>(likelihood);
        out.impact = static_cast<int>(impact);
        if (rl != soci::i_null)
            out.residual_likelihood = static_cast<int>(residual_likelihood);
        if (ri != soci::i_null)
            out.residual_impact = static_cast<int>(residual_impact);
        out.score = static_cast<int>(current);
        return out;
    }
};

Result<std::vector<RiskScore>> select_scores(Tx& tx, const std::string& where, const Value& param)
{
    return guarded("read risk scores", [&]() -> Result<std::vector<RiskScore>> {
        std::vector<RiskScore> scores;
        ScoreRow row;
        Binder binder;
        soci::statement statement(tx.impl().sql);
        statement.alloc();
        statement.prepare(
            "SELECT risk, at, likelihood, impact, residual_likelihood, residual_impact, score FROM risk_scores "
                + where,
            soci::details::st_one_time_query);
        statement.exchange(soci::into(row.risk));
        statement.exchange(soci::into(row.at));
        statement.exchange(soci::into(row.likelihood));
        statement.exchange(soci::into(row.impact));
        statement.exchange(soci::into(row.residual_likelihood, row.rl));
        statement.exchange(soci::into(row.residual_impact, row.ri));
        statement.exchange(soci::into(row.current));
        binder.use(statement, param);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch())
            scores.push_back(row.score());
        return scores;
    });
}

} // namespace

Result<void> insert_risk_score(Tx& tx, const RiskScore& score)
{
    return guarded("record a risk score", [&]() -> Result<void> {
        auto optional = [](std::optional<int> level) { return level ? Value {std::int64_t {*level}} : Value {}; };
        execute(tx.impl(),
            "INSERT INTO risk_scores (risk, at, likelihood, impact, residual_likelihood, residual_impact, score, "
            "previous_score) VALUES (:r, :a, :l, :i, :rl, :ri, :s, COALESCE((SELECT p.score FROM risk_scores p "
            "WHERE p.risk = :r2 ORDER BY p.at DESC, p.id DESC LIMIT 1), 0))",
            {score.risk, format_timestamp(score.at), std::int64_t {score.likelihood}, std::int64_t {score.impact},
                optional(score.residual_likelihood), optional(score.residual_impact), std::int64_t {score.current()},
                score.risk});
        return {};
    });
}

Result<std::vector<ScoreChange>> score_changes_since(Tx& tx, Timestamp since, Timestamp until)
{
    return guarded("read risk score changes", [&]() -> Result<std::vector<ScoreChange>> {
        // Read in time order through the index on `at`; group per risk here (ordering by risk would make the
        // database walk the whole history).
        auto rows = select_rows(tx.impl(),
            "SELECT risk, previous_score, score FROM risk_scores WHERE at > :s AND at <= :u ORDER BY at, id",
            {Storage::integer, Storage::integer, Storage::integer}, {format_timestamp(since), format_timestamp(until)});
        std::vector<ScoreChange> changes;
        std::unordered_map<Id, size_t> index_of;
        for (const auto& row : rows) {
            auto risk = std::get<std::int64_t>(row[0]);
            auto previous = static_cast<int>(std::get<std::int64_t>(row[1]));
            auto score = static_cast<int>(std::get<std::int64_t>(row[2]));
            auto [found, inserted] = index_of.emplace(risk, changes.size());
            if (inserted)
                changes.push_back({risk, previous, score});
            else
                changes[found->second].after = score;
        }
        return changes;
    });
}

Result<std::vector<RiskScore>> risk_score_history(Tx& tx, Id risk)
{
    return select_scores(tx, "WHERE risk = :r ORDER BY at, id", Value {risk});
}

Result<std::vector<RiskScore>> risk_scores_since(Tx& tx, Timestamp since)
{
    return select_scores(tx, "WHERE at >= :a ORDER BY at, id", Value {format_timestamp(since)});
}

Result<std::optional<RiskScore>> risk_score_at(Tx& tx, Id risk, Timestamp at)
{
    return guarded("read a risk score", [&]() -> Result<std::optional<RiskScore>> {
        ScoreRow row;
        std::string when = format_timestamp(at);
        long long id = risk;
        tx.impl().sql << "SELECT risk, at, likelihood, impact, residual_likelihood, residual_impact, score "
                         "FROM risk_scores WHERE risk = :r AND at <= :a ORDER BY at DESC, id DESC LIMIT 1",
            soci::into(row.risk), soci::into(row.at), soci::into(row.likelihood), soci::into(row.impact),
            soci::into(row.residual_likelihood, row.rl), soci::into(row.residual_impact, row.ri),
            soci::into(row.current), soci::use(id), soci::use(when);
        if (!tx.impl().sql.got_data())
            return std::optional<RiskScore> {};
        return std::optional<RiskScore> {row.score()};
    });
}

Result<std::vector<RiskCellCount>> open_risk_cells(Tx& tx)
{
    // core/risk.h residual_in_effect, in SQL.
    constexpr std::string_view in_effect
        = "treatment_status = 'done' AND residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL";
    return guarded("count the open risks on the matrix", [&]() -> Result<std::vector<RiskCellCount>> {
        std::vector<RiskCellCount> cells;
        Query query(tx.impl(),
            "SELECT likelihood, impact, CASE WHEN " + std::string(in_effect)
                + " THEN residual_likelihood ELSE likelihood "
                  "END, CASE WHEN "
                + std::string(in_effect)
                + " THEN residual_impact ELSE impact END, COUNT(*) FROM risks "
                  "WHERE status = 'open' GROUP BY 1, 2, 3, 4",
            {Storage::integer, Storage::integer, Storage::integer, Storage::integer, Storage::integer});
        query.each([&](const Query& row) {
            cells.push_back({.likelihood = static_cast<int>(row.column(0).integer),
                .impact = static_cast<int>(row.column(1).integer),
                .residual_likelihood = static_cast<int>(row.column(2).integer),
                .residual_impact = static_cast<int>(row.column(3).integer),
                .risks = row.column(4).integer});
        });
        return cells;
    });
}

} // namespace c9
