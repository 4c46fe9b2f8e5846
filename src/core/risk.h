// Information security risks (ISO/IEC 27001:2022 6.1.2 assessment, 6.1.3 treatment, 8.2 and 8.3): a scenario with
// an owner, an inherent score on the organisation's matrix, a treatment, and the residual score once the linked
// controls work. The score history shows whether mitigation is effective.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class Treatment { mitigate, accept, avoid, transfer };
C9_ENUM_NAMES(Treatment, "mitigate", "accept", "avoid", "transfer");

// How far the chosen treatment has come. The residual levels are the plan until it is done; only then do they give
// the risk its current score.
enum class TreatmentStatus { planned, in_progress, done };
C9_ENUM_NAMES(TreatmentStatus, "planned", "in_progress", "done");

enum class RiskStatus { open, closed };
C9_ENUM_NAMES(RiskStatus, "open", "closed");

struct Risk : Row {
    std::string title;
    std::optional<std::string> description;
    std::optional<Id> asset;
    std::optional<std::string> threat;
    std::optional<std::string> vulnerability;
    std::optional<Id> owner;
    int likelihood = 0;
    int impact = 0;
    int inherent_score = 0;
    std::optional<Treatment> treatment;
    std::optional<std::string> treatment_plan;
    std::optional<Date> treatment_due;
    std::optional<TreatmentStatus> treatment_status;
    std::optional<int> residual_likelihood;
    std::optional<int> residual_impact;
    std::optional<int> residual_score;
    int current_score = 0; // residual once the treatment is done, else inherent: what the appetite is compared with
    std::optional<Id> accepted_by;
    std::optional<Date> accepted_on;
    std::optional<int> accepted_score; // the current score when the owner accepted; a higher one ends the acceptance
    std::optional<std::string> acceptance_note;
    std::optional<Date> next_review;
    RiskStatus status = RiskStatus::open;
    std::string controls;
};

const EntitySpec<Risk>& risk_spec();
void derive(Risk& row, const Risk* before, const Rules& rules);
void validate(const Risk& row, const Risk* before, const Rules& rules, Problems& problems);

// The score a risk currently carries (kept in Risk::current_score): the residual one once the treatment is done and
// the residual levels are assessed, else the inherent one. A planned residual does not lower a risk before its
// treatment is in place (6.1.3: the plan is not the result).
int current_score(const Risk& risk);

// True when the residual levels are in effect: assessed, and the treatment done.
bool residual_in_effect(const Risk& risk);

// True when the levels or the current score differ from before: a new entry goes into the score history.
bool scores_changed(const Risk& before, const Risk& after);

// One point of a risk's score history.
struct RiskScore {
    Id risk = 0;
    Timestamp at{};
    int likelihood = 0;
    int impact = 0;
    std::optional<int> residual_likelihood; // as assessed, planned or in effect
    std::optional<int> residual_impact;
    int score = 0; // the current score at that point

    int inherent() const { return likelihood * impact; }
    int current() const { return score; }
};

RiskScore score_of(const Risk& risk, Timestamp at);

} // namespace c9
