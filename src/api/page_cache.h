// Rendered list pages, kept while the data they show is unchanged. A register's list (GET /api/v1/risks?...)
// depends only on the request target, the date (the overdue filter) and the data; not on who asks, since every
// role reads every register. The data's version is the audit head's sequence number (store/audit_log.h
// data_version), which every committed change advances in its own transaction. So a handler reads the version
// first, in the transaction it would list in, and serves the cached page when the version still matches; the
// database still authenticates the caller and answers for the version, so writes by other processes (the CLI,
// other instances on PostgreSQL) are seen at once.
//
// Memory is bounded by a byte budget (`serve --list-cache`); the least recently used pages go first. A new version
// drops every page.
#pragma once

#include "core/time.h"

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace c9 {

class PageCache {
public:
    using Body = std::shared_ptr<const std::string>;

    explicit PageCache(size_t byte_budget) : m_budget(byte_budget) { }

    // False with a budget of 0 (`serve --list-cache 0`): nothing is kept, so no version need be read.
    bool enabled() const { return m_budget > 0; }
    // The page for this target and date rendered at exactly this data version, if it is kept.
    Body find(std::string_view target, Date date, std::int64_t version);
    // Keeps a page rendered from data at `version`; a page larger than a quarter of the budget is not kept, and
    // neither is one of a version older than the newest seen (a transaction that started before a commit).
    void put(std::string_view target, Date date, std::int64_t version, Body body);

    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        size_t pages = 0;
        size_t bytes = 0;
    };
    Stats stats() const;

private:
    struct Page {
        std::string key;
        Body body;
    };
    static std::string key_of(std::string_view target, Date date);
    // With m_mutex held: forgets every page when the data moved on.
    void advance(std::int64_t version);

    size_t m_budget;
    mutable std::mutex m_mutex;
    std::int64_t m_version = -1;
    std::list<Page> m_pages; // most recently used first
    std::unordered_map<std::string_view, std::list<Page>::iterator> m_index; // keys view into m_pages
    size_t m_bytes = 0;
    std::uint64_t m_hits = 0;
    std::uint64_t m_misses = 0;
};

} // namespace c9
