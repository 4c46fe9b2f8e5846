// The demo's vulnerabilities (control 8.8): 300 a year per unit of --scale, found by the monthly scans and
// advisories, scored with CVSS (severity follows from the score), due by the SLA or a known-exploited due date.
// Most are remediated, mostly within the SLA; recent ones are open, some are overdue, a few are accepted or false
// positives. CVE ids have the right format but are synthetic: they do not describe the real entries.
#include "demo/demo.h"
#include "core/vulnerability.h"

#include <array>
#include <fmt/format.h>

namespace c9::demo {

namespace {

enum class AssetKind { web, app, db, windows, laptop, vpn, firewall, network, hypervisor, cluster, ci };

struct Product {
    std::string_view name;
    AssetKind kind;
};

constexpr std::array<Product, 24> products {{
    {"OpenSSL", AssetKind::web},
    {"OpenSSH", AssetKind::app},
    {"nginx", AssetKind::web},
    {"Apache HTTP Server", AssetKind::web},
    {"Apache Tomcat", AssetKind::app},
    {"PostgreSQL", AssetKind::db},
    {"Linux kernel", AssetKind::app},
    {"glibc", AssetKind::db},
    {"Node.js", AssetKind::app},
    {"Spring Framework", AssetKind::app},
    {"Windows Server", AssetKind::windows},
    {"Windows 11", AssetKind::laptop},
    {"Microsoft Office", AssetKind::laptop},
    {"Google Chrome", AssetKind::laptop},
    {"Mozilla Firefox", AssetKind::laptop},
    {"Zoom client", AssetKind::laptop},
    {"VPN appliance firmware", AssetKind::vpn},
    {"Firewall firmware", AssetKind::firewall},
    {"Switch firmware", AssetKind::network},
    {"VMware ESXi", AssetKind::hypervisor},
    {"containerd", AssetKind::cluster},
    {"Kubernetes API server", AssetKind::cluster},
    {"Jenkins", AssetKind::ci},
    {"GitLab", AssetKind::ci},
}};

// Flaws by severity band: critical, high, medium, low.
constexpr std::array<std::array<std::string_view, 4>, 4> flaws {{
    {"unauthenticated remote code execution", "authentication bypass", "remote code execution", "heap buffer overflow"},
    {"privilege escalation", "remote code execution", "SQL injection", "server-side request forgery"},
    {"denial of service", "information disclosure", "cross-site scripting", "path traversal"},
    {"information disclosure", "denial of service", "open redirect", "insecure default configuration"},
}};

// Scanner findings without a CVE, with their severity band.
struct Finding {
    std::string_view title;
    int band; // 0 critical ... 3 low
};

constexpr std::array<Finding, 8> findings {{
    {"Operating system past end of support", 0},
    {"Default credentials on the management interface", 1},
    {"SMB signing not required", 2},
    {"TLS 1.0 and 1.1 enabled", 2},
    {"Self-signed certificate on an internal service", 3},
    {"Weak SSH key exchange algorithms", 3},
    {"HTTP security headers missing", 3},
    {"Directory listing enabled", 2},
}};

std::string asset_name(AssetKind kind, Random& random, int scale)
{
    auto number = [&](int per_unit) { return random.between(1, per_unit * scale); };
    switch (kind) {
    // The hosts the risk register names by their business name are found by the scans under that name too, so an
    // asset's page shows its risks and its vulnerabilities together.
    case AssetKind::web: {
        int host = number(6);
        return host == 1 ? std::string("Customer portal") : fmt::format("web-{:02}.prod", host);
    }
    case AssetKind::app:
        return fmt::format("app-{:02}.prod", number(8));
    case AssetKind::db:
        return fmt::format("db-{:02}.prod", number(4));
    case AssetKind::windows:
        return std::string(random.pick(std::array {"dc-01", "dc-02", "File server", "ERP", "print-01"}));
    case AssetKind::laptop:
        return fmt::format("NW-L{:04}", number(40));
    case AssetKind::vpn:
        return "VPN gateway";
    case AssetKind::firewall:
        return fmt::format("fw-edge-{:02}", random.between(1, 2));
    case AssetKind::network:
        return fmt::format("sw-floor-{}", random.between(1, 4));
    case AssetKind::hypervisor:
        return fmt::format("esx-{:02}", number(3));
    case AssetKind::cluster:
        return fmt::format("k8s-node-{:02}", number(12));
    case AssetKind::ci:
        return random.chance(0.5) ? "ci-01" : "gitlab-01";
    }
    return "unknown";
}

// A CVSS score with one decimal inside the band: critical 9.0-10.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9.
double cvss_in_band(int band, Random& random)
{
    constexpr int low_tenths[] = {90, 70, 40, 1};
    constexpr int high_tenths[] = {100, 89, 69, 39};
    return random.between(low_tenths[band], high_tenths[band]) / 10.0;
}

constexpr std::array<std::string_view, 4> fixes {"Updated to the fixed version.", "Vendor patch applied.",
    "Mitigated by a configuration change, then patched.", "Component removed; it was no longer needed."};

} // namespace

Result<void> create_vulnerabilities(Tx& tx, World& world)
{
    Random random(world.options.seed, "vulnerabilities");
    const auto& spec = vulnerability_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    AssetBook assets(tx, world);
    auto total = world.volume(300);
    long window_days = days_between(to_date(world.start), world.today);
    for (std::int64_t index = 0; index < total; ++index) {
        Vulnerability vuln;
        int band = static_cast<int>(random.weighted({8, 27, 45, 20}));
        AssetKind kind;
        bool has_cve = false;
        if (random.chance(0.15)) {
            const auto& finding = random.pick(findings);
            vuln.title = std::string(finding.title);
            band = finding.band;
            kind = static_cast<AssetKind>(random.below(11));
        } else {
            const auto& product = random.pick(products);
            vuln.title = fmt::format("{}: {}", product.name, random.pick(flaws[static_cast<std::size_t>(band)]));
            kind = product.kind;
            has_cve = true;
        }
        // Most findings come from the monthly scan early in the month; the rest from advisories at any time.
        Date discovered = add_days(to_date(world.start), random.between(1, static_cast<int>(window_days)));
        if (random.chance(0.7)) {
            Date scan = add_days(month_start(discovered), random.between(2, 6));
            if (scan <= world.today && scan > to_date(world.start))
                discovered = scan;
        }
        vuln.discovered = discovered;
        vuln.cvss = cvss_in_band(band, random);
        if (has_cve) {
            int year = static_cast<int>(std::chrono::year_month_day(discovered).year()) - random.between(0, 2);
            vuln.cve = fmt::format("CVE-{}-{}", year, random.between(1000, 52999));
        }
        vuln.scanner_id = fmt::format("VS-{:06}", 100000 + index * 7 + random.between(0, 6));
        vuln.asset = C9_TRY(assets.id(asset_name(kind, random, world.options.scale), start_of(discovered)));
        vuln.owner = random.pick(world.staff.it);
        if (band <= 1 && vuln.cve && random.chance(0.12)) {
            vuln.kev = true;
            vuln.kev_due = add_days(discovered, random.between(7, 21));
        }
        auto created = world.working_hours(random, discovered);
        vuln.created_at = created;
        C9_TRY(check_generated(spec, vuln, static_cast<const Vulnerability*>(nullptr), world.at(created)));
        Vulnerability initial = vuln;

        // How it ends: fixed within or after the SLA, accepted, a false positive, or stuck.
        int allowed = static_cast<int>(days_between(discovered, *vuln.due));
        auto outcome = random.weighted({82, 8, 3, 4, 3});
        // Only recent findings are still stuck; older ones were fixed late in the end (steady state over --years).
        if (outcome == 4 && days_between(discovered, world.today) > 180)
            outcome = 1;
        std::optional<Date> resolved;
        switch (outcome) {
        case 0:
            resolved = add_days(discovered, std::max(1, static_cast<int>(allowed * random.real(0.1, 1.0))));
            break;
        case 1:
            resolved = add_days(discovered, static_cast<int>(allowed * random.real(1.05, 1.8)) + 1);
            break;
        case 2:
            resolved = add_days(discovered, random.between(5, 30));
            break;
        case 3:
            resolved = add_days(discovered, random.between(1, 10));
            break;
        default:
            break; // still open
        }
        auto last = created;
        if (resolved && *resolved <= world.today) {
            vuln.status = outcome == 2 ? VulnStatus::risk_accepted
                : outcome == 3         ? VulnStatus::false_positive
                                       : VulnStatus::remediated;
            vuln.resolved_on = resolved;
            vuln.resolution = outcome == 2 ? std::string("Risk accepted by the system owner: the service is isolated "
                                                         "from the internet and replaced next quarter.")
                : outcome == 3             ? std::string("False positive: the vendor backported the fix; the "
                                                                     "installed package version was verified by hand.")
                                           : std::string(random.pick(fixes));
            last = std::max(created, world.working_hours(random, *resolved));
        } else if (days_between(discovered, world.today) > 7 && random.chance(0.5)) {
            vuln.status = VulnStatus::in_progress;
            last = std::max(created, world.working_hours(random, add_days(discovered, 7)));
        }
        C9_TRY(check_generated(spec, vuln, &initial, world.at(last)));
        vuln.id = C9_TRY(inserter.insert(values_of(spec, vuln), world.stamp(created)));
        world.vulnerabilities.push_back({vuln.id, discovered, vuln.due.value_or(discovered), vuln.resolved_on,
            vuln.severity, vuln.kev, vuln.status == VulnStatus::remediated});
        world.advance(1, "vulnerabilities");
    }
    world.counts.vulnerabilities = total;
    return audit_created(tx, world, "vulnerability", fmt::format("demo: created {} vulnerabilities", total));
}

} // namespace c9::demo
