// Passwords with argon2id (libsodium crypto_pwhash_str), and the random tokens of sessions and the API.
#include "app/accounts.h"

#include <fmt/format.h>
#include <semaphore>
#include <sodium.h>
#include <stdexcept>

namespace c9 {

namespace {

// OWASP's recommendation for argon2id (m = 19 MiB, t = 2, p = 1): about 30-60 ms on a server core, and with at
// most two hashes at once a login storm costs 38 MiB, not one hash per worker.
constexpr unsigned long long ops_limit = 2;
constexpr size_t mem_limit = 19 * 1024 * 1024;
constexpr std::ptrdiff_t concurrent_hashes = 2;

std::counting_semaphore<concurrent_hashes>& hashing_slots()
{
    static std::counting_semaphore<concurrent_hashes> slots(concurrent_hashes);
    return slots;
}

class HashingSlot {
public:
    HashingSlot() { hashing_slots().acquire(); }
    ~HashingSlot() { hashing_slots().release(); }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;
};

void ensure_sodium()
{
    // sodium_init is thread-safe and returns 1 when already initialised; -1 means no usable random source, which
    // no session or token can be made without.
    static const int initialised = sodium_init();
    if (initialised < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

size_t utf8_length(std::string_view text)
{
    size_t characters = 0;
    for (unsigned char byte : text)
        characters += (byte & 0xC0) != 0x80 ? 1 : 0;
    return characters;
}

} // namespace

Result<void> check_password_rules(std::string_view password)
{
    if (utf8_length(password) < min_password_length)
        return Error::invalid("password", fmt::format("must have at least {} characters", min_password_length));
    if (password.size() > max_password_bytes)
        return Error::invalid("password", fmt::format("must have at most {} bytes", max_password_bytes));
    return {};
}

Result<std::string> hash_password(std::string_view password)
{
    ensure_sodium();
    char hash[crypto_pwhash_STRBYTES];
    HashingSlot slot;
    if (crypto_pwhash_str(hash, password.data(), password.size(), ops_limit, mem_limit) != 0)
        return Error(ErrorCode::unavailable, "not enough memory to hash the password; try again");
    return std::string(hash);
}

bool verify_password(const std::string& hash, std::string_view password)
{
    ensure_sodium();
    HashingSlot slot;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_password_dummy(std::string_view password)
{
    static const std::string dummy = [] {
        auto hash = hash_password(random_token());
        return hash ? *hash : std::string();
    }();
    if (!dummy.empty())
        (void)verify_password(dummy, password);
}

std::string random_token(size_t bytes)
{
    ensure_sodium();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string encoded(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
        sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    encoded.resize(std::char_traits<char>::length(encoded.c_str()));
    sodium_memzero(raw.data(), raw.size());
    return encoded;
}

} // namespace c9
