// The demo's incidents: 60 a year per unit of --scale, with their timeline (occurred, detected, contained, resolved,
// closed), impact on confidentiality, integrity and availability, and the post-incident review of control 5.27.
// Recent ones may still be open; every closed high or critical one has its root cause and lessons learned.
#include "demo/demo.h"
#include "core/incident.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

using enum CiaImpact;

struct IncidentTemplate {
    IncidentCategory category;
    Severity lowest, highest;
    std::string_view title, description, assets;
    CiaImpact confidentiality, integrity, availability;
    std::string_view controls, response, root_cause, lesson;
};

constexpr std::array<IncidentTemplate, 20> templates {{
    {IncidentCategory::phishing, Severity::low, Severity::high, "Credentials entered on a phishing page",
        "A {dept} employee entered their Microsoft 365 password on a fake login page linked from an invoice email.",
        "Microsoft 365 account, mailbox", medium, low, none, "6.3, 8.5, 5.17",
        "Password reset, sessions revoked, MFA re-registered, mailbox rules checked, sender domain blocked.",
        "The lookalike domain passed the mail filter and the link target was not checked.",
        "The report-phishing button and lookalike-domain detection shorten the time to react."},
    {IncidentCategory::phishing, Severity::low, Severity::high, "Invoice fraud attempt by email",
        "{dept} received a request to change a supplier's bank details from a spoofed address.",
        "Finance mailbox, supplier master data", low, medium, none, "5.14, 6.3",
        "Payment stopped, supplier called on a known number, spoofed domain reported.",
        "No DMARC enforcement on the supplier's domain; the call-back rule was not applied at first.",
        "Changes of bank details always need a call-back to the number on file."},
    {IncidentCategory::malware, Severity::low, Severity::medium, "Malware quarantined on a laptop",
        "Endpoint protection quarantined a trojan from a downloaded tool on a {dept} laptop.", "Laptop", low, medium,
        low, "8.7, 8.1", "Laptop isolated and reimaged, the user's credentials reset.",
        "Software downloaded from an unofficial site; local admin rights allowed the installation.",
        "Removing local admin rights prevents most unapproved installations."},
    {IncidentCategory::malware, Severity::high, Severity::critical, "Ransomware stopped on the file server",
        "The EDR agent stopped mass file renames on the file server started from a {dept} account.",
        "File server, shared drives", medium, high, high, "8.7, 8.13, 5.26",
        "Server isolated, affected shares restored from the night's backup, entry point traced to a phished account.",
        "A compromised user account with broad share permissions ran the payload.",
        "Shares need least privilege; the quarterly restore tests paid off."},
    {IncidentCategory::unauthorized_access, Severity::medium, Severity::high,
        "CRM accessed with a former employee's account",
        "Logins to the CRM with the account of a {dept} employee who left three weeks earlier.", "CRM", medium, low,
        none, "5.18, 6.5", "Account disabled, access log reviewed, exported records identified.",
        "The leaver process did not cover the CRM, which is outside single sign-on.",
        "Every system must be in single sign-on or on the leaver checklist."},
    {IncidentCategory::unauthorized_access, Severity::low, Severity::medium, "Brute-force logins against the VPN",
        "Thousands of failed VPN logins from a botnet, some against {dept} accounts.", "VPN gateway", low, none, low,
        "8.5, 8.20, 8.16", "Source addresses blocked, MFA enforcement verified for all accounts.",
        "The VPN portal was exposed without rate limiting.",
        "Rate limiting and geo-blocking belong on every internet-facing login."},
    {IncidentCategory::data_breach, Severity::medium, Severity::high, "Customer list sent to the wrong recipient",
        "A {dept} employee emailed a customer contact list to an external address by mistake.",
        "Customer contact data (personal data)", high, none, none, "5.14, 5.34, 8.12",
        "Recipient asked to delete the file and confirmed; the DPO assessed the duty to notify.",
        "Email autocomplete picked a similar address; no warning for personal data sent outside the company.",
        "Data leakage warnings for personal data sent to external recipients."},
    {IncidentCategory::data_breach, Severity::high, Severity::critical, "Storage bucket exposed application logs",
        "A cloud storage bucket with application logs containing customer emails was publicly readable.",
        "Cloud storage, application logs", high, none, none, "5.23, 8.9, 8.12",
        "Public access removed, access logs checked for downloads, customers assessed for notification.",
        "An infrastructure template allowed public read and the pipeline had no policy check.",
        "Policy-as-code checks must block public storage before deployment."},
    {IncidentCategory::denial_of_service, Severity::medium, Severity::critical, "DDoS attack on the customer portal",
        "The customer portal was unreachable for customers during a volumetric attack.", "Customer portal", none, none,
        high, "8.20, 8.14, 5.30", "DDoS protection switched to always-on, attack traffic filtered at the edge.",
        "The portal was not behind the CDN's protection after a DNS change.",
        "Every DNS change needs a check that the protection still applies."},
    {IncidentCategory::denial_of_service, Severity::low, Severity::medium, "API slowdown from abusive client traffic",
        "One client integration sent 50 times its usual request rate to the public API.", "Public API", none, none,
        medium, "8.6, 8.20", "Client key throttled, per-client rate limits deployed.",
        "The public API had no per-client rate limits.", "Capacity limits per client protect every other client."},
    {IncidentCategory::loss_or_theft, Severity::low, Severity::medium, "Laptop stolen from a car",
        "A {dept} laptop was stolen from a parked car during a customer visit.", "Laptop (encrypted)", low, none, low,
        "7.9, 8.1, 8.24", "Device wiped remotely, disk encryption confirmed, police report filed.",
        "The laptop was left visible in a parked car.",
        "Disk encryption made this a minor incident; travel rules reminded to all staff."},
    {IncidentCategory::loss_or_theft, Severity::low, Severity::low, "Phone with company email lost",
        "A {dept} employee lost a phone with company email while travelling.", "Mobile phone", low, none, none,
        "8.1, 6.7", "Phone wiped through device management.", "Lost while travelling.",
        "Every phone with company data must be enrolled in device management."},
    {IncidentCategory::misconfiguration, Severity::medium, Severity::high, "Firewall change exposed a database port",
        "An emergency firewall change opened the reporting database port to the internet for two days.",
        "Reporting database server", medium, medium, low, "8.20, 8.32, 8.9",
        "Rule reverted, database logs reviewed: no connections from outside.",
        "The change was made without peer review during an outage.",
        "Emergency changes still need a second pair of eyes, afterwards at the latest."},
    {IncidentCategory::misconfiguration, Severity::low, Severity::high, "Backup job failed silently for two weeks",
        "The ERP backup job failed every night for two weeks without anyone noticing.", "Backup system, ERP data", none,
        low, medium, "8.13, 8.16", "Job fixed, full backup taken, alerting routed to the on-call engineer.",
        "Backup alerts went to a shared mailbox that nobody read.", "Every alert needs a named owner."},
    {IncidentCategory::policy_violation, Severity::low, Severity::medium,
        "Customer data copied to a personal cloud drive",
        "A {dept} employee copied customer contracts to a personal cloud drive to work from home.",
        "Customer contracts", medium, none, none, "5.10, 8.12, 6.4",
        "Files deleted with the employee's confirmation, HR informed.",
        "The employee wanted to work from home on a private PC.",
        "Remote access must be easy enough that people do not work around it."},
    {IncidentCategory::policy_violation, Severity::low, Severity::medium, "Shared admin password found in the wiki",
        "The admin password of the network switches was found on a wiki page readable by {dept}.",
        "Internal wiki, network switches", medium, low, none, "5.17, 8.2, 8.5",
        "Password changed, page cleaned, page history purged.", "The network team had no password manager.",
        "A team password vault removes the need to share passwords in documents."},
    {IncidentCategory::supplier, Severity::medium, Severity::high, "Security incident at the payroll provider",
        "The payroll provider reported unauthorised access to its systems, including our payroll data.",
        "Payroll data (personal data)", high, none, low, "5.19, 5.20, 5.22",
        "Provider's report obtained, affected staff informed, the DPO assessed the duty to notify.",
        "A compromised account at the provider; outside our own control.",
        "Supplier contracts need a notification deadline and a named security contact."},
    {IncidentCategory::supplier, Severity::medium, Severity::critical, "Outage of the hosting provider's region",
        "The hosting provider's primary region failed; the customer platform was down until failover.",
        "Customer platform", none, low, high, "5.30, 8.14, 5.23", "Failover to the second region, then back.",
        "Power failure in the provider's data centre.",
        "The failover runbook worked; deciding to fail over was the slowest step."},
    {IncidentCategory::other, Severity::low, Severity::medium, "Visitor found unaccompanied in the office",
        "A visitor was found alone on the {dept} floor without a badge.", "Office", low, none, none, "7.2, 7.3",
        "Visitor escorted out, reception procedure reminded.", "The visitor tailgated through the side door.",
        "The side door opens by badge only; visitors are collected at reception."},
    {IncidentCategory::other, Severity::low, Severity::medium, "Confidential printouts left at a shared printer",
        "{dept} salary documents were left for hours at a shared printer.", "HR documents", medium, none, none,
        "7.7, 5.12", "Documents returned to HR; secure print release enabled.",
        "Print jobs were released without a badge.", "Secure print release on every shared printer."},
}};

