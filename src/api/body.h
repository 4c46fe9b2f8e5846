// Reading the members of a JSON request body that is not a register row (a login, a measurement, a completion):
// each accessor checks the type, every problem is collected with its field name, and members the route does not
// take are reported rather than ignored.
#pragma once

#include "core/problems.h"
#include "export/json_rows.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace c9 {

class BodyReader {
public:
    enum class Need { optional, required };

    BodyReader(const Json& object, std::initializer_list<std::string_view> members);

    // Null reads as absent. A required member that is absent is a problem.
    std::optional<std::string> text(std::string_view name, Need need = Need::optional, size_t max_length = 100'000);
    std::optional<double> number(std::string_view name, Need need = Need::optional);
    std::optional<bool> flag(std::string_view name, Need need = Need::optional);
    // A person's id (number) or email (text), as text for the app layer to resolve.
    std::optional<std::string> person(std::string_view name, Need need = Need::optional);
    // A row's id (number) or reference (text: "AI-17"), as text for the app layer to resolve; `what` says what the
    // member must name when it is neither.
    std::optional<std::string> reference(std::string_view name, std::string_view what, Need need = Need::optional);

    Problems& problems() { return m_problems; }
    Result<void> result() const { return m_problems.result(); }

private:
    const Json* member(std::string_view name, Need need);

    const Json& m_object;
    Problems m_problems;
};

} // namespace c9
