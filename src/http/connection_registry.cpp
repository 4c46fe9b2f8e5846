#include "http/connection_registry.h"

#include "http/connection.h"

namespace c9::http {

void ConnectionRegistry::add(Connection* connection)
{
    std::lock_guard lock(m_mutex);
    m_connections.insert(connection);
}

void ConnectionRegistry::remove(Connection* connection)
{
    bool empty;
    {
        std::lock_guard lock(m_mutex);
        m_connections.erase(connection);
        empty = m_connections.empty();
    }
    if (empty && m_on_empty)
        m_on_empty();
}

size_t ConnectionRegistry::size() const
{
    std::lock_guard lock(m_mutex);
    return m_connections.size();
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::snapshot() const
{
    std::vector<std::shared_ptr<Connection>> connections;
    std::lock_guard lock(m_mutex);
    connections.reserve(m_connections.size());
    for (Connection* connection : m_connections) {
        // The lock keeps a connection whose destructor waits in remove() from being freed under us, and lock() on
        // its weak pointer fails because its count already reached zero.
        if (auto alive = connection->weak_from_this().lock())
            connections.push_back(std::move(alive));
    }
    return connections;
}

} // namespace c9::http
