// What is said in the demo's meetings: the notes taken on agenda items and the decisions made. The meetings
// themselves are run through the app (demo/meetings.cpp); this file only words what the minute taker writes.
#include "core/review_inputs.h"
#include "demo/demo.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

constexpr std::array<DecisionText, 12> maintenance_decisions {{
    {DecisionType::policy_change, "Approve the revised access control policy",
        "Reviewed by IT and the department representatives; it now covers service accounts."},
    {DecisionType::policy_change, "Approve the updated backup and restore procedure",
        "The restore tests showed the old procedure missed the ERP database."},
    {DecisionType::policy_change, "Approve the remote working policy update for personal phones",
        "Incidents with lost phones showed the gap."},
    {DecisionType::improvement, "Extend the phishing simulations to contractors",
        "Contractors have mailboxes and were not covered."},
    {DecisionType::improvement, "Route backup alerts to the on-call engineer",
        "A backup job failed silently for two weeks."},
    {DecisionType::improvement, "Introduce a four-eyes rule for firewall changes",
        "An emergency change exposed a database port."},
    {DecisionType::improvement, "Move the legacy HR system behind single sign-on",
        "Leaver accounts in systems outside SSO were missed."},
    {DecisionType::resource, "Buy EDR licences for the remaining servers",
        "Ransomware risk above appetite; the budget was available."},
    {DecisionType::resource, "Book the yearly external penetration test", "Required by two customer contracts."},
    {DecisionType::other, "Review the vulnerability SLA figures monthly instead of quarterly",
        "The overdue count rose two months in a row."},
    {DecisionType::improvement, "Add the CRM to the leaver checklist", "The CRM is outside single sign-on."},
    {DecisionType::other, "Invite the facilities manager to the next meeting", "Physical access findings."},
}};

constexpr std::array<DecisionText, 6> review_decisions {{
    {DecisionType::resource, "Approve the information security budget for the next year",
        "Covers EDR, the penetration test and training; in line with the risk treatment plan."},
    {DecisionType::improvement, "Set the information security objectives for the next period",
        "Objectives follow the KPIs that were off target (9.3.2 d4)."},
    {DecisionType::policy_change, "Approve the updated information security policy",
        "Changes in the business and the supplier landscape (9.3.2 b)."},
    {DecisionType::resource, "Approve a second security engineer position",
        "Vulnerability remediation and incident handling depend on one person."},
    {DecisionType::improvement, "Start preparing the certification audit", "The audit is planned in six months."},
    {DecisionType::other, "Confirm that climate change is not a relevant issue for the ISMS this year",
        "Considered under 9.3.2 b; offices and providers are outside flood and heat risk areas."},
}};

// ISO/IEC 27001:2022 9.3.2: what top management said on each input, by its code.
std::string_view review_note(std::string_view code, Random& random)
{
    static constexpr std::array<std::pair<std::string_view, std::array<std::string_view, 2>>, 9> notes {{
        {"a",
            {"Actions from the previous review gone through with their owners; the overdue ones were re-planned "
             "with new dates.",
                "All actions from the previous review are done or in progress; none needs escalation."}},
        {"b",
            {"No change in the legal or contractual requirements. Climate change considered: no effect on the "
             "ISMS this period.",
                "The move of the ERP to a hosted service changes the supplier landscape; the scope statement stays "
                "as it is. Climate change considered and not relevant this period."}},
        {"c",
            {"Two key customers now ask for yearly evidence of the backup restore tests; added to the requirements.",
                "No new requirements from interested parties; the works council asked to be informed of monitoring "
                "changes."}},
        {"d1",
            {"Open nonconformities reviewed; corrective actions are on track, one due date extended with reason.",
                "Nonconformities since the last review discussed with their root causes; no repeat findings."}},
        {"d2",
            {"KPI results discussed; the off-target indicators get objectives for the next period.",
                "Monitoring results reviewed against the objectives; trends are stable or improving."}},
        {"d3",
            {"Internal audit results presented; findings are covered by corrective actions.",
                "No external audit this period; the internal audit programme is on schedule."}},
        {"e",
            {"Customer security questionnaires came back without open points; one supplier feedback noted.",
                "Feedback from staff on the awareness training is positive; requests for shorter modules noted."}},
        {"f",
            {"Risks above appetite and overdue treatment plans discussed with their owners; the treatment plan "
             "stays as agreed.",
                "Risk assessment results reviewed; residual risks accepted by their owners are confirmed."}},
        {"g",
            {"Improvement opportunities from the lessons learned agreed; the phishing programme is extended.",
                "Continual improvement: lessons learned from incidents are turned into the actions below."}},
    }};
    for (const auto& [input, texts] : notes)
        if (input == code)
            return random.pick(texts);
    return "Discussed; nothing to add.";
}

