// Collects every broken rule of one row, so a person fixing a form sees all of them at once.
#pragma once

#include "core/result.h"

#include <string>
#include <vector>

namespace c9 {

class Problems {
public:
    void add(std::string field, std::string message) { m_errors.push_back({std::move(field), std::move(message)}); }
    bool empty() const { return m_errors.empty(); }
    bool has(std::string_view field) const
    {
        for (const auto& error : m_errors)
            if (error.field == field)
                return true;
        return false;
    }
    Result<void> result() const
    {
        if (m_errors.empty())
            return {};
        return Error::invalid(m_errors);
    }

private:
    std::vector<FieldError> m_errors;
};

} // namespace c9
