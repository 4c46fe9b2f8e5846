// The demo's maintenance activities (ISO/IEC 27001:2022 9.1): 25 recurring tasks per unit of --scale, each run
// through its schedule with core's complete(), so the completion log and the next due dates follow the same rules
// as a completion entered by hand. Most are done on time, some late, a few found issues, and some are overdue now.
#include "demo/demo.h"
#include "core/activity.h"
#include "store/completions.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

enum class Doer { it, iso, hr, facilities };

struct ActivityTemplate {
    std::string_view title;
    std::string_view description;
    std::string_view recurrence;
    std::string_view controls;
    Doer doer;
    std::string_view issue; // what a completion with issues_found reports
};

constexpr std::array<ActivityTemplate, 25> templates {{
    {"Patch servers", "Apply vendor security updates to all production and office servers in the maintenance window.",
        "monthly", "8.8, 8.19", Doer::it, "Two database servers needed a second reboot window; patched a week later."},
    {"Patch laptops and workstations", "Check the device management console: OS and browser updates at 100%.",
        "monthly", "8.1, 8.8", Doer::it,
        "Six laptops were offline all month; owners reminded, updates forced on login."},
    {"User access review", "Department heads confirm every account and role in the HR, finance and CRM systems.",
        "quarterly", "5.15, 5.18, 8.3", Doer::iso,
        "Four accounts of people who changed team still had old rights; removed."},
    {"Privileged account review", "Review admin accounts in the cloud console, directory and databases.", "monthly",
        "8.2, 8.18", Doer::it, "A break-glass account had a password older than policy allows; rotated."},
    {"Backup restore test", "Restore a sample of files and one database from backup into the test environment.",
        "quarterly", "8.13", Doer::it,
        "The restore worked but took 5 hours against a 4 hour objective; runbook updated."},
    {"Check backup job reports", "Read the nightly backup reports and follow up every failed or partial job.", "weekly",
        "8.13", Doer::it, "One job failed twice because the target volume was full; capacity added."},
    {"Security log review", "Review SIEM alerts and the weekly summary of failed logins and admin actions.", "weekly",
        "8.15, 8.16", Doer::it, "Repeated failed logins from one country on the VPN; geo-blocking rule added."},
    {"Internal vulnerability scan",
        "Authenticated scan of all internal subnets and servers; findings go to the register.", "monthly", "8.8",
        Doer::it, "Scanner credentials had expired for one subnet; rescanned after the fix."},
    {"External penetration test", "Independent test of the internet-facing applications and the VPN.", "yearly",
        "8.8, 5.35", Doer::iso, "Two medium findings on the customer portal; entered as vulnerabilities."},
    {"Security awareness training", "Yearly training for all staff, with a short test; completion tracked by HR.",
        "yearly", "6.3", Doer::hr, "Completion reached 91% by the deadline; reminders sent to the rest."},
    {"Phishing simulation", "Send a simulated phishing campaign and follow up with the people who clicked.",
        "quarterly", "6.3, 8.7", Doer::iso, "Click rate of 12% in Sales; extra session scheduled for the team."},
    {"Firewall rule review", "Review every rule of the perimeter and cloud firewalls for need, owner and expiry.",
        "half-yearly", "8.20, 8.22", Doer::it, "Eleven temporary rules had no expiry date; seven removed, four dated."},
    {"Anti-malware coverage check", "Compare the endpoint protection console with the asset inventory.", "monthly",
        "8.7", Doer::it, "Three new laptops were missing the agent; installed."},
    {"Disaster recovery test", "Fail the customer platform over to the second region and back.", "yearly", "5.30, 8.14",
        Doer::it, "Failover worked; DNS change took longer than planned, TTLs lowered."},
    {"Supplier security review", "Review the security evidence of critical suppliers (certificates, reports).",
        "yearly", "5.19, 5.22", Doer::iso,
        "One supplier's ISO 27001 certificate had expired; renewal evidence requested."},
    {"Review information security policies", "Review the policy set for changes in law, business and risks.", "yearly",
        "5.1, 5.37", Doer::iso, "The remote working policy did not cover personal phones; revised."},
    {"Internal ISMS audit", "Audit programme of the year: clauses 4-10 and a third of Annex A (clause 9.2).", "yearly",
        "5.35, 5.36", Doer::iso, "Three minor nonconformities raised; see the nonconformity register."},
    {"Physical access log review", "Review badge access logs of the offices and the server room.", "quarterly",
        "7.1, 7.2, 7.4", Doer::facilities, "Two badges of leavers still worked; revoked, HR process reminded."},
    {"Leavers account removal check", "Compare HR leavers with active accounts in all systems.", "monthly", "5.18, 6.5",
        Doer::hr, "One leaver's CRM account was still active after 3 days; disabled."},
    {"Certificate expiry check", "List TLS certificates expiring within 60 days and renew them.", "monthly", "8.24",
        Doer::it, "A certificate on the staging API expired over the weekend; monitoring added."},
    {"Cloud configuration review", "Review the cloud security posture report and fix high findings.", "quarterly",
        "5.23, 8.9", Doer::it, "A storage bucket allowed public listing; access blocked, no data exposed."},
    {"Asset inventory reconciliation", "Reconcile the asset inventory with device management and purchasing.",
        "quarterly", "5.9, 5.11", Doer::it, "Five laptops of leavers not returned; HR following up."},
    {"Incident response tabletop exercise", "Walk through a ransomware scenario with IT, management and comms.",
        "half-yearly", "5.24, 5.26", Doer::iso, "Contact list for the cyber insurer was outdated; corrected."},
    {"Data retention and deletion review", "Check that data past its retention period is deleted (CRM, backups, HR).",
        "half-yearly", "8.10, 5.33", Doer::iso, "Old CRM exports found on a shared drive; deleted."},
    {"Threat intelligence review", "Read the national CERT bulletins and vendor advisories; act on what applies.",
        "monthly", "5.7", Doer::iso, "Advisory for the VPN appliance applied out of cycle."},
}};

