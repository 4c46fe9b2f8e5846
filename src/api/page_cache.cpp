#include "api/page_cache.h"

#include <fmt/format.h>

namespace c9 {

std::string PageCache::key_of(std::string_view target, Date date)
{
    return fmt::format("{} {}", date.time_since_epoch().count(), target);
}

void PageCache::advance(std::int64_t version)
{
    if (version <= m_version)
        return;
    m_version = version;
    m_index.clear();
    m_pages.clear();
    m_bytes = 0;
}

PageCache::Body PageCache::find(std::string_view target, Date date, std::int64_t version)
{
    auto key = key_of(target, date);
    std::lock_guard lock(m_mutex);
    advance(version);
    auto found = m_index.find(key);
    if (version != m_version || found == m_index.end()) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    m_pages.splice(m_pages.begin(), m_pages, found->second);
    return found->second->body;
}

void PageCache::put(std::string_view target, Date date, std::int64_t version, Body body)
{
    if (!body || body->size() > m_budget / 4)
        return;
    auto key = key_of(target, date);
    std::lock_guard lock(m_mutex);
    advance(version);
    if (version != m_version)
        return;
    if (auto found = m_index.find(key); found != m_index.end()) {
        m_bytes -= found->second->body->size();
        found->second->body = std::move(body);
        m_bytes += found->second->body->size();
        m_pages.splice(m_pages.begin(), m_pages, found->second);
    } else {
        m_bytes += body->size();
        m_pages.push_front(Page {std::move(key), std::move(body)});
        m_index.emplace(m_pages.front().key, m_pages.begin());
    }
    while (m_bytes > m_budget && !m_pages.empty()) {
        m_bytes -= m_pages.back().body->size();
        m_index.erase(m_pages.back().key);
        m_pages.pop_back();
    }
}

PageCache::Stats PageCache::stats() const
{
    std::lock_guard lock(m_mutex);
    return Stats {.hits = m_hits, .misses = m_misses, .pages = m_pages.size(), .bytes = m_bytes};
}

} // namespace c9
