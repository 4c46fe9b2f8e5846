// The CLI and the API are two front ends of the same use cases (app/), so the same request must have the same
// effect through either. One table of every create, update and verb of every register and every step of the
// meeting cycle runs twice from the same seeded data: through the real `clause9` binary on one database and through
// the real `clause9 serve` on another, both with the clock pinned. After each case both must agree on the outcome
// (success, invalid input, not found, conflict), and both databases must hold the same row, the same history of
// its changes and the same new audit trail entries; only who acted differs (cli:tester against the account).
#include "api_fixture.h"

#include <regex>

namespace c9::api_test {
namespace {

constexpr const char* pinned_now = "2026-06-15T10:00:00Z";

enum class Outcome { ok, invalid, not_found, conflict, other };

Outcome of_exit(int status)
{
    switch (status) {
    case 0: return Outcome::ok;
    case 2: return Outcome::invalid;
    case 3: return Outcome::not_found;
    case 4: return Outcome::conflict;
    default: return Outcome::other;
    }
}

Outcome of_http(int status)
{
    if (status >= 200 && status < 300)
        return Outcome::ok;
    if (status == 400 || status == 422)
        return Outcome::invalid;
    if (status == 404)
        return Outcome::not_found;
    if (status == 409 || status == 412)
        return Outcome::conflict;
    return Outcome::other;
}

const char* name_of(Outcome outcome)
{
    switch (outcome) {
    case Outcome::ok: return "ok";
    case Outcome::invalid: return "invalid";
    case Outcome::not_found: return "not found";
    case Outcome::conflict: return "conflict";
    case Outcome::other: return "other";
    }
    return "?";
}

// One request, as the CLI takes it and as the API takes it, and the row whose state both must then agree on.
struct ParityCase {
    std::string name;
    std::vector<std::string> cli;
    std::string method;
    std::string path; // under /api/v1
    Json body;
    std::string if_match; // PATCH: the version the row has at this point of the table
    Outcome expected;
    std::string noun;   // the CLI noun of the row to compare, or empty
    std::string plural; // its API collection
    std::string ref;    // the row, as both front ends name it
};

// The cases in order: later ones work on rows earlier ones made. Row numbers follow the fixture's seed (three
// people, two risks, one row of every other register, series SER-1 with meeting MTG-1).
std::vector<ParityCase> parity_cases()
{
    using O = Outcome;
    return {
        // People: create, update, an update to the same values, ids in every form.
        {"person add", {"person", "add", "--name", "Pat Parity", "--email", "pat@example.org", "--roles", "it"}, "POST",
            "/people", {{"name", "Pat Parity"}, {"email", "pat@example.org"}, {"roles", "it"}}, "", O::ok, "person",
            "people", "PER-4"},
        {"person update", {"person", "update", "PER-4", "--department", "IT"}, "PATCH", "/people/PER-4",
            {{"department", "IT"}}, "1", O::ok, "person", "people", "PER-4"},
        {"person update to the same value", {"person", "update", "pat@example.org", "--department", "IT"}, "PATCH",
            "/people/pat@example.org", {{"department", "IT"}}, "2", O::ok, "person", "people", "PER-4"},
        {"person with a taken email", {"person", "add", "--name", "Twin", "--email", "PAT@example.org"}, "POST",
            "/people", {{"name", "Twin"}, {"email", "PAT@example.org"}}, "", O::invalid, "", "", ""},

        // Risks: an owner by display id, a change of levels, the close verb and closing twice.
        {"risk add with an owner by display id",
            {"risk", "add", "--title", "Ransomware", "--owner", "PER-1", "--likelihood", "3", "--impact", "5"}, "POST",
            "/risks", {{"title", "Ransomware"}, {"owner", "PER-1"}, {"likelihood", 3}, {"impact", 5}}, "", O::ok,
            "risk", "risks", "RSK-3"},
        {"risk add with an unknown owner",
            {"risk", "add", "--title", "X", "--owner", "PER-99", "--likelihood", "1", "--impact", "1"}, "POST",
            "/risks", {{"title", "X"}, {"owner", "PER-99"}, {"likelihood", 1}, {"impact", 1}}, "", O::invalid, "", "",
            ""},
        {"risk update", {"risk", "update", "RSK-3", "--likelihood", "4", "--owner", "carl@example.org"}, "PATCH",
            "/risks/RSK-3", {{"likelihood", 4}, {"owner", "carl@example.org"}}, "1", O::ok, "risk", "risks", "RSK-3"},
        {"risk accepted by someone other than its owner", {"risk", "update", "RSK-3", "--accepted-by", "PER-1"},
            "PATCH", "/risks/RSK-3", {{"accepted_by", "PER-1"}}, "2", O::invalid, "", "", ""},
        {"risk acceptance recorded for its owner without a note",
            {"risk", "update", "RSK-3", "--accepted-by", "carl@example.org"}, "PATCH", "/risks/RSK-3",
            {{"accepted_by", "carl@example.org"}}, "2", O::invalid, "", "", ""},
        {"risk acceptance recorded for its owner with a note",
            {"risk", "update", "RSK-3", "--accepted-by", "carl@example.org", "--acceptance-note", "Accepted by email"},
            "PATCH", "/risks/RSK-3", {{"accepted_by", "carl@example.org"}, {"acceptance_note", "Accepted by email"}},
            "2", O::ok, "risk", "risks", "RSK-3"},
        // Assets: the inventory, and a risk that names its asset; an asset that does not exist is named at the field.
        {"asset add", {"asset", "add", "--name", "Payroll service", "--type", "service", "--owner", "PER-1",
                          "--confidentiality", "high"},
            "POST", "/assets",
            {{"name", "Payroll service"}, {"type", "service"}, {"owner", "PER-1"}, {"confidentiality", "high"}}, "",
            O::ok, "asset", "assets", "AST-2"},
        {"risk names its asset", {"risk", "update", "RSK-3", "--asset", "AST-2"}, "PATCH", "/risks/RSK-3",
            {{"asset", "AST-2"}}, "3", O::ok, "risk", "risks", "RSK-3"},
        {"risk names an asset that does not exist", {"risk", "update", "RSK-3", "--asset", "AST-99"}, "PATCH",
            "/risks/RSK-3", {{"asset", "AST-99"}}, "4", O::invalid, "", "", ""},
        {"asset retire", {"asset", "retire", "AST-2"}, "POST", "/assets/AST-2/retire", Json::object(), "", O::ok,
            "asset", "assets", "AST-2"},
        {"risk update of a row that does not exist", {"risk", "update", "RSK-99", "--title", "x"}, "PATCH",
            "/risks/RSK-99", {{"title", "x"}}, "1", O::not_found, "", "", ""},
        {"risk close", {"risk", "close", "RSK-3", "--description", "the system was retired"}, "POST",
            "/risks/RSK-3/close", {{"description", "the system was retired"}}, "", O::ok, "risk", "risks", "RSK-3"},
        {"risk close of a closed risk", {"risk", "close", "RSK-3"}, "POST", "/risks/RSK-3/close", Json::object(), "",
            O::conflict, "risk", "risks", "RSK-3"},

        // Vulnerabilities: close means closed, in the verb's states only.
        {"vuln add", {"vuln", "add", "--title", "OpenSSL", "--cvss", "9.8", "--owner", "mia@example.org"}, "POST",
            "/vulnerabilities", {{"title", "OpenSSL"}, {"cvss", 9.8}, {"owner", "mia@example.org"}}, "", O::ok, "vuln",
            "vulnerabilities", "VUL-2"},
        {"vuln close without options", {"vuln", "close", "VUL-2"}, "POST", "/vulnerabilities/VUL-2/close",
            Json::object(), "", O::ok, "vuln", "vulnerabilities", "VUL-2"},
        {"vuln add with a severity its score contradicts",
            {"vuln", "add", "--title", "OpenSSL", "--cvss", "9.8", "--severity", "low"}, "POST", "/vulnerabilities",
            {{"title", "OpenSSL"}, {"cvss", 9.8}, {"severity", "low"}}, "", O::invalid, "", "", ""},
        {"vuln add with an escape sequence in its title", {"vuln", "add", "--title", "Weak \x1b[2J TLS"}, "POST",
            "/vulnerabilities", {{"title", "Weak \x1b[2J TLS"}}, "", O::invalid, "", "", ""},
        {"vuln add another", {"vuln", "add", "--title", "Weak TLS", "--cvss", "5.3"}, "POST", "/vulnerabilities",
            {{"title", "Weak TLS"}, {"cvss", 5.3}}, "", O::ok, "vuln", "vulnerabilities", "VUL-3"},
        {"vuln close to a state that is not closed", {"vuln", "close", "VUL-3", "--status", "open"}, "POST",
            "/vulnerabilities/VUL-3/close", {{"status", "open"}}, "", O::invalid, "vuln", "vulnerabilities", "VUL-3"},
        {"vuln close as a false positive",
            {"vuln", "close", "VUL-3", "--status", "false_positive", "--resolution", "the scanner misread a banner"},
            "POST", "/vulnerabilities/VUL-3/close",
            {{"status", "false_positive"}, {"resolution", "the scanner misread a banner"}}, "", O::ok, "vuln",
            "vulnerabilities", "VUL-3"},

        // Incidents: closing a high one needs its review.
        {"incident add",
            {"incident", "add", "--title", "Laptop stolen", "--severity", "high", "--detected-at", "2026-06-14T08:00Z"},
            "POST", "/incidents",
            {{"title", "Laptop stolen"}, {"severity", "high"}, {"detected_at", "2026-06-14T08:00Z"}}, "", O::ok,
            "incident", "incidents", "INC-2"},
        {"incident close without its review", {"incident", "close", "INC-2"}, "POST", "/incidents/INC-2/close",
            Json::object(), "", O::invalid, "incident", "incidents", "INC-2"},
        {"incident close",
            {"incident", "close", "INC-2", "--root-cause", "left in a car", "--lessons-learned", "encrypt disks"},
            "POST", "/incidents/INC-2/close", {{"root_cause", "left in a car"}, {"lessons_learned", "encrypt disks"}},
            "", O::ok, "incident", "incidents", "INC-2"},

        // Nonconformities.
        {"nc add", {"nc", "add", "--title", "Access review skipped", "--owner", "PER-1"}, "POST", "/nonconformities",
            {{"title", "Access review skipped"}, {"owner", "PER-1"}}, "", O::ok, "nc", "nonconformities", "NC-2"},
        {"nc update", {"nc", "update", "NC-2", "--grade", "minor"}, "PATCH", "/nonconformities/NC-2",
            {{"grade", "minor"}}, "1", O::ok, "nc", "nonconformities", "NC-2"},
        {"nc close",
            {"nc", "close", "NC-2", "--root-cause", "no owner", "--corrective-action", "quarterly review",
                "--effectiveness-check", "done twice", "--effective", "yes"},
            "POST", "/nonconformities/NC-2/close",
            {{"root_cause", "no owner"}, {"corrective_action", "quarterly review"},
                {"effectiveness_check", "done twice"}, {"effective", true}},
            "", O::ok, "nc", "nonconformities", "NC-2"},

        // KPIs and their measurements.
        {"kpi add",
            {"kpi", "add", "--name", "Phishing click rate", "--target", "5", "--amber", "10", "--direction",
                "lower_is_better"},
            "POST", "/kpis",
            {{"name", "Phishing click rate"}, {"target", 5}, {"amber", 10}, {"direction", "lower_is_better"}}, "",
            O::ok, "kpi", "kpis", "KPI-2"},
        {"kpi update", {"kpi", "update", "KPI-2", "--unit", "%"}, "PATCH", "/kpis/KPI-2", {{"unit", "%"}}, "1", O::ok,
            "kpi", "kpis", "KPI-2"},
        {"kpi measure", {"kpi", "measure", "KPI-2", "--period", "2026-05", "--value", "7.5"}, "POST",
            "/kpis/KPI-2/measurements", {{"period", "2026-05"}, {"value", 7.5}}, "", O::ok, "kpi", "kpis", "KPI-2"},
        {"kpi measure without a value", {"kpi", "measure", "KPI-2", "--period", "2026-04"}, "POST",
            "/kpis/KPI-2/measurements", {{"period", "2026-04"}}, "", O::invalid, "kpi", "kpis", "KPI-2"},

        // Maintenance activities and their completion log.
        {"activity add",
            {"activity", "add", "--title", "Restore test", "--recurrence", "quarterly", "--next-due", "2026-06-30",
                "--owner", "PER-1"},
            "POST", "/activities",
            {{"title", "Restore test"}, {"recurrence", "quarterly"}, {"next_due", "2026-06-30"}, {"owner", "PER-1"}},
            "", O::ok, "activity", "activities", "MNT-2"},
        {"activity complete", {"activity", "complete", "MNT-2", "--evidence", "ticket 4711", "--by", "PER-2"}, "POST",
            "/activities/MNT-2/completions", {{"evidence", "ticket 4711"}, {"by", "PER-2"}}, "", O::ok, "activity",
            "activities", "MNT-2"},
        {"activity complete with a failure and no note", {"activity", "complete", "MNT-2", "--result", "failed"},
            "POST", "/activities/MNT-2/completions", {{"result", "failed"}}, "", O::invalid, "activity", "activities",
            "MNT-2"},

        // Action items: origins that exist, done and cancel.
        {"action add with an origin that does not exist",
            {"action", "add", "--title", "Patch", "--owner", "PER-1", "--due", "2026-07-31", "--origin-type", "risk",
                "--origin-id", "999"},
            "POST", "/actions",
            {{"title", "Patch"}, {"owner", "PER-1"}, {"due", "2026-07-31"}, {"origin_type", "risk"},
                {"origin_id", 999}},
            "", O::invalid, "", "", ""},
        {"action add with an origin by display id",
            {"action", "add", "--title", "Patch", "--owner", "PER-1", "--due", "2026-07-31", "--origin-type", "risk",
                "--origin-id", "RSK-1"},
            "POST", "/actions",
            {{"title", "Patch"}, {"owner", "PER-1"}, {"due", "2026-07-31"}, {"origin_type", "risk"},
                {"origin_id", "RSK-1"}},
            "", O::ok, "action", "actions", "ACT-2"},
        {"action update", {"action", "update", "ACT-2", "--status", "in_progress", "--progress", "half the servers"},
            "PATCH", "/actions/ACT-2", {{"status", "in_progress"}, {"progress", "half the servers"}}, "1", O::ok,
            "action", "actions", "ACT-2"},
        {"action done", {"action", "done", "ACT-2", "--progress", "all servers"}, "POST", "/actions/ACT-2/done",
            {{"progress", "all servers"}}, "", O::ok, "action", "actions", "ACT-2"},
        {"action cancel of a done action", {"action", "cancel", "ACT-2"}, "POST", "/actions/ACT-2/cancel",
            Json::object(), "", O::conflict, "action", "actions", "ACT-2"},
        {"action cancel", {"action", "cancel", "ACT-1", "--progress", "replaced by ACT-2"}, "POST",
            "/actions/ACT-1/cancel", {{"progress", "replaced by ACT-2"}}, "", O::ok, "action", "actions", "ACT-1"},

        // Lessons, series and the Statement of Applicability.
        {"lesson add", {"lesson", "add", "--title", "Keep spare laptops", "--incident", "INC-2"}, "POST", "/lessons",
            {{"title", "Keep spare laptops"}, {"incident", "INC-2"}}, "", O::ok, "lesson", "lessons", "LL-2"},
        {"lesson add naming an incident that does not exist", {"lesson", "add", "--title", "x", "--incident", "INC-99"},
            "POST", "/lessons", {{"title", "x"}, {"incident", "INC-99"}}, "", O::invalid, "", "", ""},
        {"series update", {"series", "update", "SER-1", "--quorum", "2"}, "PATCH", "/meeting-series/SER-1",
            {{"quorum", 2}}, "1", O::ok, "series", "meeting-series", "SER-1"},
        {"control update by Annex A id",
            {"control", "update", "A.5.2", "--applicable", "yes", "--status", "planned", "--owner", "PER-2"}, "PATCH",
            "/controls/A.5.2", {{"applicable", true}, {"status", "planned"}, {"owner", "PER-2"}}, "1", O::ok, "control",
            "controls", "5.2"},

        // Standing members of a series.
        {"series member add", {"series", "member", "add", "SER-1", "--person", "PER-4"}, "POST",
            "/meeting-series/SER-1/members", {{"person", "PER-4"}}, "", O::ok, "series", "meeting-series", "SER-1"},
        {"series member add as guest", {"series", "member", "add", "SER-1", "--person", "PER-4", "--role", "guest"},
            "POST", "/meeting-series/SER-1/members", {{"person", "PER-4"}, {"role", "guest"}}, "", O::invalid, "series",
            "meeting-series", "SER-1"},
        {"series member add of nobody", {"series", "member", "add", "SER-1", "--person", "PER-99"}, "POST",
            "/meeting-series/SER-1/members", {{"person", "PER-99"}}, "", O::invalid, "series", "meeting-series",
            "SER-1"},
        {"series member remove", {"series", "member", "remove", "SER-1", "--person", "pat@example.org"}, "DELETE",
            "/meeting-series/SER-1/members/pat@example.org", Json(), "", O::ok, "series", "meeting-series", "SER-1"},
        {"series member remove of a non-member", {"series", "member", "remove", "SER-1", "--person", "PER-4"}, "DELETE",
            "/meeting-series/SER-1/members/PER-4", Json(), "", O::not_found, "series", "meeting-series", "SER-1"},
        {"series member add again, as minute taker",
            {"series", "member", "add", "SER-1", "--person", "PER-4", "--role", "minute_taker"}, "POST",
            "/meeting-series/SER-1/members", {{"person", "PER-4"}, {"role", "minute_taker"}}, "", O::ok, "series",
            "meeting-series", "SER-1"},

        // The meeting cycle.
        {"meeting plan", {"meeting", "plan", "--series", "SER-1", "--at", "2026-06-20T09:00Z"}, "POST",
            "/meeting-series/SER-1/meetings", {{"starts_at", "2026-06-20T09:00:00Z"}}, "", O::ok, "meeting", "meetings",
            "MTG-2"},
        {"meeting attend", {"meeting", "attend", "MTG-2", "PER-3", "--presence", "invited", "--role", "guest"}, "POST",
            "/meetings/MTG-2/attendance", {{"person", "PER-3"}, {"presence", "invited"}, {"role", "guest"}}, "", O::ok,
            "meeting", "meetings", "MTG-2"},
        {"agenda add", {"agenda", "add", "MTG-2", "--title", "Budget for the pentest", "--timebox-minutes", "15"},
            "POST", "/meetings/MTG-2/agenda/items", {{"title", "Budget for the pentest"}, {"timebox_minutes", 15}}, "",
            O::ok, "meeting", "meetings", "MTG-2"},
        {"meeting current before the start", {"meeting", "current", "MTG-2", "--item", "{item}"}, "PUT",
            "/meetings/MTG-2/current", {{"item", "{item}"}}, "", O::conflict, "meeting", "meetings", "MTG-2"},
        {"meeting start", {"meeting", "start", "MTG-2"}, "POST", "/meetings/MTG-2/start", Json::object(), "", O::ok,
            "meeting", "meetings", "MTG-2"},
        {"meeting start twice", {"meeting", "start", "MTG-2"}, "POST", "/meetings/MTG-2/start", Json::object(), "",
            O::conflict, "meeting", "meetings", "MTG-2"},
        // The room's current item (live meetings): an item of another meeting is not found; this one is.
        {"meeting current, an unknown item", {"meeting", "current", "MTG-2", "--item", "AI-99999"}, "PUT",
            "/meetings/MTG-2/current", {{"item", "AI-99999"}}, "", O::not_found, "meeting", "meetings", "MTG-2"},
        {"meeting current", {"meeting", "current", "MTG-2", "--item", "{item}"}, "PUT", "/meetings/MTG-2/current",
            {{"item", "{item}"}}, "", O::ok, "meeting", "meetings", "MTG-2"},
        {"meeting note", {"meeting", "note", "MTG-2", "--item", "{item}", "--text", "approved, 20k"}, "POST",
            "/meetings/MTG-2/agenda/items/{item}/notes", {{"notes", "approved, 20k"}}, "", O::ok, "meeting", "meetings",
            "MTG-2"},
        {"meeting decide",
            {"meeting", "decide", "MTG-2", "--text", "Order the pentest", "--type", "resource", "--rationale",
                "required by the customer"},
            "POST", "/meetings/MTG-2/decisions",
            {{"text", "Order the pentest"}, {"type", "resource"}, {"rationale", "required by the customer"}}, "", O::ok,
            "meeting", "meetings", "MTG-2"},
        {"meeting act", {"meeting", "act", "MTG-2", "--title", "Ask three vendors", "--owner", "PER-2"}, "POST",
            "/meetings/MTG-2/actions", {{"title", "Ask three vendors"}, {"owner", "PER-2"}}, "", O::ok, "action",
            "actions", "ACT-3"},
        {"meeting lesson", {"meeting", "lesson", "MTG-2", "--title", "Plan budgets a quarter ahead"}, "POST",
            "/meetings/MTG-2/lessons", {{"title", "Plan budgets a quarter ahead"}}, "", O::ok, "lesson", "lessons",
            "LL-3"},
        {"meeting close", {"meeting", "close", "MTG-2"}, "POST", "/meetings/MTG-2/close", Json::object(), "", O::ok,
            "meeting", "meetings", "MTG-2"},
        {"meeting approve", {"meeting", "approve", "MTG-2", "--by", "carl@example.org"}, "POST",
            "/meetings/MTG-2/approve", {{"by", "carl@example.org"}}, "", O::ok, "meeting", "meetings", "MTG-2"},
        {"meeting update after approval", {"meeting", "update", "MTG-2", "--location", "Room 2"}, "PATCH",
            "/meetings/MTG-2", {{"location", "Room 2"}}, "5", O::conflict, "meeting", "meetings", "MTG-2"},
        {"meeting plan in the past", {"meeting", "plan", "--series", "SER-1", "--at", "2026-06-01T09:00Z"}, "POST",
            "/meeting-series/SER-1/meetings", {{"starts_at", "2026-06-01T09:00:00Z"}}, "", O::invalid, "", "", ""},
        {"meeting plan to cancel", {"meeting", "plan", "--series", "SER-1", "--at", "2026-07-20T09:00Z"}, "POST",
            "/meeting-series/SER-1/meetings", {{"starts_at", "2026-07-20T09:00:00Z"}}, "", O::ok, "meeting", "meetings",
            "MTG-3"},
        {"meeting move", {"meeting", "update", "MTG-3", "--starts-at", "2026-07-21T09:00:00Z"}, "PATCH",
            "/meetings/MTG-3", {{"starts_at", "2026-07-21T09:00:00Z"}}, "1", O::ok, "meeting", "meetings", "MTG-3"},
        {"meeting move into the past", {"meeting", "update", "MTG-3", "--starts-at", "2026-06-01T09:00:00Z"}, "PATCH",
            "/meetings/MTG-3", {{"starts_at", "2026-06-01T09:00:00Z"}}, "2", O::invalid, "meeting", "meetings",
            "MTG-3"},
        // Proposals from the invitees, accepted or declined by the chair.
        {"agenda propose",
            {"agenda", "propose", "MTG-3", "--title", "Rotate the VPN keys", "--kind", "suggestion", "--source",
                "RSK-1", "--by", "PER-4"},
            "POST", "/meetings/MTG-3/proposals",
            {{"title", "Rotate the VPN keys"}, {"kind", "suggestion"}, {"sources", "RSK-1"}, {"proposed_by", "PER-4"}},
            "", O::ok, "meeting", "meetings", "MTG-3"},
        {"agenda propose by someone not invited", {"agenda", "propose", "MTG-3", "--title", "x", "--by", "PER-3"},
            "POST", "/meetings/MTG-3/proposals", {{"title", "x"}, {"kind", "concern"}, {"proposed_by", "PER-3"}}, "",
            O::invalid, "meeting", "meetings", "MTG-3"},
        {"agenda propose of a kind that does not exist",
            {"agenda", "propose", "MTG-3", "--title", "x", "--kind", "complaint", "--by", "PER-4"}, "POST",
            "/meetings/MTG-3/proposals", {{"title", "x"}, {"kind", "complaint"}, {"proposed_by", "PER-4"}}, "",
            O::invalid, "meeting", "meetings", "MTG-3"},
        {"agenda accept", {"agenda", "accept", "MTG-3", "--proposal", "PRP-1", "--section", "risks"}, "POST",
            "/meetings/MTG-3/proposals/PRP-1/accept", {{"section", "risks"}}, "", O::ok, "meeting", "meetings",
            "MTG-3"},
        {"agenda accept twice", {"agenda", "accept", "MTG-3", "--proposal", "1"}, "POST",
            "/meetings/MTG-3/proposals/1/accept", Json::object(), "", O::conflict, "meeting", "meetings", "MTG-3"},
        {"agenda propose another", {"agenda", "propose", "MTG-3", "--title", "Canteen Wi-Fi", "--by", "PER-4"}, "POST",
            "/meetings/MTG-3/proposals", {{"title", "Canteen Wi-Fi"}, {"kind", "concern"}, {"proposed_by", "PER-4"}},
            "", O::ok, "meeting", "meetings", "MTG-3"},
        {"agenda decline with a blank reason", {"agenda", "decline", "MTG-3", "--proposal", "PRP-2", "--reason", " "},
            "POST", "/meetings/MTG-3/proposals/PRP-2/decline", {{"reason", " "}}, "", O::invalid, "meeting", "meetings",
            "MTG-3"},
        {"agenda decline", {"agenda", "decline", "MTG-3", "--proposal", "PRP-2", "--reason", "facilities handle it"},
            "POST", "/meetings/MTG-3/proposals/PRP-2/decline", {{"reason", "facilities handle it"}}, "", O::ok,
            "meeting", "meetings", "MTG-3"},
        {"agenda accept of a proposal of another meeting", {"agenda", "accept", "MTG-2", "--proposal", "PRP-2"}, "POST",
            "/meetings/MTG-2/proposals/PRP-2/accept", Json::object(), "", O::not_found, "meeting", "meetings", "MTG-2"},
        {"meeting cancel without a reason", {"meeting", "cancel", "MTG-3"}, "POST", "/meetings/MTG-3/cancel",
            Json::object(), "", O::invalid, "meeting", "meetings", "MTG-3"},
        {"meeting cancel", {"meeting", "cancel", "MTG-3", "--cancel-reason", "the chair is ill"}, "POST",
            "/meetings/MTG-3/cancel", {{"cancel_reason", "the chair is ill"}}, "", O::ok, "meeting", "meetings",
            "MTG-3"},
        {"meeting cancel twice", {"meeting", "cancel", "MTG-3", "--cancel-reason", "again"}, "POST",
            "/meetings/MTG-3/cancel", {{"cancel_reason", "again"}}, "", O::conflict, "meeting", "meetings", "MTG-3"},
    };
}

// A row and its history as both front ends show them, without who made the changes. An approved meeting records
// the audit trail's head hash, which covers the actors' names, so it differs too.
Json without_actors(Json row)
{
    for (auto key : {"created_by", "updated_by", "audit_head"})
        row.erase(key);
    if (row.contains("history"))
        for (auto& entry : row["history"]) {
            entry.erase("actor");
            if (entry["field"] == "audit_head")
                entry["new"] = "(the head of a chain that names the actors)";
        }
    return row;
}

Json audit_entries_since(Json entries, std::int64_t seq)
{
    Json out = Json::array();
    for (const auto& entry : entries)
        if (entry["seq"].get<std::int64_t>() > seq)
            out.push_back(
                Json{{"action", entry["action"]}, {"entity", entry["entity"]}, {"entity_id", entry["entity_id"]},
                    {"summary", entry["summary"]}});
    return out;
}

class Parity : public ApiTest {
protected:
    void SetUp() override
    {
        // Both databases are seeded at the same moment as the runs, so they hold the same rows.
        setenv("CLAUSE9_NOW", pinned_now, 1);
        ApiTest::SetUp();
        m_cli_database = std::make_unique<test::TestDatabase>();
        Seed cli_seed;
        seed_database(m_cli_database->store(), cli_seed);
    }
    std::string server_now() const override { return pinned_now; }

