#include "core/review_inputs.h"

#include <array>
#include <cctype>

namespace c9 {

namespace {

// The wording is a short restatement of 9.3.2 (with Amd 1:2024 for climate change), not the standard's text.
constexpr std::array<ReviewInput, 10> inputs{{
    {"a", "Status of actions from previous management reviews"},
    {"b", "Changes in external and internal issues relevant to the ISMS, including climate change"},
    {"c", "Changes in needs and expectations of interested parties"},
    {"d1", "Nonconformities and corrective actions"},
    {"d2", "Monitoring and measurement results"},
    {"d3", "Audit results"},
    {"d4", "Fulfilment of information security objectives"},
    {"e", "Feedback from interested parties"},
    {"f", "Results of risk assessment and status of the risk treatment plan"},
    {"g", "Opportunities for continual improvement"},
}};

} // namespace

std::span<const ReviewInput> review_inputs() { return inputs; }

const ReviewInput* find_review_input(std::string_view code)
{
    for (const auto& input : inputs)
        if (input.code == code)
            return &input;
    return nullptr;
}

std::vector<std::string> parse_covers(std::string_view text, std::vector<std::string>* unknown)
{
    std::vector<std::string> codes;
    std::string token;
    auto flush = [&] {
        if (token.empty())
            return;
        if (find_review_input(token)) {
            bool seen = false;
            for (const auto& code : codes)
                seen = seen || code == token;
            if (!seen)
                codes.push_back(token);
        } else if (unknown) {
            unknown->push_back(token);
        }
        token.clear();
    };
    // Not split_list(): a semicolon is no separator here, so "d1;d2" is one unknown code.
    for (char c : text) {
        if (c == ',' || std::isspace(static_cast<unsigned char>(c)))
            flush();
        else
            token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    flush();
    return codes;
}

std::map<std::string, std::vector<std::string>> review_coverage(const std::vector<CoveredItem>& items, Coverage by)
{
    std::map<std::string, std::vector<std::string>> coverage;
    for (const auto& input : inputs)
        coverage[std::string(input.code)];
    for (const auto& item : items)
        for (const auto& code : parse_covers(item.covers))
            if (by == Coverage::planned || item.discussed)
            coverage[code].push_back(item.label);
    return coverage;
}

std::vector<std::string> uncovered_inputs(const std::map<std::string, std::vector<std::string>>& coverage)
{
    std::vector<std::string> uncovered;
    for (const auto& input : inputs) {
        auto found = coverage.find(std::string(input.code));
        if (found == coverage.end() || found->second.empty())
            uncovered.emplace_back(input.code);
    }
    return uncovered;
}

} // namespace c9
