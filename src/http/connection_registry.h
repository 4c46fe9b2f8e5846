// The open connections, so the accept loop can enforce max_connections and stop() can reach each one.
// Connections register themselves for their whole lifetime; the set is shared by all IO threads, hence the mutex.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace c9::http {

class Connection;

class ConnectionRegistry {
public:
    void add(Connection* connection);
    // Calls the on_empty callback when the last connection leaves.
    void remove(Connection* connection);
    size_t size() const;

    // The connections still alive. One whose destructor is already running is left out: it is closing anyway.
    std::vector<std::shared_ptr<Connection>> snapshot() const;

    // Set once before the server runs; called on the thread of the connection that left last.
    void set_on_empty(std::function<void()> on_empty) { m_on_empty = std::move(on_empty); }

private:
    mutable std::mutex m_mutex;
    std::unordered_set<Connection*> m_connections;
    std::function<void()> m_on_empty;
};

} // namespace c9::http
