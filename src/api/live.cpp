#include "api/live.h"

#include "app/meeting_cycle.h"
#include "export/doc_json.h"

#include <spdlog/spdlog.h>

namespace c9 {

namespace {

// EventSource waits this long before reconnecting after the stream ends (a server restart, the stream's lifetime).
constexpr std::string_view retry_field = "retry: 2000\n\n";

Result<std::string> render_state(Store& store, Id meeting)
{
    Caller system {
        "system (live meeting view)", std::nullopt, current_time(), Standing::local, std::nullopt, std::nullopt};
    auto live = C9_TRY(live_meeting(store, meeting, system));
    Json state {
        {"meeting",
            {{"id", live.meeting.id}, {"ref", display_id("MTG", live.meeting.id)}, {"title", live.meeting.title},
                {"state", to_string(live.meeting.state)}, {"version", live.meeting.version},
                {"current_item", live.meeting.current_item ? Json(*live.meeting.current_item) : nullptr}}},
        {"agenda", agenda_with_versions(live.agenda, live.items)},
        {"minutes", minutes_json(live.minutes)},
    };
    return state.dump();
}

} // namespace

LiveMeetings::LiveMeetings(Store& store, std::chrono::milliseconds check_interval)
    : m_store(store), m_check_interval(check_interval), m_thread([this] { run(); })
{
}

LiveMeetings::~LiveMeetings()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    for (auto& [meeting, viewers] : m_meetings) {
        for (auto& stream : viewers.streams)
            stream->close();
        for (auto& stream : viewers.joining)
            stream->close();
    }
}

std::shared_ptr<http::EventStream> LiveMeetings::watch(Id meeting)
{
    auto stream = std::make_shared<http::EventStream>();
    stream->send_raw(std::string(retry_field));
    {
        std::lock_guard lock(m_mutex);
        m_meetings[meeting].joining.push_back(stream);
        m_dirty = true;
    }
    m_wake.notify_all();
    return stream;
}

void LiveMeetings::changed()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_meetings.empty())
            return;
        m_dirty = true;
    }
    m_wake.notify_all();
}

size_t LiveMeetings::watched() const
{
    std::lock_guard lock(m_mutex);
    return m_meetings.size();
}

void LiveMeetings::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, m_check_interval, [this] { return m_dirty || m_stopping; });
        if (m_stopping)
            break;
        bool dirty = std::exchange(m_dirty, false);
        if (m_meetings.empty())
            continue;
        lock.unlock();
        refresh(dirty);
        lock.lock();
    }
}

void LiveMeetings::refresh(bool written)
{
    // Without a write through this server, only a changed data version (a write elsewhere) is worth rendering for.
    bool changed = written;
    auto version = stored_data_version(m_store);
    if (version) {
        std::lock_guard lock(m_mutex);
        changed = changed || *version != m_data_version;
        m_data_version = *version;
    }
    std::vector<Id> meetings;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_meetings.begin(); it != m_meetings.end();) {
            std::erase_if(it->second.streams, [](const auto& stream) { return stream->closed(); });
            if (it->second.streams.empty() && it->second.joining.empty()) {
                it = m_meetings.erase(it);
                continue;
            }
            if (changed || !it->second.joining.empty())
                meetings.push_back(it->first);
            ++it;
        }
    }
    for (Id meeting : meetings) {
        // Rendered outside the lock: watch() and changed() never wait for the database.
        auto state = render_state(m_store, meeting);
        if (!state) {
            spdlog::warn("live: cannot render MTG-{}: {}", meeting, state.error().message());
            if (state.error().code() == ErrorCode::not_found) {
                std::lock_guard lock(m_mutex);
                auto& viewers = m_meetings[meeting];
                for (auto& stream : viewers.streams)
                    stream->close();
                for (auto& stream : viewers.joining)
                    stream->close();
                m_meetings.erase(meeting);
            }
            continue;
        }
        std::lock_guard lock(m_mutex);
        auto found = m_meetings.find(meeting);
        if (found == m_meetings.end())
            continue;
        auto& viewers = found->second;
        bool news = *state != viewers.last;
        if (news) {
            viewers.last = std::move(*state);
            ++viewers.sent;
        }
        auto id = std::to_string(viewers.sent);
        auto frame = http::EventStream::format("meeting", viewers.last, id);
        if (news)
            for (auto& stream : viewers.streams)
                stream->send_raw(frame);
        for (auto& stream : viewers.joining) {
            if (stream->send_raw(frame))
                viewers.streams.push_back(std::move(stream));
        }
        viewers.joining.clear();
    }
}

} // namespace c9
