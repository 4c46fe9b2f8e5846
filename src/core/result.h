// Expected failures as values. A function that can fail in a way the caller must handle returns Result<T>;
// the caller propagates with C9_TRY. Exceptions are reserved for what must never happen.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace c9 {

enum class ErrorCode {
    invalid,      // the input breaks a rule; FieldError entries say which field
    not_found,    // the row or resource does not exist
    conflict,     // duplicate key, or a state that forbids the change
    stale,        // the row changed since the version the caller read (optimistic concurrency)
    locked,       // the row is sealed (approved minutes) and never changes again
    unauthorized, // no valid credentials
    forbidden,    // valid credentials, not allowed
    unavailable,  // the database or another dependency could not be reached
    internal,     // a bug or an unexpected engine failure
};

std::string_view to_string(ErrorCode code);

struct FieldError {
    std::string field;
    std::string message;
};

class Error {
public:
    Error(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    static Error invalid(std::string field, std::string message)
    {
        Error error(ErrorCode::invalid, field + ": " + message);
        error.m_fields.push_back({std::move(field), std::move(message)});
        return error;
    }
    static Error invalid(std::vector<FieldError> fields);
    static Error not_found(std::string message) { return {ErrorCode::not_found, std::move(message)}; }
    static Error conflict(std::string message) { return {ErrorCode::conflict, std::move(message)}; }
    static Error stale(std::string message) { return {ErrorCode::stale, std::move(message)}; }
    static Error locked(std::string message) { return {ErrorCode::locked, std::move(message)}; }
    static Error internal(std::string message) { return {ErrorCode::internal, std::move(message)}; }

    ErrorCode code() const { return m_code; }
    const std::string& message() const { return m_message; }
    const std::vector<FieldError>& fields() const { return m_fields; }

private:
    ErrorCode m_code;
    std::string m_message;
    std::vector<FieldError> m_fields;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_storage(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_storage(std::in_place_index<1>, std::move(error)) {}

    bool has_value() const { return m_storage.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() &
    {
        assert(has_value());
        return std::get<0>(m_storage);
    }
    const T& value() const&
    {
        assert(has_value());
        return std::get<0>(m_storage);
    }
    T&& value() &&
    {
        assert(has_value());
        return std::get<0>(std::move(m_storage));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }

    const Error& error() const&
    {
        assert(!has_value());
        return std::get<1>(m_storage);
    }
    Error&& error() &&
    {
        assert(!has_value());
        return std::get<1>(std::move(m_storage));
    }

private:
    std::variant<T, Error> m_storage;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool has_value() const { return !m_failed; }
    explicit operator bool() const { return has_value(); }
    void value() const { assert(has_value()); }
    const Error& error() const&
    {
        assert(m_failed);
        return m_error;
    }
    Error&& error() &&
    {
        assert(m_failed);
        return std::move(m_error);
    }

private:
    Error m_error{ErrorCode::internal, {}};
    bool m_failed = false;
};

} // namespace c9

// Propagate a failure to the caller, or yield the value (GCC/Clang statement expression, as in Ladybird's TRY).
// Each use gets its own variable name so that nested uses do not shadow each other.
#define C9_CONCAT_INNER(a, b) a##b
#define C9_CONCAT(a, b) C9_CONCAT_INNER(a, b)
#define C9_TRY(expression) C9_TRY_NAMED(expression, C9_CONCAT(c9_try_result_, __COUNTER__))
#define C9_TRY_NAMED(expression, name)                                                                                 \
    ({                                                                                                                 \
        auto&& name = (expression);                                                                                    \
        if (!name.has_value())                                                                                         \
            return std::move(name).error();                                                                            \
        std::move(name).value();                                                                                       \
    })
