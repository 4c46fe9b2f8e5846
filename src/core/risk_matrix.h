// Risk scoring on a likelihood x impact matrix (ISO/IEC 27001:2022 6.1.2: risk criteria, including acceptance
// criteria, that give consistent, valid and comparable results). The organisation picks 3x3, 4x4 or 5x5 and an
// appetite: a score above the appetite needs treatment or a documented acceptance by the risk owner.
#pragma once

#include "core/enum_names.h"

#include <string>

namespace c9 {

enum class RiskBand { low, medium, high, critical };
C9_ENUM_NAMES(RiskBand, "low", "medium", "high", "critical");

struct RiskMatrix {
    int size = 5;
    int appetite = 9; // scores 1-9 of 25 are within appetite by default (reference: accept with sign-off up to 9)

    int max_score() const { return size * size; }
    bool contains(int level) const { return level >= 1 && level <= size; }
    static int score(int likelihood, int impact) { return likelihood * impact; }
    bool above_appetite(int score) const { return score > appetite; }

    // Bands scale with the matrix: on 5x5 they are 1-4 low, 5-9 medium, 10-16 high, 20-25 critical.
    RiskBand band(int score) const;

    // Plain words for a level, used in help and messages: 1 = "rare" ... 5 = "almost certain" on 5x5.
    std::string likelihood_label(int level) const;
    std::string impact_label(int level) const;
};

bool valid_matrix_size(int size);

} // namespace c9
