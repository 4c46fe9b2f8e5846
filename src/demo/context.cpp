// The demo's context of the organisation (4.1, 4.2): the issues found in the first weeks and those that arose
// later, the interested parties with their requirements, and the feedback they gave over the year. Rows arise all
// through the year, so every management review has changes since the last one to look at (9.3.2 b, c, e).
#include "core/context.h"

#include "demo/demo.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

struct IssueTemplate {
    std::string_view title;
    IssueKind kind;
    IssueCategory category;
    std::string_view effect;
};

constexpr std::array<IssueTemplate, 10> issues {{
    {"NIS2 obligations for our customers in the energy sector", IssueKind::external, IssueCategory::legal,
        "Customers ask for incident reporting within 24 hours and supplier security evidence."},
    {"Ransomware attacks on mid-sized companies in our sector", IssueKind::external, IssueCategory::technological,
        "Backups, endpoint protection and awareness get priority."},
    {"Heat waves and cooling of the server room", IssueKind::external, IssueCategory::environmental,
        "Availability of on-premises systems; moving workloads to the cloud region lowers it."},
    {"Shortage of security specialists on the job market", IssueKind::external, IssueCategory::economic,
        "Managed services for monitoring; training of our own IT staff."},
    {"Customers expect ISO/IEC 27001 certification in tenders", IssueKind::external, IssueCategory::economic,
        "The certificate and its scope are a sales requirement."},
    {"Hybrid work: two thirds of staff work from home", IssueKind::internal, IssueCategory::organisational,
        "Remote access, device management and home-office rules."},
    {"Migration of the ERP to a cloud service", IssueKind::internal, IssueCategory::technological,
        "Supplier security and data location become ISMS topics."},
    {"Growth to a second site", IssueKind::internal, IssueCategory::organisational,
        "Physical security and network design for the new office."},
    {"Budget for the ISMS fixed for two years", IssueKind::internal, IssueCategory::economic,
        "Improvements are prioritised by risk."},
    {"EU AI Act for the support chatbot", IssueKind::external, IssueCategory::legal,
        "Transparency and data protection review of the chatbot."},
}};

struct PartyTemplate {
    std::string_view name;
    IssueKind kind;
    std::string_view requirements, addressed_by, controls;
};

constexpr std::array<PartyTemplate, 8> parties {{
    {"Customers", IssueKind::external,
        "Confidentiality of their data, availability of the platform, evidence of "
        "certification, incident notification within 24 hours.",
        "Contracts and DPA; controls 5.24-5.26, 8.13, 8.14.", "5.24, 5.25, 5.26, 8.13, 8.14"},
    {"Data protection authority", IssueKind::external, "GDPR compliance, breach notification within 72 hours.",
        "Privacy policy, breach procedure; control 5.34.", "5.34"},
    {"Cloud and SaaS suppliers", IssueKind::external, "Clear security requirements in contracts.",
        "Supplier policy; controls 5.19-5.23.", "5.19, 5.20, 5.21, 5.22, 5.23"},
    {"Insurer (cyber policy)", IssueKind::external, "MFA everywhere, tested backups, EDR.",
        "Controls 8.5, 8.7, 8.13; yearly questionnaire.", "8.5, 8.7, 8.13"},
    {"Employees", IssueKind::internal, "Clear rules, usable tools, privacy of their own data.",
        "Awareness programme, acceptable use policy; controls 6.3, 5.10.", "6.3, 5.10"},
    {"Top management", IssueKind::internal, "Certification kept, risks within appetite, costs under control.",
        "Management review (9.3), risk reports.", "5.1, 5.4"},
    {"Certification body", IssueKind::external, "Conformity with ISO/IEC 27001:2022.",
        "Internal audit programme, management review, this register.", "5.35, 5.36"},
    {"Works council", IssueKind::internal, "No performance monitoring of staff through security tools.",
        "Logging policy agreed with the works council; control 8.15.", "8.15"},
}};

struct FeedbackTemplate {
    std::string_view title;
    FeedbackChannel channel;
    Sentiment sentiment;
    std::string_view response;
};

constexpr std::array<FeedbackTemplate, 8> feedback_texts {{
    {"Asked for our ISO/IEC 27001 certificate and Statement of Applicability", FeedbackChannel::email,
        Sentiment::neutral, "Certificate and SoA summary sent under NDA."},
    {"Security questionnaire for a tender", FeedbackChannel::email, Sentiment::neutral,
        "Answered from the questionnaire library."},
    {"Complaint: phishing simulation felt like a trap", FeedbackChannel::complaint, Sentiment::negative,
        "Explained the purpose; simulations now announced in the newsletter."},
    {"Praise for the quick incident notification", FeedbackChannel::email, Sentiment::positive, "Thanked them."},
    {"MFA prompts too frequent on the VPN", FeedbackChannel::survey, Sentiment::negative,
        "Remembered devices for 12 hours on managed laptops."},
    {"Insurer asks for evidence of offline backups", FeedbackChannel::email, Sentiment::neutral,
        "Restore test reports sent."},
    {"Auditor observation: supplier reviews not documented", FeedbackChannel::audit, Sentiment::negative,
        "Supplier review template introduced."},
    {"Customer asked where their data is hosted", FeedbackChannel::meeting, Sentiment::neutral,
        "Hosting locations listed in the trust centre page."},
}};

} // namespace

