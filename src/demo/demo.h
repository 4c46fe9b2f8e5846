// `clause9 demo`: a realistic demo organisation (Northwind) a new user can explore. Everything is dated relative to
// the caller's "now", so the demo always looks current: people and the Statement of Applicability, a year of
// maintenance, incidents, vulnerabilities and risk assessments, KPIs with their history, and a year of maintenance
// meetings and management reviews with the action items they raised.
//
// Register rows are generated in memory, checked with their register's derive() and validate() at the moment they
// were created and again at their last change, and written with one BulkInserter per table inside one transaction
// per register group. A row that fails its rules is a bug of the generator, so the demo stops with an internal error.
// The meetings are different: they are run through the meeting cycle (app/meetings.h) in date order, each step
// taken at the moment it happens, so the meetings' record can only be what the app allows (demo/meetings.cpp).
#pragma once

#include "app/caller.h"
#include "app/meeting_docs.h"
#include "core/asset.h"
#include "core/entity.h"
#include "core/incident.h"
#include "core/meeting.h"
#include "core/patch.h"
#include "core/rules.h"
#include "core/severity.h"
#include "store/store.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace c9 {

inline constexpr std::uint64_t default_demo_seed = 27001;

struct DemoOptions {
    int scale = 1; // multiplies people, activities, incidents, vulnerabilities, risks, actions, NCs and lessons
    int years = 1; // history length; time-based volumes keep their monthly rate
    std::uint64_t seed = default_demo_seed;
};

// What the demo wrote, per register and per side table.
struct DemoCounts {
    std::int64_t people = 0;
    std::int64_t controls = 0; // Statement of Applicability answers
    std::int64_t assets = 0;
    std::int64_t feedback = 0;
    std::int64_t activities = 0;
    std::int64_t completions = 0;
    std::int64_t incidents = 0;
    std::int64_t vulnerabilities = 0;
    std::int64_t risks = 0;
    std::int64_t risk_scores = 0;
    std::int64_t kpis = 0;
    std::int64_t measurements = 0;
    std::int64_t series = 0;
    std::int64_t meetings = 0;
    std::int64_t sealed_minutes = 0; // approved meetings, each with its minutes sealed
    std::int64_t attendance = 0;
    std::int64_t decisions = 0;
    std::int64_t actions = 0;
    std::int64_t nonconformities = 0;
    std::int64_t lessons = 0;
};

// Reports progress: rows written so far, the planned total (an estimate), and the register being written.
using DemoProgress = std::function<void(std::int64_t done, std::int64_t total, std::string_view stage)>;

Result<void> check_demo_options(const DemoOptions& options);

// Initialises the database (migrations, Annex A catalog) and fills it. Refuses, changing nothing, when the
// database already holds people or risks. Past meetings are approved through the meeting cycle's approve_meeting,
// so their minutes are sealed with the given renderers (the CLI passes export/'s).
Result<DemoCounts> create_demo(Store& store, const DemoOptions& options, const Caller& caller,
    const MinutesRenderers& renderers, const DemoProgress& progress = {});