std::string_view section_note(AgendaSection section, Random& random)
{
    switch (section) {
    case AgendaSection::opening: {
        static constexpr std::array<std::string_view, 2> texts {
            "Attendance taken; the agenda was accepted without changes.",
            "The previous minutes were gone through; no corrections."};
        return random.pick(texts);
    }
    case AgendaSection::actions: {
        static constexpr std::array<std::string_view, 3> texts {"Owners gave the status of their items.",
            "Overdue items discussed; owners confirmed new dates.", "Closed items confirmed with their evidence."};
        return random.pick(texts);
    }
    case AgendaSection::maintenance: {
        static constexpr std::array<std::string_view, 2> texts {
            "Reported by IT; the findings are followed up in the activity log.",
            "Late activities explained by holidays; catching up before the next meeting."};
        return random.pick(texts);
    }
    case AgendaSection::controls: {
        static constexpr std::array<std::string_view, 2> texts {
            "Control status changes confirmed; the Statement of Applicability is updated.",
            "Overdue control reviews assigned to their owners."};
        return random.pick(texts);
    }
    case AgendaSection::incidents: {
        static constexpr std::array<std::string_view, 3> texts {
            "Impact and response discussed; the response was effective.",
            "Root cause agreed; the post-incident review is scheduled.",
            "Routine incidents handled within the process; no pattern seen."};
        return random.pick(texts);
    }
    case AgendaSection::vulnerabilities: {
        static constexpr std::array<std::string_view, 2> texts {
            "Remediation is on track; the overdue ones wait for a vendor patch.",
            "Known-exploited vulnerabilities get priority; rescan planned after patch day."};
        return random.pick(texts);
    }
    case AgendaSection::risks: {
        static constexpr std::array<std::string_view, 2> texts {
            "Scores discussed with the risk owners; treatment plans unchanged.",
            "Risks above appetite reviewed; mitigation shows effect on the residual scores."};
        return random.pick(texts);
    }
    case AgendaSection::nonconformities: {
        static constexpr std::array<std::string_view, 2> texts {
            "Root cause and corrective action discussed with the owner (10.2).",
            "Effectiveness of the corrective action to be confirmed at the next meeting."};
        return random.pick(texts);
    }
    case AgendaSection::kpis: {
        static constexpr std::array<std::string_view, 2> texts {
            "KPIs reviewed; the off-target ones have an owner following them up.",
            "Trend discussed; no change to the targets."};
        return random.pick(texts);
    }
    case AgendaSection::management_review:
        return "Discussed.";
    case AgendaSection::other_business: {
        static constexpr std::array<std::string_view, 2> texts {"No other business.", "Next meeting date confirmed."};
        return random.pick(texts);
    }
    }
    return "Discussed.";
}

} // namespace

constexpr std::array<ProposalText, 6> proposals {{
    {"Faster remote wipe for lost phones", ProposalKind::concern, "incidents", ""},
    {"Passkeys instead of passwords for the VPN", ProposalKind::suggestion, "controls", ""},
    {"The offsite backup supplier changes in spring", ProposalKind::update, "maintenance", ""},
    {"Contractors share one guest Wi-Fi password", ProposalKind::concern, "risks", ""},
    {"The canteen Wi-Fi is slow", ProposalKind::concern, "other_business", "Not an ISMS matter; facilities handle it."},
    {"Buy a password manager for everyone", ProposalKind::suggestion, "other_business",
        "Decided in the management review; the rollout is on the action list already."},
}};

const ProposalText& pick_proposal(Random& random) { return random.pick(proposals); }

const DecisionText& pick_decision(Random& random, bool review)
{
    return review ? random.pick(review_decisions) : random.pick(maintenance_decisions);
}

std::string note_for(const AgendaItem& item, Random& random)
{
    auto covers = parse_covers(item.covers);
    if (!covers.empty())
        return std::string(review_note(covers.front(), random));
    return std::string(section_note(item.section, random));
}

} // namespace c9::demo