std::string fill(std::string_view text, std::string_view department)
{
    std::string out(text);
    if (auto pos = out.find("{dept}"); pos != std::string::npos)
        out.replace(pos, 6, department);
    return out;
}

CiaImpact shift(CiaImpact impact, Severity severity)
{
    int level = static_cast<int>(impact);
    if (level == 0)
        return impact;
    if (severity == Severity::low)
        level = std::max(1, level - 1);
    if (severity == Severity::critical)
        level = std::min(3, level + 1);
    return static_cast<CiaImpact>(level);
}

Timestamp hours_after(Timestamp at, double hours)
{
    return at + std::chrono::seconds(static_cast<std::int64_t>(hours * 3600.0));
}

} // namespace

Result<void> create_incidents(Tx& tx, World& world)
{
    Random random(world.options.seed, "incidents");
    const auto& spec = incident_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    AssetBook assets(tx, world);
    auto total = world.volume(60);
    for (std::int64_t index = 0; index < total; ++index) {
        auto category_index = random.weighted({28, 10, 9, 5, 6, 10, 12, 9, 5, 6});
        const auto& pattern = templates[2 * category_index + random.below(2)];
        // Severity weights low 40, medium 38, high 17, critical 5, within what the kind of incident can reach.
        constexpr int weights[] = {0, 40, 38, 17, 5};
        int sum = 0;
        for (int candidate = static_cast<int>(pattern.lowest); candidate <= static_cast<int>(pattern.highest);
             ++candidate)
            sum += weights[candidate];
        int roll = random.between(0, sum - 1), level = static_cast<int>(pattern.lowest);
        for (; roll >= weights[level]; ++level)
            roll -= weights[level];
        auto severity = static_cast<Severity>(level);
        bool severe = is_severe(severity);
        const auto& department = random.pick(world.staff.departments);

        Incident incident;
        incident.title = std::string(pattern.title);
        incident.description = fill(pattern.description, department);
        incident.severity = severity;
        incident.category = pattern.category;
        incident.owner = severe && random.chance(0.5) ? world.staff.iso : random.pick(world.staff.it);
        incident.detected_at = world.moment_between(random, world.start + std::chrono::days(1), world.now);
        if (random.chance(0.85))
            incident.occurred_at = hours_after(incident.detected_at, -random.log_uniform(0.1, severe ? 24 : 72));
        incident.affected_assets = std::string(pattern.assets);
        incident.asset = C9_TRY(assets.id(first_asset(pattern.assets), incident.detected_at));
        incident.impact_confidentiality = shift(pattern.confidentiality, severity);
        incident.impact_integrity = shift(pattern.integrity, severity);
        incident.impact_availability = shift(pattern.availability, severity);
        incident.controls = control_list(pattern.controls);
        auto created = world.capped(incident.detected_at + std::chrono::minutes(random.between(5, 45)));
        incident.created_at = created;
        C9_TRY(check_generated(spec, incident, static_cast<const Incident*>(nullptr), world.at(created)));
        Incident initial = incident;

        // The rest of the timeline, cut at now; some recent incidents are still being handled.
        auto contained = hours_after(incident.detected_at, random.log_uniform(0.25, severe ? 8 : 24));
        auto resolved = hours_after(contained, random.log_uniform(1, 96));
        auto closed = resolved + std::chrono::hours(severe || random.chance(0.5) ? random.between(24, 21 * 24) : 1);
        bool recent = world.now - incident.detected_at < std::chrono::days(30);
        int stop = 3; // 0 open, 1 contained, 2 resolved, 3 closed
        if (recent && random.chance(0.6))
            stop = random.between(0, 1);
        else if (!severe && random.chance(0.05) && world.now - incident.detected_at < std::chrono::days(180))
            stop = 2; // resolved, review not closed yet
        auto last = created;
        if (stop >= 1 && contained <= world.now) {
            incident.contained_at = contained;
            incident.response = std::string(pattern.response);
            last = std::max(last, contained);
        }
        if (stop >= 2 && incident.contained_at && resolved <= world.now) {
            incident.resolved_at = resolved;
            last = std::max(last, resolved);
        }
        if (stop >= 3 && incident.resolved_at && closed <= world.now) {
            incident.closed_at = closed;
            last = std::max(last, closed);
            if (severe || random.chance(0.6))
                incident.root_cause = std::string(pattern.root_cause);
            if (severe || random.chance(0.35))
                incident.lessons_learned = std::string(pattern.lesson);
            incident.response_effectiveness = static_cast<Effectiveness>(random.weighted({70, 25, 5}));
        }
        C9_TRY(check_generated(spec, incident, &initial, world.at(last)));
        incident.id = C9_TRY(inserter.insert(values_of(spec, incident), world.stamp(created)));
        world.incidents.push_back({incident.id, severity, incident.category, incident.title,
            std::string(pattern.lesson), incident.detected_at, incident.occurred_at, incident.contained_at,
            incident.resolved_at, incident.closed_at, incident.lessons_learned.has_value()});
        world.advance(1, "incidents");
    }
    world.counts.incidents = total;
    return audit_created(tx, world, "incident", fmt::format("demo: created {} incidents", total));
}

} // namespace c9::demo