// The rest is shared by the demo_*.cpp generators.
namespace demo {

// Deterministic pseudo-random numbers (xoshiro256**). Each register group draws from its own stream, derived from
// the seed and the group's name, so a change to one generator leaves the data of the others as it was.
class Random {
public:
    Random(std::uint64_t seed, std::string_view stream);
    std::uint64_t next();
    std::size_t below(std::size_t bound); // [0, bound)
    int between(int low, int high); // [low, high]
    double real(); // [0, 1)
    double real(double low, double high);
    bool chance(double probability);
    // Log-uniform in [low, high]: durations that are mostly short with a long tail.
    double log_uniform(double low, double high);
    // Index chosen with the given relative weights.
    std::size_t weighted(std::initializer_list<int> weights);
    template <class C> const auto& pick(const C& items) { return items[below(items.size())]; }

private:
    std::uint64_t m_state[4];
};

struct Staff {
    Id iso = 0;
    std::vector<Id> management;
    std::vector<Id> it;
    std::vector<Id> representatives; // department representatives
    std::vector<Id> risk_owners;
    std::vector<Id> hr;
    std::vector<Id> facilities;
    std::vector<Id> dpo;
    std::vector<std::string> departments;
};

// Facts the later generators and the KPI history need from the earlier ones.
struct IncidentFact {
    Id id = 0;
    Severity severity = Severity::low;
    IncidentCategory category = IncidentCategory::other;
    std::string title;
    std::string lesson; // what the post-incident review learned (whether or not the incident records it)
    Timestamp detected {};
    std::optional<Timestamp> occurred, contained, resolved, closed;
    bool has_lessons = false;
};

struct VulnFact {
    Id id = 0;
    Date discovered {};
    Date due {};
    std::optional<Date> resolved;
    Severity severity = Severity::low;
    bool kev = false;
    bool remediated = false; // resolved by a fix, not by acceptance or as a false positive
};

struct RiskStage {
    Timestamp at {};
    int score = 0; // current score: residual when assessed, else inherent
    bool treated = false; // a treatment has been decided
};

struct RiskFact {
    Id id = 0;
    Id owner = 0;
    Timestamp created {};
    std::vector<RiskStage> stages;
    std::optional<Date> accepted_on;
};

struct ControlStage {
    Timestamp at {};
    bool applicable = false;
    bool implemented = false;
};

struct MeetingFact {
    Id id = 0;
    Id series = 0;
    bool review = false; // management review, else maintenance meeting
    bool held = false;
    Timestamp starts {};
    Timestamp ended {};
    int invited = 0;
    int present = 0;
};

// A lesson learned that is recorded in the maintenance meeting following the incident review that drew it.
struct PendingLesson {
    Timestamp ready {};
    Patch fields;
};

struct DueFact {
    Date due {};
    std::optional<Date> done; // completed on (actions: done, not cancelled)
};

struct World {
    const DemoOptions& options;
    const Caller& caller;
    const MinutesRenderers& renderers;
    Timestamp now {};
    Date today {};
    Timestamp start {}; // now - years
    Rules rules; // the organisation's settings; now is set per row by at()

    Staff staff;
    std::vector<IncidentFact> incidents;
    std::vector<VulnFact> vulnerabilities;
    std::vector<RiskFact> risks;
    std::vector<std::vector<ControlStage>> controls;
    std::vector<MeetingFact> meetings;
    std::vector<PendingLesson> pending_lessons; // oldest first
    std::vector<DueFact> completions;
    std::vector<DueFact> actions;
    std::vector<std::pair<Id, Date>> nonconformities; // id, identified on
    std::map<std::string, Id, std::less<>> assets; // by name, as the generators name them

    DemoCounts counts;
    DemoProgress progress;
    std::int64_t planned = 0;
    std::int64_t done = 0;

