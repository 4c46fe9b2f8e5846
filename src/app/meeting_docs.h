// Agenda and minutes documents assembled from a meeting's record, and the approval that seals the minutes.
#pragma once

#include "app/caller.h"
#include "app/meetings.h"
#include "core/minutes.h"
#include "store/store.h"

#include <functional>

namespace c9 {

Result<AgendaDoc> agenda_doc(Tx& tx, const MeetingRecord& record, const Caller& caller);
Result<MinutesDoc> minutes_doc(Tx& tx, const MeetingRecord& record, const Caller& caller);

// The formats the minutes are sealed in. The app layer does not render; the caller (CLI, API) passes the
// renderers of export/, so the layers keep pointing one way.
struct MinutesRenderers {
    std::function<std::string(const MinutesDoc&)> markdown_body; // what the SHA-256 covers
    std::function<std::string(const MinutesDoc&)> markdown;      // body and approval section
    std::function<std::string(const MinutesDoc&)> html;
    std::function<std::string(const MinutesDoc&)> json;
};

struct SealedMinutes;

// Approves the minutes of a held meeting: renders them, records the SHA-256 of the Markdown body and the audit
// trail head, stores the rendered documents, and seals the meeting (ISO/IEC 27001:2022 7.5.2 c, 7.5.3).
Result<Meeting> approve_meeting(Tx& tx, Id meeting, std::optional<Id> approver, const Caller& caller,
                                const MinutesRenderers& renderers);

// The minutes as approved, exactly as sealed; empty for a meeting that is not approved.
Result<std::optional<SealedMinutes>> approved_minutes(Tx& tx, Id meeting);

struct SealCheck {
    bool intact = false;
    std::string recorded;
    std::string computed;
};
// Recomputes the hash of the stored minutes body and compares it with the one recorded at approval.
Result<SealCheck> verify_minutes(Tx& tx, Id meeting);

} // namespace c9