constexpr std::array<std::string_view, 8> sites {
    "HQ", "Berlin", "Lyon", "Madrid", "Milan", "Warsaw", "Dublin", "Lisbon"};

Id doer_id(Doer doer, const Staff& staff, Random& random)
{
    switch (doer) {
    case Doer::it:
        return random.pick(staff.it);
    case Doer::iso:
        return staff.iso;
    case Doer::hr:
        return staff.hr.empty() ? staff.iso : random.pick(staff.hr);
    case Doer::facilities:
        return staff.facilities.empty() ? staff.iso : random.pick(staff.facilities);
    }
    return staff.iso;
}

} // namespace

Result<void> create_activities(Tx& tx, World& world)
{
    Random random(world.options.seed, "activities");
    const auto& spec = activity_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    int total = 25 * world.options.scale;
    for (int index = 0; index < total; ++index) {
        const auto& pattern = templates[static_cast<std::size_t>(index % 25)];
        int copy = index / 25;
        Activity activity;
        activity.title = std::string(pattern.title);
        if (copy > 0)
            activity.title += copy <= static_cast<int>(sites.size()) ? fmt::format(" ({})", sites[copy - 1])
                                                                     : fmt::format(" (site {})", copy + 1);
        activity.description = std::string(pattern.description);
        activity.owner = doer_id(pattern.doer, world.staff, random);
        activity.recurrence = std::string(pattern.recurrence);
        activity.controls = control_list(pattern.controls);
        auto created = world.working_hours(random, add_days(to_date(world.start), random.between(0, 20)));
        auto recurrence = *Recurrence::parse(pattern.recurrence);
        int period = recurrence.approximate_days();
        activity.next_due = add_days(to_date(created), random.between(std::min(3, period), period));
        activity.created_at = created;
        C9_TRY(check_generated(spec, activity, static_cast<const Activity*>(nullptr), world.at(created)));
        Activity initial = activity;

        std::vector<Completion> log;
        Timestamp last_change = created;
        while (activity.next_due <= world.today) {
            Date due = activity.next_due;
            Date done_on = due;
            auto roll = random.weighted({86, 8, 6});
            if (roll == 0)
                done_on = add_days(due, -random.between(0, std::min(5, period / 4)));
            else if (roll == 1)
                done_on = add_days(due, random.between(1, std::max(1, std::min(21, period / 2))));
            else if (days_between(due, world.today) < 30)
                break; // not done yet: overdue now
            else
                done_on = add_days(due, random.between(period / 2, period));
            done_on = std::max(done_on, to_date(created));
            if (done_on > world.today)
                break;
            auto when = world.working_hours(random, done_on);
            auto result = static_cast<ActivityResult>(random.weighted({90, 8, 2}));
            std::optional<std::string> note;
            if (result == ActivityResult::issues_found)
                note = std::string(pattern.issue);
            else if (result == ActivityResult::failed)
                note = "Could not be completed: the system owner was unavailable; repeated in the next cycle.";
            else if (random.chance(0.2))
                note = "Done as planned, nothing to report.";
            auto completion = C9_TRY(complete(activity, done_on, result, std::nullopt, note, world.at(when)));
            completion.done_by
                = random.chance(0.8) ? activity.owner : std::optional<Id>(doer_id(pattern.doer, world.staff, random));
            completion.recorded_by = world.caller.actor;
            world.completions.push_back({completion.due, done_on});
            log.push_back(std::move(completion));
            last_change = when;
        }
        if (activity.next_due < world.today)
            world.completions.push_back({activity.next_due, std::nullopt});
        C9_TRY(check_generated(spec, activity, &initial, world.at(last_change)));
        activity.id = C9_TRY(inserter.insert(values_of(spec, activity), world.stamp(created)));
        for (auto& completion : log) {
            completion.activity = activity.id;
            completion.evidence = fmt::format("https://wiki.northwind.example/isms/evidence/{}/{}",
                display_id(spec.prefix, activity.id), format_date(completion.done_on));
            C9_TRY(insert_completion(tx, completion));
        }
        world.counts.completions += static_cast<std::int64_t>(log.size());
        world.advance(1 + static_cast<std::int64_t>(log.size()), "maintenance activities");
    }
    world.counts.activities = total;
    return audit_created(tx, world, "activity",
        fmt::format("demo: created {} maintenance activities with {} completions", total, world.counts.completions));
}

} // namespace c9::demo