    test::Run cli(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", m_cli_database->url()});
        return test::run_clause9(args, work_dir(), pinned_now);
    }
    Json cli_json(std::vector<std::string> args)
    {
        args.insert(args.begin(), "--json");
        auto run = cli(args);
        EXPECT_EQ(run.status, 0) << run.err;
        return Json::parse(run.out, nullptr, false);
    }
    Reply api(const std::string& method, const std::string& path, const Json& body, const std::string& if_match)
    {
        std::vector<std::string> headers;
        if (!if_match.empty())
            headers.push_back("If-Match: \"" + if_match + "\"");
        return request(method, "/api/v1" + path, As::admin, method == "GET" || method == "DELETE" ? std::optional<Json>{} : body, headers);
    }

    // The newest audit entry's sequence number on each side.
    std::pair<std::int64_t, std::int64_t> audit_heads()
    {
        auto cli_head = cli_json({"audit", "list", "--limit", "1"});
        auto api_head = get("/api/v1/audit?limit=1").json();
        return {cli_head.at(0)["seq"].get<std::int64_t>(), api_head["items"].at(0)["seq"].get<std::int64_t>()};
    }

    // The agenda item the meeting cases name: the first one on MTG-2's agenda, the same on both sides.
    std::string first_item()
    {
        auto agenda = cli_json({"agenda", "MTG-2"});
        return "AI-" + std::to_string(agenda["sections"].at(0)["items"].at(0)["id"].get<std::int64_t>());
    }

