// The demo's driver: refuse a database in use, initialise, then run the generators in the order their references
// need: the registers one group per write transaction, then the meetings through the meeting cycle (one transaction
// per sitting), which read the registers for their agendas, then the KPI history that measures the meetings.
#include "app/setup.h"
#include "core/person.h"
#include "core/risk.h"
#include "demo/demo.h"
#include "store/settings_store.h"

#include <cmath>
#include <fmt/format.h>
#include <variant>

namespace c9 {

namespace demo {

namespace {

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

Random::Random(std::uint64_t seed, std::string_view stream)
{
    // FNV-1a of the stream name, mixed into the seed.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : stream)
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    std::uint64_t state = seed ^ hash;
    for (auto& word : m_state)
        word = splitmix64(state);
}

std::uint64_t Random::next()
{
    std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

std::size_t Random::below(std::size_t bound) { return bound == 0 ? 0 : static_cast<std::size_t>(next() % bound); }

int Random::between(int low, int high)
{
    if (high <= low)
        return low;
    return low + static_cast<int>(below(static_cast<std::size_t>(high - low) + 1));
}

double Random::real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Random::real(double low, double high) { return low + (high - low) * real(); }

bool Random::chance(double probability) { return real() < probability; }

double Random::log_uniform(double low, double high) { return std::exp(real(std::log(low), std::log(high))); }

std::size_t Random::weighted(std::initializer_list<int> weights)
{
    int total = 0;
    for (int weight : weights)
        total += weight;
    int roll = between(0, total - 1);
    std::size_t index = 0;
    for (int weight : weights) {
        if (roll < weight)
            return index;
        roll -= weight;
        ++index;
    }
    return weights.size() - 1;
}

void World::advance(std::int64_t rows, std::string_view stage)
{
    done += rows;
    if (progress)
        progress(std::min(done, planned), planned, stage);
}

Timestamp World::moment_between(Random& random, Timestamp from, Timestamp to) const
{
    to = std::min(to, now);
    if (to <= from)
        return std::min(from, now);
    auto span = (to - from).count();
    return from + std::chrono::seconds(static_cast<std::int64_t>(random.below(static_cast<std::size_t>(span) + 1)));
}

Timestamp World::working_hours(Random& random, Date day) const
{
    auto moment
        = start_of(day) + std::chrono::hours(random.between(8, 17)) + std::chrono::minutes(random.between(0, 59));
    return capped(moment);
}

Result<void> check_generated_row(std::string_view register_name, const std::vector<FieldError>& problems)
{
    std::string text;
    for (const auto& problem : problems)
        text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", problem.field, problem.message);
    return Error::internal(fmt::format(
        "demo: generated {} breaks its rules ({}); this is a bug of the demo generator", register_name, text));
}

std::string control_list(std::string_view literal)
{
    auto canonical = normalize_controls(literal);
    if (!canonical)
        throw std::logic_error(fmt::format("demo: \"{}\" is not a control list", literal));
    return *canonical;
}

Result<void> audit_created(Tx& tx, const World& world, std::string_view entity, std::string summary)
{
    C9_TRY(tx.audit({.at = world.now,
        .actor = world.caller.actor,
        .action = "demo",
        .entity = std::string(entity),
        .summary = std::move(summary)}));
    return {};
}

namespace {

// Rows each group writes, for the progress bar; an estimate from the volumes at scale 1 and one year.
std::int64_t planned_rows(const World& world)
{
    std::int64_t scale = world.options.scale, years = world.options.years;
    std::int64_t per_scale = 40 + 25; // people, activities
    std::int64_t per_scale_year = 225 + 60 + 300 + 80 * 3 + 10 + 20 + 150; // completions ... actions
    std::int64_t per_year = 16 * 11 + 15 * 12 + 12; // meetings with attendance, measurements, minutes
    return 93 * 2 + 15 + per_scale * scale + per_scale_year * scale * years + per_year * years;
}

} // namespace

} // namespace demo

Result<void> check_demo_options(const DemoOptions& options)
{
    if (options.scale < 1 || options.scale > 1000)
        return Error::invalid("scale", fmt::format("must be between 1 and 1000, not {}", options.scale));
    if (options.years < 1 || options.years > 50)
        return Error::invalid("years", fmt::format("must be between 1 and 50, not {}", options.years));
    return {};
}

Result<DemoCounts> create_demo(Store& store, const DemoOptions& options, const Caller& caller,
    const MinutesRenderers& renderers, const DemoProgress& progress)
{
    C9_TRY(check_demo_options(options));
    // Refuse before anything is written: the demo belongs in a database of its own.
    if (C9_TRY(store.schema_version()) > 0) {
        auto in_use = C9_TRY(store.read([](Tx& tx) -> Result<std::int64_t> {
            return C9_TRY(tx.count(table_of(person_spec()), {})) + C9_TRY(tx.count(table_of(risk_spec()), {}));
        }));
        if (in_use > 0)
            return Error::conflict(fmt::format("the {} already holds people or risks; the demo needs an empty "
                                               "database (give --db a new file)",
                store.description()));
    }
    C9_TRY(initialize(store, caller));

    demo::World world {options, caller, renderers};
    world.now = caller.now;
    world.today = to_date(caller.now);
    world.start = start_of(add_months(world.today, -12 * options.years)) + (caller.now - start_of(world.today));
    world.progress = progress;
    world.planned = demo::planned_rows(world);

    // A register group writes inside one transaction; the meetings open theirs, one per sitting.
    using Register = Result<void> (*)(Tx&, demo::World&);
    using Cycle = Result<void> (*)(Store&, demo::World&);
    const std::variant<Register, Cycle> generators[] = {
        demo::create_people,
        demo::answer_controls,
        demo::create_context,
        demo::create_activities,
        demo::create_incidents,
        demo::create_vulnerabilities,
        demo::create_risks,
        demo::create_nonconformities,
        demo::create_lessons,
        demo::create_kpis,
        demo::hold_meetings,
        demo::record_kpi_history,
    };
    for (const auto& generator : generators) {
        world.rules = C9_TRY(store.read([&](Tx& tx) { return load_rules(tx, caller.now); }));
        if (const auto* cycle = std::get_if<Cycle>(&generator)) {
            C9_TRY((*cycle)(store, world));
            continue;
        }
        C9_TRY(store.write([&](Tx& tx) -> Result<void> { return std::get<Register>(generator)(tx, world); }));
    }
    // The planner's statistics after a bulk load, so the agenda's queries use their time indexes from the start.
    C9_TRY(store.analyze());
    if (progress)
        progress(world.planned, world.planned, "done");
    return world.counts;
}

} // namespace c9
