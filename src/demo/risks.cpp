// The demo's risk register (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3): 80 risks a year per unit of --scale, many
// from the initial assessment and the rest identified along the way. Each is assessed (inherent score), treated
// (residual score as planned), re-assessed when the treatment is done and at its reviews; every change of the levels
// is an entry of the score history, the evidence of mitigation effectiveness.
#include "demo/demo.h"
#include "core/risk.h"
#include "store/risk_scores.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

struct RiskTemplate {
    std::string_view title, asset, threat, vulnerability, controls, plan;
    int likelihood, impact;
};

constexpr std::array<RiskTemplate, 30> templates {{
    {"Ransomware encrypts file shares and servers", "File server, ERP", "Ransomware",
        "Broad share permissions; phishing as the way in", "8.7, 8.13, 5.15, 6.3",
        "EDR on all servers, least-privilege shares, immutable backups.", 3, 5},
    {"Phishing leads to account takeover", "Microsoft 365", "Phishing", "Users enter credentials on fake pages",
        "6.3, 8.5, 5.17", "Phishing-resistant MFA for all staff; quarterly phishing simulations.", 4, 3},
    {"Customer data breach through the web application", "Customer portal", "External attacker",
        "Application vulnerabilities", "8.25, 8.28, 8.29, 8.8",
        "Secure code review, yearly penetration test, web application firewall.", 3, 5},
    {"Customer platform unavailable after a cloud region outage", "Customer platform", "Provider outage",
        "Single-region deployment", "5.30, 8.14", "Warm standby in a second region; failover test twice a year.", 2, 4},
    {"Leaver copies customer data", "CRM", "Malicious insider", "Wide export rights", "5.15, 8.12, 6.5",
        "Restrict exports to team leads; alerts on bulk downloads.", 2, 4},
    {"Lost or stolen laptop exposes data", "Laptops", "Theft or loss", "Company data stored on devices",
        "8.1, 8.24, 7.9", "Disk encryption verified monthly; remote wipe through device management.", 4, 2},
    {"Supplier breach exposes our data", "Payroll and CRM services", "Supplier compromise",
        "Dependence on the supplier's security", "5.19, 5.20, 5.22",
        "Yearly supplier security assessment; notification clauses in contracts.", 3, 4},
    {"Known vulnerability exploited before it is patched", "Servers", "Exploit of a known vulnerability",
        "Slow patching", "8.8, 8.19", "Monthly patch cycle tracked against the SLA; KEV entries within two weeks.", 3,
        4},
    {"Misuse of a privileged account", "Cloud console, directory", "Compromised administrator",
        "Standing administrator rights", "8.2, 8.5, 8.15",
        "Just-in-time administrator access, MFA for admins, weekly log review.", 2, 5},
    {"Backups cannot be restored", "Backups", "Backup failure", "Restores not tested", "8.13",
        "Quarterly restore tests; monitoring of every backup job.", 2, 4},
    {"DDoS attack takes the portal down", "Customer portal", "Denial of service", "Exposed to the internet",
        "8.20, 8.14", "Always-on DDoS protection at the CDN.", 3, 3},
    {"Misconfigured cloud storage exposes data", "Cloud storage", "Misconfiguration",
        "No policy checks before deployment", "5.23, 8.9", "Policy-as-code checks in the deployment pipeline.", 3, 4},
    {"Personal data processed without a legal basis", "HR and CRM data", "Regulatory action",
        "Incomplete records of processing", "5.34, 5.31",
        "Complete the records of processing; impact assessment for new projects.", 2, 4},
    {"Source code or secrets leaked", "Git repositories", "Credential leak", "Tokens committed to repositories",
        "8.4, 5.17", "Secret scanning on every push; short-lived tokens.", 2, 3},
    {"Business email compromise leads to a fraudulent payment", "Payment process", "Fraud",
        "Payment changes accepted by email", "5.14, 6.3",
        "Call-back procedure for changes of bank details; dual approval of payments.", 3, 4},
    {"Office break-in", "Office", "Burglary", "Ground-floor access", "7.1, 7.2, 7.4",
        "Alarm system and badge access on every door.", 2, 2},
    {"Key person dependency in IT operations", "IT operations", "Staff unavailable", "Undocumented procedures",
        "5.37, 5.29", "Written runbooks; cross-training of a second engineer.", 3, 3},
    {"Shadow IT stores company data", "SaaS tools", "Unapproved services", "No approval of cloud services",
        "5.23, 5.10", "Approval process for cloud services; discovery of unapproved ones.", 4, 2},
    {"Weak passwords on legacy systems", "Legacy systems", "Password guessing", "Systems outside single sign-on",
        "5.17, 8.5", "Move the legacy systems behind single sign-on.", 3, 3},
    {"Logs insufficient to investigate an incident", "Logging", "Undetected attack", "Short log retention",
        "8.15, 8.16", "Central logging with twelve months of retention.", 3, 3},
    {"Production data used in tests", "Test environment", "Data leak", "Copies of production data", "8.31, 8.33, 8.11",
        "Masked test data sets generated from production.", 3, 3},
    {"Office internet line fails", "Office network", "Outage", "Single internet line", "8.14, 7.11",
        "Second line from another provider.", 3, 2},
    {"Malware brought in on USB media", "Laptops", "Malware", "Removable media allowed", "7.10, 8.7",
        "Block removable storage by policy.", 2, 2},
    {"Expired certificates break services", "Public services", "Certificate expiry", "Manual renewal", "8.24",
        "Automated renewal and expiry monitoring.", 3, 2},
    {"Unauthorised change to production", "Production", "Uncontrolled change", "No change approval", "8.32, 8.9",
        "Change approval in the pipeline; four-eyes rule.", 3, 3},
    {"Visitor reaches sensitive areas", "Office", "Unauthorised visitor", "Gaps in visitor management", "7.2, 7.3",
        "Visitor badges and an escort rule.", 2, 2},
    {"Contractual security requirements not met", "Customer contracts", "Breach of contract", "Obligations not tracked",
        "5.31, 5.20", "Register of contractual security obligations.", 2, 3},
    {"Remote workers on insecure home networks", "Remote work", "Network attacks", "Unmanaged home routers", "6.7, 8.1",
        "Always-on VPN and device compliance checks.", 3, 2},
    {"Vulnerable third-party libraries in our software", "Customer platform", "Supply chain attack",
        "Outdated dependencies", "8.28, 8.8, 5.21", "Dependency scanning in CI and an update policy.", 3, 4},
    {"Clock drift breaks log correlation", "Logging", "Wrong timestamps", "NTP not monitored", "8.17",
        "Monitor NTP on every server.", 2, 1},
}};

