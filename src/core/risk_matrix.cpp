#include "core/risk_matrix.h"

#include <array>

namespace c9 {

RiskBand RiskMatrix::band(int score) const
{
    // The 5x5 boundaries 4, 9 and 16 are 16%, 36% and 64% of the maximum score; the same fractions give sensible
    // bands on smaller matrices (3x3: 1 low, 2-3 medium, 4 high, 6-9 critical).
    double fraction = static_cast<double>(score) / max_score();
    if (fraction <= 0.16)
        return RiskBand::low;
    if (fraction <= 0.36)
        return RiskBand::medium;
    if (fraction <= 0.64)
        return RiskBand::high;
    return RiskBand::critical;
}

namespace {

std::string label(int size, int level, const std::array<const char*, 5>& five, const std::array<const char*, 4>& four,
                  const std::array<const char*, 3>& three)
{
    if (level < 1 || level > size)
        return "?";
    if (size == 5)
        return five[level - 1];
    if (size == 4)
        return four[level - 1];
    return three[level - 1];
}

} // namespace

std::string RiskMatrix::likelihood_label(int level) const
{
    return label(size, level, {"rare", "unlikely", "possible", "likely", "almost certain"},
                 {"unlikely", "possible", "likely", "almost certain"}, {"unlikely", "possible", "likely"});
}

std::string RiskMatrix::impact_label(int level) const
{
    return label(size, level, {"negligible", "minor", "moderate", "major", "severe"},
                 {"minor", "moderate", "major", "severe"}, {"minor", "moderate", "severe"});
}

bool valid_matrix_size(int size) { return size >= 3 && size <= 5; }

} // namespace c9