Result<void> create_context(Tx& tx, World& world)
{
    Random random(world.options.seed, "context");
    auto at = [&](int from_days, int to_days) {
        return world.working_hours(random, add_days(to_date(world.start), random.between(from_days, to_days)));
    };
    long window = std::max(days_between(to_date(world.start), world.today) - 1, 2L);

    // Issues: most found in the first weeks, the rest as they arose.
    const auto& issue_spec = context_spec();
    BulkInserter issue_inserter(tx, table_of(issue_spec), world.stamp(world.start));
    for (size_t index = 0; index < issues.size(); ++index) {
        const auto& pattern = issues[index];
        ContextIssue issue;
        issue.title = std::string(pattern.title);
        issue.kind = pattern.kind;
        issue.category = pattern.category;
        issue.effect = std::string(pattern.effect);
        issue.owner = index % 3 == 0 ? world.staff.iso : random.pick(world.staff.management);
        auto created = index < 6 ? at(1, 30) : at(31, static_cast<int>(window));
        if (created >= world.now)
            continue;
        issue.created_at = created;
        C9_TRY(check_generated(issue_spec, issue, static_cast<const ContextIssue*>(nullptr), world.at(created)));
        C9_TRY(issue_inserter.insert(values_of(issue_spec, issue), world.stamp(created)));
        world.advance(1, "context");
    }

    const auto& party_spec_ = party_spec();
    BulkInserter party_inserter(tx, table_of(party_spec_), world.stamp(world.start));
    std::vector<Id> party_ids;
    for (size_t index = 0; index < parties.size(); ++index) {
        const auto& pattern = parties[index];
        InterestedParty party;
        party.name = std::string(pattern.name);
        party.kind = pattern.kind;
        party.requirements = std::string(pattern.requirements);
        party.addressed_by = std::string(pattern.addressed_by);
        party.controls = control_list(pattern.controls);
        party.owner = index % 2 == 0 ? world.staff.iso : random.pick(world.staff.management);
        // The last one came up in the weeks before today: the next management review has a change to discuss.
        auto created = index < 6          ? at(1, 30)
            : index + 1 == parties.size() ? at(static_cast<int>(window) - 45, static_cast<int>(window))
                                          : at(31, static_cast<int>(window));
        if (created >= world.now)
            continue;
        party.created_at = created;
        C9_TRY(check_generated(party_spec_, party, static_cast<const InterestedParty*>(nullptr), world.at(created)));
        party_ids.push_back(C9_TRY(party_inserter.insert(values_of(party_spec_, party), world.stamp(created))));
        world.advance(1, "context");
    }

    // Feedback through the year, most of it answered within a few weeks.
    const auto& spec = feedback_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    auto total = world.volume(16);
    for (std::int64_t index = 0; index < total && !party_ids.empty(); ++index) {
        const auto& pattern = random.pick(feedback_texts);
        Feedback feedback;
        feedback.title = std::string(pattern.title);
        feedback.party = random.pick(party_ids);
        feedback.channel = pattern.channel;
        feedback.sentiment = pattern.sentiment;
        feedback.owner = random.chance(0.5) ? world.staff.iso : random.pick(world.staff.it);
        auto created = at(5, static_cast<int>(window));
        if (created >= world.now)
            continue;
        feedback.received_on = add_days(to_date(created), -random.between(0, 3));
        feedback.review_by = add_days(feedback.received_on, 21);
        if (world.now - created > std::chrono::days(21) || random.chance(0.4)) {
            feedback.response = std::string(pattern.response);
            feedback.status = random.chance(0.7) ? FeedbackStatus::closed : FeedbackStatus::answered;
        }
        feedback.created_at = created;
        C9_TRY(check_generated(spec, feedback, static_cast<const Feedback*>(nullptr), world.at(created)));
        C9_TRY(inserter.insert(values_of(spec, feedback), world.stamp(created)));
        ++world.counts.feedback;
        world.advance(1, "context");
    }
    return audit_created(tx, world, "context",
        fmt::format("demo: created the context of the organisation and {} feedback entries", world.counts.feedback));
}

} // namespace c9::demo