int clamp_level(int level, int size) { return std::clamp(level, 1, size); }

} // namespace

Result<void> create_risks(Tx& tx, World& world)
{
    Random random(world.options.seed, "risks");
    const auto& spec = risk_spec();
    const auto& matrix = world.rules.matrix;
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    AssetBook assets(tx, world);
    auto total = world.volume(80);
    for (std::int64_t index = 0; index < total; ++index) {
        const auto& pattern = templates[static_cast<std::size_t>(index % 30)];
        Risk risk;
        risk.title = std::string(pattern.title);
        if (index >= 30)
            risk.title += fmt::format(" ({})", random.pick(world.staff.departments));
        risk.asset = C9_TRY(assets.id(first_asset(pattern.asset), world.start));
        risk.threat = std::string(pattern.threat);
        risk.vulnerability = std::string(pattern.vulnerability);
        risk.description
            = fmt::format("{} exploits: {}. Affects {}.", pattern.threat, pattern.vulnerability, pattern.asset);
        risk.owner = random.pick(world.staff.risk_owners);
        risk.controls = control_list(pattern.controls);
        risk.likelihood = clamp_level(pattern.likelihood + random.between(-1, 1), matrix.size);
        risk.impact = clamp_level(pattern.impact + random.between(-1, 1), matrix.size);
        // A third comes from the initial assessment workshop; the rest are identified along the way.
        auto created = random.chance(0.35)
            ? world.working_hours(random, add_days(to_date(world.start), random.between(3, 30)))
            : world.moment_between(random, world.start + std::chrono::days(3), world.now - std::chrono::days(1));
        risk.created_at = created;
        risk.next_review = add_months(to_date(created), 12);
        C9_TRY(check_generated(spec, risk, static_cast<const Risk*>(nullptr), world.at(created)));

        RiskFact fact {0, *risk.owner, created, {}, std::nullopt};
        std::vector<RiskScore> scores {score_of(risk, created)};
        fact.stages.push_back({created, current_score(risk), false});
        auto change = [&](Timestamp at, auto&& edit) -> Result<void> {
            Risk before = risk;
            edit(risk);
            C9_TRY(check_generated(spec, risk, &before, world.at(at)));
            if (scores_changed(before, risk))
                scores.push_back(score_of(risk, at));
            fact.stages.push_back({at, current_score(risk), risk.treatment.has_value()});
            return {};
        };

        // Treatment decision, a few weeks after the assessment. The planned residual levels count once it is done.
        auto decided = world.working_hours(random, add_days(to_date(created), random.between(3, 30)));
        if (decided < world.now - std::chrono::hours(1) && decided > created) {
            bool above = matrix.above_appetite(risk.inherent_score);
            auto choice = above ? random.weighted({75, 10, 5, 10}) : (random.chance(0.35) ? 3 : 0);
            C9_TRY(change(decided, [&](Risk& row) {
                row.treatment = static_cast<Treatment>(std::array {0, 3, 2, 1}[choice]);
                row.next_review = add_months(to_date(decided), above ? 6 : 12);
                if (row.treatment == Treatment::accept) {
                    // Only the owner accepts (6.1.3 f); above appetite, after top management has heard why.
                    row.accepted_by = *row.owner;
                    row.accepted_on = to_date(decided);
                    row.treatment_plan = above ? std::optional<std::string>("Accepted by the risk owner after review "
                                                                            "with top management: the cost of "
                                                                            "treatment exceeds the expected loss.")
                                               : std::nullopt;
                    return;
                }
                row.treatment_plan = row.treatment == Treatment::transfer
                    ? std::string("Transfer: cyber insurance and contractual liability of the supplier.")
                    : row.treatment == Treatment::avoid ? std::string("Avoid: stop the activity that creates the risk.")
                                                        : std::string(pattern.plan);
                row.treatment_due = add_days(to_date(decided), random.between(30, 180));
                row.residual_likelihood = row.treatment == Treatment::transfer
                    ? row.likelihood
                    : std::max(1, row.likelihood - random.between(1, 2));
                row.residual_impact = row.treatment == Treatment::avoid ? 1
                    : row.treatment == Treatment::transfer              ? std::max(1, row.impact - random.between(1, 2))
                                                           : std::max(1, row.impact - random.between(0, 1));
                if (row.treatment == Treatment::avoid)
                    row.residual_likelihood = 1;
            }));
            if (risk.accepted_on)
                fact.accepted_on = risk.accepted_on;
        }

        // Work on the treatment starts within a few weeks of the decision.
        if (risk.treatment_due && random.chance(0.7)) {
            auto started = world.working_hours(random, add_days(to_date(decided), random.between(7, 19)));
            if (started < world.now - std::chrono::hours(1) && started > fact.stages.back().at)
                C9_TRY(change(started, [](Risk& row) { row.treatment_status = TreatmentStatus::in_progress; }));
        }

        // The treatment is done: the residual levels are re-assessed and the owner accepts the residual risk.
        if (risk.treatment_due && random.chance(0.8)) {
            auto done = world.moment_between(
                random, decided + std::chrono::days(20), start_of(add_days(*risk.treatment_due, 30)));
            if (done < world.now - std::chrono::hours(1) && done > fact.stages.back().at) {
                C9_TRY(change(done, [&](Risk& row) {
                    int outcome = static_cast<int>(random.weighted({25, 30, 45}));
                    if (outcome == 1 && *row.residual_likelihood < row.likelihood)
                        row.residual_likelihood = *row.residual_likelihood + 1;
                    else if (outcome == 2 && *row.residual_likelihood > 1)
                        row.residual_likelihood = *row.residual_likelihood - 1;
                    row.treatment_status = TreatmentStatus::done;
                    row.accepted_by = row.owner;
                    row.accepted_on = to_date(done);
                    if (row.treatment == Treatment::avoid)
                        row.status = RiskStatus::closed;
                }));
            }
        }

        // A register does not grow without end: a risk identified more than two years ago was retired (merged into
        // a newer assessment, or no longer relevant) one to three years after it was identified.
        std::optional<Timestamp> retire;
        if (world.now - created > std::chrono::days(730))
            retire = created + std::chrono::days(random.between(540, 1095));
        // Reviews at the planned dates; some change the levels, and now and then one is missed.
        while (risk.status == RiskStatus::open && *risk.next_review <= add_days(world.today, 20)
            && (!retire || start_of(*risk.next_review) < *retire) && random.chance(0.92)) {
            auto reviewed = world.working_hours(
                random, std::min(add_days(*risk.next_review, -random.between(0, 20)), world.today));
            if (reviewed <= fact.stages.back().at || reviewed >= world.now)
                break;
            C9_TRY(change(reviewed, [&](Risk& row) {
                row.next_review = add_months(to_date(reviewed), matrix.above_appetite(current_score(row)) ? 6 : 12);
                if (!random.chance(0.5))
                    return;
                if (row.residual_likelihood)
                    row.residual_likelihood
                        = std::clamp(*row.residual_likelihood + (random.chance(0.6) ? -1 : 1), 1, row.likelihood);
                else
                    row.likelihood = clamp_level(row.likelihood + (random.chance(0.6) ? -1 : 1), matrix.size);
            }));
        }

        if (retire && risk.status == RiskStatus::open) {
            auto at = std::max(*retire, fact.stages.back().at + std::chrono::days(1));
            if (at < world.now - std::chrono::days(30))
                C9_TRY(change(at, [](Risk& row) { row.status = RiskStatus::closed; }));
        }
        risk.id = C9_TRY(inserter.insert(values_of(spec, risk), world.stamp(created)));
        for (auto& score : scores) {
            score.risk = risk.id;
            C9_TRY(insert_risk_score(tx, score));
        }
        fact.id = risk.id;
        world.risks.push_back(std::move(fact));
        world.counts.risk_scores += static_cast<std::int64_t>(scores.size());
        world.advance(1 + static_cast<std::int64_t>(scores.size()), "risks");
    }
    world.counts.risks = total;
    C9_TRY(audit_created(tx, world, "risk",
        fmt::format("demo: created {} risks with {} score history entries", total, world.counts.risk_scores)));
    // The inventory is complete once the last register that names assets is written.
    return audit_created(tx, world, "asset",
        fmt::format("demo: created {} assets, where the registers named them", world.counts.assets));
}

} // namespace c9::demo
