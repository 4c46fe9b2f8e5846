// The open connections, so the accept loop can enforce max_connections and stop() can reach each one.
// Sessions register themselves for their whole lifetime; the set is shared by all IO threads, hence the mutex.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace c9::http {

class Session;

class ConnectionRegistry {
public:
    void add(Session* session);
    // Calls the on_empty callback when the last session leaves.
    void remove(Session* session);
    size_t size() const;

    // The sessions still alive. One whose destructor is already running is left out: it is closing anyway.
    std::vector<std::shared_ptr<Session>> snapshot() const;

    // Set once before the server runs; called on the thread of the session that left last.
    void set_on_empty(std::function<void()> on_empty) { m_on_empty = std::move(on_empty); }

private:
    mutable std::mutex m_mutex;
    std::unordered_set<Session*> m_sessions;
    std::function<void()> m_on_empty;
};

} // namespace c9::http
