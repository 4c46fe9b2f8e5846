#include "http/event_stream.h"

namespace c9::http {

namespace {

void append_field(std::string& out, std::string_view name, std::string_view value)
{
    out.append(name).append(": ");
    for (char c : value)
        if (c != '\r' && c != '\n')
            out += c;
    out += '\n';
}

} // namespace

std::string EventStream::format(std::string_view event, std::string_view data, std::string_view id)
{
    std::string out;
    out.reserve(data.size() + event.size() + id.size() + 32);
    if (!event.empty())
        append_field(out, "event", event);
    if (!id.empty())
        append_field(out, "id", id);
    // Each line of the data is a data field; the client joins them with line feeds. CR LF, CR and LF all end a line.
    size_t start = 0;
    while (true) {
        size_t end = data.find_first_of("\r\n", start);
        out.append("data: ").append(data.substr(start, end == std::string_view::npos ? end : end - start)).append("\n");
        if (end == std::string_view::npos)
            break;
        start = end + (data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n' ? 2 : 1);
    }
    out += '\n';
    return out;
}

bool EventStream::send(std::string_view event, std::string_view data, std::string_view id)
{
    return queue(format(event, data, id));
}

bool EventStream::send_raw(std::string text) { return queue(std::move(text)); }

bool EventStream::queue(std::string text)
{
    // The waker is called under the lock, so once set_waker(nullptr) returns no call of it is still on its way.
    std::lock_guard lock(m_mutex);
    if (m_closed)
        return false;
    bool open = m_pending.size() + text.size() <= m_pending_limit;
    if (open) {
        m_pending += text;
    } else {
        // The client does not keep up: end the stream; it reconnects and starts again from the current state.
        m_closed = true;
        m_pending.clear();
    }
    if (m_waker)
        m_waker();
    return open;
}

void EventStream::close()
{
    std::lock_guard lock(m_mutex);
    if (m_closed)
        return;
    m_closed = true;
    if (m_waker)
        m_waker();
}

bool EventStream::closed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

void EventStream::set_waker(std::function<void()> waker)
{
    std::lock_guard lock(m_mutex);
    m_waker = std::move(waker);
}

EventStream::Next EventStream::take(std::string& out)
{
    std::lock_guard lock(m_mutex);
    if (!m_pending.empty()) {
        out.swap(m_pending);
        m_pending.clear();
        return Next::text;
    }
    return m_closed ? Next::ended : Next::none;
}

} // namespace c9::http
