// ISO/IEC 27001:2022 9.3.2: the inputs every management review must consider, and which agenda items cover them.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace c9 {

struct ReviewInput {
    std::string_view code;  // "a", "d1" ...
    std::string_view title; // short wording of the input
};

// a, b, c, d1-d4, e, f, g in the order of the clause.
std::span<const ReviewInput> review_inputs();
const ReviewInput* find_review_input(std::string_view code);

// Parses "a, d2 f" into known input codes; unknown codes are returned in `unknown`.
std::vector<std::string> parse_covers(std::string_view text, std::vector<std::string>* unknown = nullptr);

struct CoveredItem {
    std::string covers;    // the item's "covers" text
    std::string label;     // how to name the item in messages and minutes
    bool discussed = true; // notes were taken or an outcome recorded
};

// What counts as covering an input: an item planned for it (the agenda before the meeting), or an item discussed,
// with notes or an outcome (9.3.3: the results of the review are evidence; a heading alone is not).
enum class Coverage { planned, discussed };

// Input code -> labels of the items covering it (every input present, possibly with no items).
std::map<std::string, std::vector<std::string>> review_coverage(
    const std::vector<CoveredItem>& items, Coverage coverage = Coverage::planned);
std::vector<std::string> uncovered_inputs(const std::map<std::string, std::vector<std::string>>& coverage);

} // namespace c9
