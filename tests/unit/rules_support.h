// Runs a register's derive() and validate() and reports which fields were refused.
#pragma once

#include "core/patch.h"
#include "core/rules.h"

#include <set>
#include <string>

namespace c9::test {

inline Rules rules_at(const char* now = "2026-06-15T10:00:00Z")
{
    Rules rules;
    rules.now = *parse_timestamp(now);
    return rules;
}

// The fields with a problem after derive + validate (empty: the row is valid).
template <class T>
std::set<std::string> refused_fields(T& row, const T* before = nullptr, const Rules& rules = rules_at())
{
    Problems problems;
    derive(row, before, rules);
    validate(row, before, rules, problems);
    std::set<std::string> fields;
    if (auto result = problems.result(); !result)
        for (const auto& error : result.error().fields())
            fields.insert(error.field);
    return fields;
}

inline std::set<std::string> none() { return {}; }
inline std::set<std::string> only(const char* field) { return {field}; }

} // namespace c9::test
