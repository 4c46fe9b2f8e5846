#include "http/connection_registry.h"

#include "http/session.h"

namespace c9::http {

void ConnectionRegistry::add(Session* session)
{
    std::lock_guard lock(m_mutex);
    m_sessions.insert(session);
}

void ConnectionRegistry::remove(Session* session)
{
    bool empty;
    {
        std::lock_guard lock(m_mutex);
        m_sessions.erase(session);
        empty = m_sessions.empty();
    }
    if (empty && m_on_empty)
        m_on_empty();
}

size_t ConnectionRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

std::vector<std::shared_ptr<Session>> ConnectionRegistry::snapshot() const
{
    std::vector<std::shared_ptr<Session>> sessions;
    std::lock_guard lock(m_mutex);
    sessions.reserve(m_sessions.size());
    for (Session* session : m_sessions) {
        // The lock keeps a session whose destructor waits in remove() from being freed under us, and lock() on
        // its weak pointer fails because its count already reached zero.
        if (auto alive = session->weak_from_this().lock())
            sessions.push_back(std::move(alive));
    }
    return sessions;
}

} // namespace c9::http
