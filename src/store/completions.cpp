#include "store/completions.h"

#include "store/tx_impl.h"

namespace c9 {

namespace {

struct CompletionRow {
    long long id = 0, activity = 0, done_by = 0;
    std::string done_on, due, result, evidence, note, recorded_at, recorded_by;
    soci::indicator done_by_ind = soci::i_ok, evidence_ind = soci::i_ok, note_ind = soci::i_ok;

    Completion completion() const
    {
        Completion out;
        out.id = id;
        out.activity = activity;
        out.done_on = parse_date(done_on).value_or(Date{});
        out.due = parse_date(due).value_or(Date{});
        if (done_by_ind != soci::i_null)
            out.done_by = done_by;
        out.result = parse_enum<ActivityResult>(result).value_or(ActivityResult::ok);
        if (evidence_ind != soci::i_null)
            out.evidence = evidence;
        if (note_ind != soci::i_null)
            out.note = note;
        out.recorded_at = parse_timestamp(recorded_at).value_or(Timestamp{});
        out.recorded_by = recorded_by;
        return out;
    }
};

Result<std::vector<Completion>> select_completions(Tx& tx, const std::string& where, const std::vector<Value>& params)
{
    return guarded("read activity completions", [&]() -> Result<std::vector<Completion>> {
        std::vector<Completion> completions;
        CompletionRow row;
        Binder binder;
        soci::statement statement(tx.impl().sql);
        statement.alloc();
        statement.prepare("SELECT id, activity, done_on, due, done_by, result, evidence, note, recorded_at, "
                          "recorded_by FROM activity_completions " +
                          where, soci::details::st_one_time_query);
        statement.exchange(soci::into(row.id));
        statement.exchange(soci::into(row.activity));
        statement.exchange(soci::into(row.done_on));
        statement.exchange(soci::into(row.due));
        statement.exchange(soci::into(row.done_by, row.done_by_ind));
        statement.exchange(soci::into(row.result));
        statement.exchange(soci::into(row.evidence, row.evidence_ind));
        statement.exchange(soci::into(row.note, row.note_ind));
        statement.exchange(soci::into(row.recorded_at));
        statement.exchange(soci::into(row.recorded_by));
        for (const auto& param : params)
            binder.use(statement, param);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch())
            completions.push_back(row.completion());
        return completions;
    });
}

Value optional_text(const std::optional<std::string>& text) { return text ? Value{*text} : Value{}; }

} // namespace

Result<Id> insert_completion(Tx& tx, const Completion& completion)
{
    return guarded("record a completion", [&]() -> Result<Id> {
        long long id = 0;
        Binder binder;
        soci::statement statement(tx.impl().sql);
        statement.alloc();
        statement.prepare("INSERT INTO activity_completions (activity, done_on, due, done_by, result, evidence, note, "
                          "recorded_at, recorded_by) VALUES (:a, :d, :u, :b, :r, :e, :n, :ra, :rb) RETURNING id", soci::details::st_one_time_query);
        statement.exchange(soci::into(id));
        for (const auto& value :
             std::vector<Value>{completion.activity, format_date(completion.done_on), format_date(completion.due),
                                completion.done_by ? Value{*completion.done_by} : Value{},
                                std::string(to_string(completion.result)), optional_text(completion.evidence),
                                optional_text(completion.note), format_timestamp(completion.recorded_at),
                                completion.recorded_by})
            binder.use(statement, value);
        statement.define_and_bind();
        statement.execute(true);
        return Id{id};
    });
}

Result<std::vector<Completion>> completions_of(Tx& tx, Id activity)
{
    return select_completions(tx, "WHERE activity = :a ORDER BY done_on, id", {activity});
}

Result<std::vector<Completion>> completions_between(Tx& tx, Date from, Date to)
{
    return select_completions(tx, "WHERE done_on >= :f AND done_on < :t ORDER BY done_on, id",
                              {format_date(from), format_date(to)});
}

Result<std::vector<Completion>> completions_recorded_since(Tx& tx, Timestamp since)
{
    return select_completions(tx, "WHERE recorded_at > :s ORDER BY recorded_at, id", {format_timestamp(since)});
}

Result<std::vector<Completion>> findings_recorded_since(Tx& tx, Timestamp since, Timestamp until, int limit)
{
    return select_completions(tx,
        "WHERE recorded_at > :s AND recorded_at <= :u AND result <> 'ok' ORDER BY recorded_at, "
        "id LIMIT "
            + std::to_string(limit),
        {format_timestamp(since), format_timestamp(until)});
}

} // namespace c9
