// The parts of a meeting's record that are not register rows: series members, attendance, sealed minutes.
#pragma once

#include "core/meeting.h"
#include "store/store.h"

namespace c9 {

Result<void> add_series_member(Tx& tx, const SeriesMember& member);
Result<std::vector<SeriesMember>> series_members(Tx& tx, Id series);
// Whether the person was a standing member of the series (and is no longer).
Result<bool> remove_series_member(Tx& tx, Id series, Id person);

// Inserts or replaces the attendance of one person at one meeting.
Result<void> set_attendance(Tx& tx, const Attendance& attendance);
Result<std::vector<Attendance>> attendance_of(Tx& tx, Id meeting);
// Attendance of every meeting in the list (KPI meeting attendance).
Result<std::vector<Attendance>> attendance_of_meetings(Tx& tx, const std::vector<Id>& meetings);

struct SealedMinutes {
    Id meeting = 0;
    std::string body;     // the Markdown the hash covers
    std::string markdown; // body and approval section
    std::string html;
    std::string json;
    std::string sha256;
    Timestamp approved_at{};
    std::string approved_by;
};

Result<void> insert_minutes(Tx& tx, const SealedMinutes& minutes);
Result<std::optional<SealedMinutes>> sealed_minutes(Tx& tx, Id meeting);

struct FieldChange {
    Id entity_id = 0;
    std::string field;
    std::string old_value;
    std::string new_value;
    Timestamp at{};
};

// History rows of an entity for one field, recorded after `since` and up to `until`, oldest first.
Result<std::vector<FieldChange>> field_changes_since(
    Tx& tx, std::string_view entity, std::string_view field, Timestamp since, Timestamp until);

} // namespace c9
