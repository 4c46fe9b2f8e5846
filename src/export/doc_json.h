// Agendas and minutes as JSON for the REST API and `--json`: the same content as the Markdown, as data.
#pragma once

#include "core/minutes.h"
#include "export/json_rows.h"

namespace c9 {

// {"meeting": {...}, "attendees": [...], "sections": [{"key", "title", "items": [...]}], "total_minutes",
// "duration_minutes", "over_time", "coverage": [...] (management reviews only, else empty), "kpis": [...]}.
// Sections without items are left out. Instants are ISO 8601 UTC, dates YYYY-MM-DD, absent values null.
Json agenda_json(const AgendaDoc& doc);

// agenda_json, plus the actual start and end in "meeting", and "quorum", "present", "quorum_reached", "decisions",
// "actions", "lessons", "uncovered_reason" and "approval" (an object, or null while the minutes are a draft).
Json minutes_json(const MinutesDoc& doc);

} // namespace c9
