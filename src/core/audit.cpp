#include "core/audit.h"

#include <sodium.h>

namespace c9 {

namespace {

void append_escaped(std::string& out, std::string_view field)
{
    for (char c : field) {
        if (c == '|' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '|';
}

} // namespace

std::string canonical_form(const AuditEntry& entry)
{
    std::string out;
    out.reserve(128 + entry.summary.size());
    append_escaped(out, std::to_string(entry.seq));
    append_escaped(out, format_timestamp(entry.at));
    append_escaped(out, entry.actor);
    append_escaped(out, entry.action);
    append_escaped(out, entry.entity);
    append_escaped(out, entry.entity_id ? std::to_string(*entry.entity_id) : std::string());
    append_escaped(out, entry.summary);
    out += entry.prev_hash;
    return out;
}

std::string compute_hash(const AuditEntry& entry) { return sha256_hex(canonical_form(entry)); }

std::string sha256_hex(std::string_view data)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(2 * sizeof digest, '0');
    for (size_t i = 0; i < sizeof digest; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    return out;
}

} // namespace c9
