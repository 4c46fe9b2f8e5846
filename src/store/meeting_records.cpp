#include "store/meeting_records.h"

#include "store/tx_impl.h"

#include <fmt/format.h>

namespace c9 {

Result<void> add_series_member(Tx& tx, const SeriesMember& member)
{
    return guarded("add a series member", [&]() -> Result<void> {
        auto& db = tx.impl();
        std::string role(to_string(member.role));
        if (execute(db, "UPDATE series_members SET role = :r WHERE series = :s AND person = :p",
                {role, member.series, member.person})
            == 0)
            execute(db, "INSERT INTO series_members (series, person, role) VALUES (:s, :p, :r)",
                {member.series, member.person, role});
        return {};
    });
}

Result<std::vector<SeriesMember>> series_members(Tx& tx, Id series)
{
    return guarded("read series members", [&]() -> Result<std::vector<SeriesMember>> {
        std::vector<SeriesMember> members;
        Query query(tx.impl(), "SELECT person, role FROM series_members WHERE series = :s ORDER BY person",
            {Storage::integer, Storage::text}, {series});
        query.each([&](const Query& row) {
            members.push_back({series, row.column(0).integer,
                parse_enum<AttendeeRole>(row.column(1).text).value_or(AttendeeRole::member)});
        });
        return members;
    });
}

Result<bool> remove_series_member(Tx& tx, Id series, Id person)
{
    return guarded("remove a series member", [&]() -> Result<bool> {
        return execute(tx.impl(), "DELETE FROM series_members WHERE series = :s AND person = :p", {series, person})
            > 0;
    });
}

Result<void> set_attendance(Tx& tx, const Attendance& attendance)
{
    return guarded("record attendance", [&]() -> Result<void> {
        auto& db = tx.impl();
        std::string role(to_string(attendance.role));
        std::string presence(to_string(attendance.presence));
        if (execute(db, "UPDATE attendance SET role = :r, presence = :p WHERE meeting = :m AND person = :w",
                {role, presence, attendance.meeting, attendance.person})
            == 0)
            execute(db, "INSERT INTO attendance (meeting, person, role, presence) VALUES (:m, :w, :r, :p)",
                {attendance.meeting, attendance.person, role, presence});
        return {};
    });
}

namespace {

Result<std::vector<Attendance>> select_attendance(Tx& tx, const std::string& where, const std::vector<Value>& params)
{
    return guarded("read attendance", [&]() -> Result<std::vector<Attendance>> {
        std::vector<Attendance> rows;
        Query query(tx.impl(), "SELECT meeting, person, role, presence FROM attendance " + where,
            {Storage::integer, Storage::integer, Storage::text, Storage::text}, params);
        query.each([&](const Query& row) {
            rows.push_back({row.column(0).integer, row.column(1).integer,
                parse_enum<AttendeeRole>(row.column(2).text).value_or(AttendeeRole::member),
                parse_enum<Presence>(row.column(3).text).value_or(Presence::invited)});
        });
        return rows;
    });
}

} // namespace

Result<std::vector<Attendance>> attendance_of(Tx& tx, Id meeting)
{
    return select_attendance(tx, "WHERE meeting = :m ORDER BY person", {meeting});
}

Result<std::vector<Attendance>> attendance_of_meetings(Tx& tx, const std::vector<Id>& meetings)
{
    if (meetings.empty())
        return std::vector<Attendance> {};
    std::string list;
    std::vector<Value> params;
    for (auto id : meetings) {
        list += fmt::format("{}:m{}", list.empty() ? "" : ", ", params.size());
        params.push_back(id);
    }
    return select_attendance(tx, "WHERE meeting IN (" + list + ") ORDER BY meeting, person", params);
}

Result<void> insert_minutes(Tx& tx, const SealedMinutes& minutes)
{
    return guarded("seal the minutes", [&]() -> Result<void> {
        execute(tx.impl(),
            "INSERT INTO minutes (meeting, body, markdown, html, json, sha256, approved_at, approved_by) "
            "VALUES (:m, :body, :md, :html, :j, :h, :a, :b)",
            {minutes.meeting, minutes.body, minutes.markdown, minutes.html, minutes.json, minutes.sha256,
                format_timestamp(minutes.approved_at), minutes.approved_by});
        return {};
    });
}

Result<std::optional<SealedMinutes>> sealed_minutes(Tx& tx, Id meeting)
{
    return guarded("read sealed minutes", [&]() -> Result<std::optional<SealedMinutes>> {
        SealedMinutes minutes;
        std::string approved_at;
        tx.impl().sql << "SELECT body, markdown, html, json, sha256, approved_at, approved_by FROM minutes "
                         "WHERE meeting = :m",
            soci::into(minutes.body), soci::into(minutes.markdown), soci::into(minutes.html), soci::into(minutes.json),
            soci::into(minutes.sha256), soci::into(approved_at), soci::into(minutes.approved_by), soci::use(meeting);
        if (!tx.impl().sql.got_data())
            return std::optional<SealedMinutes> {};
        minutes.meeting = meeting;
        minutes.approved_at = parse_timestamp(approved_at).value_or(Timestamp {});
        return std::optional<SealedMinutes> {std::move(minutes)};
    });
}

Result<std::vector<FieldChange>> field_changes_since(
    Tx& tx, std::string_view entity, std::string_view field, Timestamp since, Timestamp until)
{
    return guarded("read changes", [&]() -> Result<std::vector<FieldChange>> {
        std::vector<FieldChange> changes;
        Query query(tx.impl(),
            "SELECT entity_id, at, old_value, new_value FROM history "
            "WHERE entity = :e AND field = :f AND at > :s AND at <= :u ORDER BY at, id",
            {Storage::integer, Storage::text, Storage::text, Storage::text},
            {std::string(entity), std::string(field), format_timestamp(since), format_timestamp(until)});
        query.each([&](const Query& row) {
            FieldChange change;
            change.entity_id = row.column(0).integer;
            change.field = std::string(field);
            change.at = parse_timestamp(row.column(1).text).value_or(Timestamp {});
            change.old_value = row.column(2).indicator == soci::i_null ? "" : row.column(2).text;
            change.new_value = row.column(3).indicator == soci::i_null ? "" : row.column(3).text;
            changes.push_back(std::move(change));
        });
        return changes;
    });
}

} // namespace c9
