#include "core/risk.h"
#include "rules_support.h"

#include <functional>
#include <gtest/gtest.h>

namespace c9 {
namespace {

using test::none;
using test::only;

Risk valid_risk()
{
    Risk risk;
    risk.title = "Phishing of finance staff";
    risk.owner = 1;
    risk.likelihood = 4;
    risk.impact = 3;
    return risk;
}

TEST(RiskRules, TableOfCases)
{
    struct Case {
        const char* name;
        std::function<void(Risk&)> change;
        std::set<std::string> refused;
    };
    std::vector<Case> cases {
        {"valid as given", [](Risk&) {}, none()},
        {"likelihood above the 5x5 matrix", [](Risk& r) { r.likelihood = 9; }, only("likelihood")},
        {"likelihood zero", [](Risk& r) { r.likelihood = 0; }, only("likelihood")},
        {"impact negative", [](Risk& r) { r.impact = -1; }, only("impact")},
        {"residual below inherent",
            [](Risk& r) {
                r.residual_likelihood = 2;
                r.residual_impact = 3;
            },
            none()},
        {"residual above inherent",
            [](Risk& r) {
                r.residual_likelihood = 5;
                r.residual_impact = 5;
            },
            only("residual_score")},
        {"residual likelihood without impact", [](Risk& r) { r.residual_likelihood = 2; }, only("residual_impact")},
        {"residual level outside the matrix",
            [](Risk& r) {
                r.residual_likelihood = 6;
                r.residual_impact = 1;
            },
            only("residual_likelihood")},
        // A team moving in records its past: taken, and marked back-dated in the audit trail (app/registers.h).
        {"treatment due before creation", [](Risk& r) { r.treatment_due = *parse_date("2026-06-14"); }, none()},
        {"treatment due today", [](Risk& r) { r.treatment_due = *parse_date("2026-06-15"); }, none()},
        {"mitigating above appetite needs a plan", [](Risk& r) { r.treatment = Treatment::mitigate; },
            only("treatment_plan")},
        {"mitigating with a plan",
            [](Risk& r) {
                r.treatment = Treatment::mitigate;
                r.treatment_plan = "MFA for all finance accounts";
            },
            none()},
        {"accepting above appetite needs the owner's acceptance", [](Risk& r) { r.treatment = Treatment::accept; },
            only("accepted_by")},
        {"accepting above appetite with acceptance",
            [](Risk& r) {
                r.treatment = Treatment::accept;
                r.accepted_by = 1;
            },
            none()},
        {"accepting within appetite needs no acceptance",
            [](Risk& r) {
                r.likelihood = 2;
                r.treatment = Treatment::accept;
            },
            none()},
        {"accepted_on without accepted_by", [](Risk& r) { r.accepted_on = *parse_date("2026-06-01"); },
            only("accepted_by")},
        {"accepted in the future",
            [](Risk& r) {
                r.accepted_by = 1;
                r.accepted_on = *parse_date("2026-07-01");
            },
            only("accepted_on")},
        {"accepted by someone other than the owner (6.1.3 f)",
            [](Risk& r) {
                r.treatment = Treatment::accept;
                r.accepted_by = 2;
            },
            only("accepted_by")},
        {"an acceptance note without an acceptance", [](Risk& r) { r.acceptance_note = "agreed by phone"; },
            only("acceptance_note")},
    };
    for (auto& test_case : cases) {
        auto risk = valid_risk();
        test_case.change(risk);
        EXPECT_EQ(test::refused_fields(risk), test_case.refused) << test_case.name;
    }
}

TEST(RiskRules, DerivesScoresAndDefaultReview)
{
    auto risk = valid_risk();
    risk.residual_likelihood = 2;
    risk.residual_impact = 2;
    EXPECT_TRUE(test::refused_fields(risk).empty());
    EXPECT_EQ(risk.inherent_score, 12);
    EXPECT_EQ(risk.residual_score, 4);
    ASSERT_TRUE(risk.next_review);
    EXPECT_EQ(format_date(*risk.next_review), "2027-06-15");
}

// The residual levels are the plan until the treatment is done: RSK-1 must not drop below the appetite months
// before its treatment is due.
TEST(RiskRules, TheResidualScoreCountsOnceTheTreatmentIsDone)
{
    auto risk = valid_risk();
    risk.likelihood = 5;
    risk.impact = 5;
    risk.treatment = Treatment::mitigate;
    risk.treatment_plan = "EDR on every server";
    risk.treatment_due = *parse_date("2026-12-01");
    risk.residual_likelihood = 2;
    risk.residual_impact = 3;
    EXPECT_TRUE(test::refused_fields(risk).empty());
    EXPECT_EQ(risk.treatment_status, TreatmentStatus::planned);
    EXPECT_EQ(risk.residual_score, 6);
    EXPECT_EQ(risk.current_score, 25);

    auto before = risk;
    risk.treatment_status = TreatmentStatus::in_progress;
    EXPECT_TRUE(test::refused_fields(risk, &before).empty());
    EXPECT_EQ(risk.current_score, 25);
    EXPECT_FALSE(scores_changed(before, risk));

    before = risk;
    risk.treatment_status = TreatmentStatus::done;
    EXPECT_TRUE(test::refused_fields(risk, &before).empty());
    EXPECT_EQ(risk.current_score, 6);
    EXPECT_TRUE(scores_changed(before, risk)) << "the current score moved: the history gets an entry";
    EXPECT_EQ(score_of(risk, Timestamp {}).current(), 6);
}

// An acceptance is of a score, by the owner: it records the score and lapses when the score rises above it or the
// risk changes hands; a lower score keeps it.
TEST(RiskRules, AnAcceptanceRecordsItsScoreAndLapsesWhenTheScoreRises)
{
    auto risk = valid_risk(); // 4 x 3 = 12, above the appetite of 9
    risk.treatment = Treatment::accept;
    risk.accepted_by = 1;
    risk.acceptance_note = "Accepted at the ISMS meeting";
    ASSERT_TRUE(test::refused_fields(risk).empty());
    EXPECT_EQ(risk.accepted_score, 12);
    ASSERT_TRUE(risk.accepted_on);
    EXPECT_EQ(format_date(*risk.accepted_on), "2026-06-15");
    EXPECT_EQ(risk.treatment_status, TreatmentStatus::done) << "accepting is the whole of an accept treatment";

    auto before = risk;
    risk.likelihood = 3;
    ASSERT_TRUE(test::refused_fields(risk, &before).empty());
    EXPECT_EQ(risk.accepted_by, 1) << "a lower score keeps the acceptance";
    EXPECT_EQ(risk.accepted_score, 12);

    before = risk;
    risk.likelihood = 5;
    // The reassessment is recorded, not refused; the risk is above appetite and unaccepted for the meeting to see.
    ASSERT_TRUE(test::refused_fields(risk, &before).empty());
    EXPECT_FALSE(risk.accepted_by);
    EXPECT_FALSE(risk.accepted_on);
    EXPECT_FALSE(risk.accepted_score);
    EXPECT_FALSE(risk.acceptance_note);

    risk = valid_risk();
    risk.accepted_by = 1;
    ASSERT_TRUE(test::refused_fields(risk).empty());
    before = risk;
    risk.owner = 2;
    ASSERT_TRUE(test::refused_fields(risk, &before).empty());
    EXPECT_FALSE(risk.accepted_by) << "the new owner has not accepted it";
}

TEST(RiskRules, MatrixSizeChangesTheRange)
{
    auto rules = test::rules_at();
    rules.matrix.size = 3;
    rules.matrix.appetite = 3;
    auto risk = valid_risk();
    risk.impact = 2;
    EXPECT_EQ(test::refused_fields(risk, static_cast<const Risk*>(nullptr), rules), only("likelihood"));
    risk.likelihood = 3;
    EXPECT_EQ(test::refused_fields(risk, static_cast<const Risk*>(nullptr), rules), none());
}

TEST(RiskMatrix, BandsScaleWithTheMatrix)
{
    RiskMatrix five;
    EXPECT_EQ(five.band(4), RiskBand::low);
    EXPECT_EQ(five.band(5), RiskBand::medium);
    EXPECT_EQ(five.band(9), RiskBand::medium);
    EXPECT_EQ(five.band(10), RiskBand::high);
    EXPECT_EQ(five.band(16), RiskBand::high);
    EXPECT_EQ(five.band(20), RiskBand::critical);
    RiskMatrix three{3, 3};
    EXPECT_EQ(three.band(1), RiskBand::low);
    EXPECT_EQ(three.band(3), RiskBand::medium);
    EXPECT_EQ(three.band(4), RiskBand::high);
    EXPECT_EQ(three.band(9), RiskBand::critical);
    EXPECT_EQ(five.likelihood_label(5), "almost certain");
    EXPECT_TRUE(five.above_appetite(10));
    EXPECT_FALSE(five.above_appetite(9));
}

TEST(RiskRules, ScoreChangesAreDetected)
{
    auto before = valid_risk();
    auto after = before;
    after.title = "renamed";
    EXPECT_FALSE(scores_changed(before, after));
    after.residual_impact = 1;
    EXPECT_TRUE(scores_changed(before, after));
}

} // namespace
} // namespace c9
