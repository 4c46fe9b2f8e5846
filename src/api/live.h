// Live meetings (issue: the whole room follows the meeting). GET /api/v1/meetings/{id}/live answers with a stream
// of server-sent events: a "meeting" event holding the whole live state (the meeting and its current item, the
// agenda with every item's notes and version, the minutes as they stand) first, and again after every change.
//
// One thread renders the state of each watched meeting once for all its viewers. It is woken when a write through
// this server's API succeeds, so a change reaches every view at once; and once a second it reads the data version
// (store/audit_log.h), so a change made elsewhere (the CLI, another server on the same PostgreSQL) is seen too.
// A state is sent only when it differs from the last one sent.
#pragma once

#include "core/meeting.h"
#include "core/minutes.h"
#include "core/value.h"
#include "export/json_rows.h"
#include "http/event_stream.h"
#include "store/store.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace c9 {

class LiveMeetings {
public:
    explicit LiveMeetings(Store& store, std::chrono::milliseconds check_interval = std::chrono::seconds(1));
    ~LiveMeetings(); // ends every stream
    LiveMeetings(const LiveMeetings&) = delete;
    LiveMeetings& operator=(const LiveMeetings&) = delete;

    // A stream of the meeting's live state; its first event is the state now. The caller checked that the meeting
    // exists and may be read.
    std::shared_ptr<http::EventStream> watch(Id meeting);
    // Something was written: look at the watched meetings now.
    void changed();
    // Meetings with at least one open stream.
    size_t watched() const;

private:
    struct Viewers {
        std::vector<std::shared_ptr<http::EventStream>> streams;
        std::vector<std::shared_ptr<http::EventStream>> joining; // get the state even when it did not change
        std::string last; // the state last sent
        std::uint64_t sent = 0;
    };

    void run();
    void refresh(bool data_changed);

    Store& m_store;
    std::chrono::milliseconds m_check_interval;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_dirty = false;
    bool m_stopping = false;
    std::map<Id, Viewers> m_meetings;
    std::int64_t m_data_version = -1;
    std::thread m_thread; // last: started once everything above exists
};

// The agenda document with each item's stored version and position added (what PATCH and the notes route take in
// If-Match), as GET .../agenda and the live state show it.
Json agenda_with_versions(const AgendaDoc& doc, const std::vector<AgendaItem>& items);

} // namespace c9