    Rules at(Timestamp moment) const
    {
        Rules copy = rules;
        copy.now = moment;
        return copy;
    }
    // A base volume per year at scale 1, multiplied by --scale and --years.
    std::int64_t volume(int per_year) const { return std::int64_t {per_year} * options.scale * options.years; }
    void advance(std::int64_t rows, std::string_view stage);
    Stamp stamp(Timestamp moment) const { return {moment, caller.actor}; }
    // A moment in [from, to], never after now.
    Timestamp moment_between(Random& random, Timestamp from, Timestamp to) const;
    // A moment on the given day in working hours (08:00-17:59), never after now.
    Timestamp working_hours(Random& random, Date day) const;
    Timestamp capped(Timestamp moment) const { return std::min(moment, now); }
};

// The asset inventory as the generators name assets: the first mention of a name creates the asset (demo/assets.cpp),
// dated at the start of the demo's history. One per register group's transaction.
class AssetBook {
public:
    AssetBook(Tx& tx, World& world);
    Result<Id> id(std::string_view name, Timestamp at);

private:
    World& m_world;
    BulkInserter m_inserter;
};

// "File server" of "File server, ERP": the asset a row refers to when its text names several.
std::string_view first_asset(std::string_view names);

// The internal error for a generated row that breaks its register's rules.
Result<void> check_generated_row(std::string_view register_name, const std::vector<FieldError>& problems);

// Runs derive() and validate() on a generated row as if it was written at rules.now, after `before` (null when the
// row is being created). A broken rule is a bug of the generator.
template <class T> Result<void> check_generated(const EntitySpec<T>& spec, T& row, const T* before, const Rules& rules)
{
    derive(row, before, rules);
    Problems problems;
    check_required(spec, row, problems);
    validate(row, before, rules, problems);
    if (problems.empty())
        return {};
    auto error = problems.result().error();
    return check_generated_row(spec.name, error.fields());
}

// Canonical control list ("5.1, 8.8") from a generator's literal; a bad literal is a generator bug.
std::string control_list(std::string_view literal);

// Appends the one audit entry per register that says what the demo created.
Result<void> audit_created(Tx& tx, const World& world, std::string_view entity, std::string summary);

Result<void> create_people(Tx& tx, World& world);
Result<void> create_context(Tx& tx, World& world);
Result<void> answer_controls(Tx& tx, World& world);
Result<void> create_activities(Tx& tx, World& world);
Result<void> create_incidents(Tx& tx, World& world);
Result<void> create_vulnerabilities(Tx& tx, World& world);
Result<void> create_risks(Tx& tx, World& world);
Result<void> create_nonconformities(Tx& tx, World& world);
Result<void> create_lessons(Tx& tx, World& world);
Result<void> create_kpis(Tx& tx, World& world);
Result<void> hold_meetings(Store& store, World& world);
Result<void> record_kpi_history(Tx& tx, World& world);

// What is said in the demo's meetings (demo/meeting_notes.cpp): decisions and the notes on an agenda item.
struct DecisionText {
    DecisionType type;
    std::string_view text, rationale;
};
const DecisionText& pick_decision(Random& random, bool review);

// What an attendee proposes for a maintenance meeting's agenda, and why the chair declines it (empty: accepted).
struct ProposalText {
    std::string_view title;
    ProposalKind kind;
    std::string_view section; // where the chair puts it when accepted
    std::string_view declined;
};
const ProposalText& pick_proposal(Random& random);
std::string note_for(const AgendaItem& item, Random& random);

// A meeting series as the demo creates it (demo/meeting_series.cpp): its fields, its standing members (a person
// once, in the first role given; the chair first) and the start of its held meetings, oldest first, and of the next.
struct SeriesPlan {
    Patch fields;
    std::vector<std::pair<Id, AttendeeRole>> members;
    std::vector<Timestamp> held;
    Timestamp next {};
    bool review = false;
    int duration = 60;
    Id chair = 0;
    Id id = 0; // once created

    void add(Id person, AttendeeRole role);
};
std::vector<SeriesPlan> meeting_series(const World& world);

// A held meeting as the action planner sees it before the meetings are run.
struct HeldSlot {
    Timestamp starts {};
    bool review = false;
};

// An action item raised in a meeting (through the app, at `raised`), and the change its owner records later.
struct ActionPlan {
    std::size_t meeting = 0; // index into the held slots
    Timestamp raised {};
    std::string origin; // display id of the row it comes from, if any: raised under the agenda item about it
    Patch fields; // title, owner, due and origin
    std::optional<std::pair<Timestamp, Patch>> later;
};

// The action items the held meetings raise (150 a year per unit of --scale), with what becomes of each; fills
// world.actions and world.counts.actions.
std::vector<ActionPlan> plan_actions(World& world, const std::vector<HeldSlot>& held);

} // namespace demo

} // namespace c9
