#include "app/registers.h"

namespace c9 {

std::string change_summary(const std::vector<std::pair<std::string_view, std::pair<Value, Value>>>& changes)
{
    std::string out;
    for (const auto& [field, values] : changes) {
        if (!out.empty())
            out += "; ";
        auto before = to_text(values.first);
        auto after = to_text(values.second);
        if (before.size() > 40 || after.size() > 40 || before.find('\n') != std::string::npos ||
            after.find('\n') != std::string::npos)
            out += fmt::format("{} changed", field);
        else
            out += fmt::format("{} {} -> {}", field, before.empty() ? "(none)" : before,
                               after.empty() ? "(none)" : after);
    }
    return out;
}

} // namespace c9