    std::unique_ptr<test::TestDatabase> m_cli_database;
};

std::string with_item(std::string text, const std::string& item)
{
    return std::regex_replace(text, std::regex(R"(\{item\})"), item);
}

TEST_F(Parity, EveryCreateUpdateAndVerbHasTheSameEffectThroughTheCliAndTheApi)
{
    for (auto parity_case : parity_cases()) {
        SCOPED_TRACE(parity_case.name);
        bool names_item = parity_case.path.find("{item}") != std::string::npos
            || std::any_of(
                parity_case.cli.begin(), parity_case.cli.end(), [](const std::string& arg) { return arg == "{item}"; })
            || (parity_case.body.is_object() && parity_case.body.contains("item")
                && parity_case.body["item"] == "{item}");
        if (names_item) {
            // Reading a planned meeting's agenda refreshes it, a write: read it on both sides so they stay alike.
            auto item = first_item();
            ASSERT_EQ(get("/api/v1/meetings/MTG-2/agenda").status, 200);
            parity_case.path = with_item(parity_case.path, item);
            for (auto& arg : parity_case.cli)
                arg = with_item(arg, item);
            if (parity_case.body.is_object() && parity_case.body.contains("item"))
                parity_case.body["item"] = item;
        }
        auto [cli_before, api_before] = audit_heads();
        ASSERT_EQ(cli_before, api_before) << "the two databases drifted apart before this case";

        auto by_cli = cli(parity_case.cli);
        auto by_api = api(parity_case.method, parity_case.path, parity_case.body, parity_case.if_match);
        EXPECT_EQ(name_of(of_exit(by_cli.status)), name_of(parity_case.expected)) << by_cli.err;
        EXPECT_EQ(name_of(of_http(by_api.status)), name_of(parity_case.expected)) << by_api.describe();
        // A refusal names the same field on both sides.
        if (parity_case.expected == Outcome::invalid && by_api.json().contains("errors")) {
            auto field = by_api.json()["errors"].at(0)["field"].get<std::string>();
            EXPECT_NE(by_cli.err.find(field), std::string::npos) << by_cli.err << " does not name " << field;
        }

        if (!parity_case.noun.empty()) {
            auto cli_row = without_actors(cli_json({parity_case.noun, "show", parity_case.ref}));
            auto api_row = get("/api/v1/" + parity_case.plural + "/" + parity_case.ref).json();
            api_row["history"] = get("/api/v1/" + parity_case.plural + "/" + parity_case.ref + "/history").json()["items"];
            api_row["linked"] = get("/api/v1/" + parity_case.plural + "/" + parity_case.ref + "/links").json()["items"];
            EXPECT_EQ(cli_row.dump(2), without_actors(api_row).dump(2));
        }
        auto cli_audit = audit_entries_since(cli_json({"audit", "list", "--limit", "50"}), cli_before);
        auto api_audit = audit_entries_since(get("/api/v1/audit?limit=50").json()["items"], api_before);
        EXPECT_EQ(cli_audit.dump(2), api_audit.dump(2));
        if (parity_case.expected != Outcome::ok) {
            EXPECT_TRUE(cli_audit.empty()) << "a refused request changes nothing: " << cli_audit.dump();
        }
    }
}

// Reads agree too: a filter naming a person by display id or email, on both sides.
TEST_F(Parity, FiltersTakeRowsInEveryFormThePeopleSee)
{
    for (std::string owner : {"PER-1", "1", "mia@example.org"}) {
        SCOPED_TRACE(owner);
        auto by_cli = cli_json({"action", "list", "--owner", owner});
        auto by_api = get("/api/v1/actions?owner=" + owner);
        ASSERT_EQ(by_api.status, 200) << by_api.describe();
        ASSERT_EQ(by_cli.size(), 1u);
        EXPECT_EQ(by_cli.size(), by_api.json()["items"].size());
        EXPECT_EQ(by_cli[0]["ref"], by_api.json()["items"][0]["ref"]);
    }
    auto by_cli = cli({"action", "list", "--owner", "PER-99"});
    auto by_api = get("/api/v1/actions?owner=PER-99");
    EXPECT_EQ(by_cli.status, 2) << by_cli.err;
    EXPECT_EQ(by_api.status, 422) << by_api.describe();
    EXPECT_NE(by_cli.err.find("owner"), std::string::npos);
    EXPECT_EQ(by_api.json()["errors"][0]["field"], "owner");

    // The Statement of Applicability read the other way (6.1.3 d): the risks a control treats, by any form of its id.
    for (const auto& [title, controls] : {std::pair {"Lost laptops", "8.1, 8.13"}, std::pair {"Ransomware", "8.13"},
             std::pair {"Weak endpoint hardening", "8.1"}}) {
        ASSERT_EQ(cli({"risk", "add", "--title", title, "--owner", "PER-1", "--likelihood", "2", "--impact", "3",
                          "--controls", controls})
                      .status,
            0);
        ASSERT_EQ(post("/api/v1/risks",
                      {{"title", title}, {"owner", "PER-1"}, {"likelihood", 2}, {"impact", 3}, {"controls", controls}})
                      .status,
            201);
    }
    for (std::string control : {"8.13", "A.8.13", "8.13, 8.1"}) {
        SCOPED_TRACE(control);
        // --control and ?control= are the same filter, in the singular.
        std::string name = control == "A.8.13" ? "control" : "controls";
        auto risks_cli = cli_json({"risk", "list", "--" + name, control});
        auto risks_api = get("/api/v1/risks?" + name + "=" + std::regex_replace(control, std::regex(" "), "%20"));
        ASSERT_EQ(risks_api.status, 200) << risks_api.describe();
        std::vector<std::string> titles_cli, titles_api;
        for (const auto& row : risks_cli)
            titles_cli.push_back(row["title"]);
        auto listed = risks_api.json();
        for (const auto& row : listed["items"])
            titles_api.push_back(row["title"]);
        EXPECT_EQ(titles_cli, titles_api);
        // 8.1 never matches 8.13: the list is matched item by item.
        std::vector<std::string> expected {"Lost laptops", "Ransomware"};
        if (control == "8.13, 8.1")
            expected = {"Lost laptops"};
        EXPECT_EQ(titles_cli, expected);
    }
    // ... and on the control's own page and in the Statement of Applicability, the same through both.
    auto linked = get("/api/v1/controls/A.8.13/links");
    ASSERT_EQ(linked.status, 200) << linked.describe();
    auto linked_items = linked.json()["items"];
    EXPECT_EQ(cli_json({"control", "show", "8.13"})["linked"], linked_items);
    std::vector<std::string> linked_titles;
    for (const auto& row : linked_items) {
        EXPECT_EQ(row["field"], "controls");
        linked_titles.push_back(row["title"]);
    }
    EXPECT_EQ(linked_titles, (std::vector<std::string> {"Lost laptops", "Ransomware"}));
    auto soa = get("/api/v1/controls/soa");
    ASSERT_EQ(soa.status, 200) << soa.describe();
    auto soa_items = soa.json()["items"];
    EXPECT_EQ(cli_json({"control", "soa"}), soa_items);
    ASSERT_EQ(soa_items.size(), 93u);
    EXPECT_EQ(soa_items[0]["control"], "5.1");
    std::map<std::string, Json> by_code;
    for (const auto& line : soa_items)
        by_code[line["control"]] = line;
    EXPECT_EQ(by_code["8.13"]["risks"].size(), 2u);
    EXPECT_EQ(by_code["8.1"]["risks"].size(), 2u); // Lost laptops and Weak endpoint hardening, not Ransomware
    EXPECT_EQ(get("/api/v1/controls/9.99/links").status, 404);

    auto unknown_cli = cli({"risk", "list", "--controls", "9.99"});
    auto unknown_api = get("/api/v1/risks?controls=9.99");
    EXPECT_EQ(unknown_cli.status, 2) << unknown_cli.err;
    EXPECT_EQ(unknown_api.status, 422) << unknown_api.describe();
}

} // namespace
} // namespace c9::api_test
