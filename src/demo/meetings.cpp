// The demo's meetings (DESIGN.md section 2) of its two series (demo/meeting_series.cpp): the held meetings of the
// past year (minutes approved at the next meeting, the most recent one still awaiting approval) and one planned
// next meeting per series.
//
// The meetings are run through the meeting cycle (app/meetings.h), each step called at the moment it happens: the
// series and its standing members are created, each meeting is planned a few weeks ahead, the roll is taken, the
// meeting starts (which builds and freezes its agenda from the registers as they were then), notes are taken on the
// agenda items, decisions made, action items raised and lessons recorded, the meeting closes and its minutes are
// approved later. Owners record the outcome of their action items on their own dates in between, so each agenda sees
// them as they were. The app's rules decide what the record may hold: a management review closes only with every
// 9.3.2 input discussed.
#include "app/meetings.h"

#include "app/agenda.h"
#include "app/meeting_cycle.h"
#include "app/registers.h"
#include "core/text.h"
#include "demo/demo.h"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <unordered_set>

namespace c9::demo {

namespace {

using std::chrono::days;
using std::chrono::minutes;

// One meeting of a series: when it is planned, held and approved.
struct Slot {
    SeriesPlan* series = nullptr;
    Timestamp starts {};
    bool held = false;
    std::size_t held_index = 0; // among the held slots, in date order
    std::optional<Timestamp> approve;
    const Slot* approves = nullptr; // the previous meeting whose minutes this one approves
    Id meeting = 0;
    std::string ref() const { return display_id("MTG", meeting); }
};

std::string person_ref(Id person) { return display_id("PER", person); }

// Runs the meeting cycle in date order. Steps that happen at the same moment run in the order they were scheduled.
// A step is one sitting: planning a meeting, holding it, approving its minutes, each in one write transaction
// through the meeting cycle's steps (app/meetings.h), which the owners' updates to their action items since the
// previous sitting share. Per call they are the same as the use cases of app/meeting_cycle.h, whose wrappers resolve
// references and check the caller's permission (a local caller holds every one); a transaction per call would cost a
// disk sync each and make the demo at --scale 100 take minutes.
class Timeline {
public:
    Timeline(Store& store, World& world) : m_store(store), m_world(world), m_random(world.options.seed, "meetings") { }

    Result<void> run(std::vector<SeriesPlan>& plans);

private:
    enum class Kind { sitting, owner_update };
    struct Step {
        Kind kind = Kind::sitting;
        std::function<Result<void>(Tx&)> body;
    };

    void at(Timestamp moment, Kind kind, std::function<Result<void>(Tx&)> body)
    {
        m_steps.emplace(std::pair {moment, m_sequence++}, Step {kind, std::move(body)});
    }
    Caller caller(Timestamp moment, std::optional<Id> person = std::nullopt) const
    {
        Caller copy = m_world.caller;
        copy.now = moment;
        if (person)
            copy.person = person;
        return copy;
    }

    Result<void> create_series(SeriesPlan& plan, Timestamp created);
    Result<void> plan(Tx& tx, Slot& slot, Timestamp moment);
    Result<void> hold(Tx& tx, Slot& slot);
    Result<void> approve(Tx& tx, const Slot& slot);
    Result<void> raise(Tx& tx, const Slot& slot, const ActionPlan& action, const Patch& fields, Timestamp moment);

    Store& m_store;
    World& m_world;
    Random m_random;
    std::map<std::pair<Timestamp, std::int64_t>, Step> m_steps;
    std::int64_t m_sequence = 0;
    std::vector<ActionPlan> m_actions;
    std::vector<std::vector<const ActionPlan*>> m_actions_of; // by held slot
    std::vector<std::vector<const PendingLesson*>> m_lessons_of; // by held slot
    std::unordered_set<Id> m_confirmed_risks;
};

// The series and its standing members through the use cases a chair calls, with their rules (one chair, active
// people only).
Result<void> Timeline::create_series(SeriesPlan& plan, Timestamp created)
{
    auto series = C9_TRY(create(m_store, series_spec(), plan.fields, caller(created)));
    plan.id = series.id;
    for (const auto& [person, role] : plan.members)
        C9_TRY(add_series_member(m_store, display_id("SER", plan.id), person_ref(person), role, caller(created)));
    ++m_world.counts.series;
    return {};
}

Result<void> Timeline::plan(Tx& tx, Slot& slot, Timestamp moment)
{
    auto meeting = C9_TRY(plan_meeting(tx, slot.series->id, slot.starts, caller(moment)));
    slot.meeting = meeting.id;
    ++m_world.counts.meetings;
    m_world.counts.attendance += static_cast<std::int64_t>(slot.series->members.size());
    if (!slot.held) {
        m_world.meetings.push_back({meeting.id, slot.series->id, slot.series->review, false, slot.starts, slot.starts,
            static_cast<int>(slot.series->members.size()), 0});
        m_world.advance(1 + static_cast<std::int64_t>(slot.series->members.size()), "meetings");
    }
    return {};
}

Result<void> Timeline::hold(Tx& tx, Slot& slot)
{
    const auto& series = *slot.series;
    auto started = slot.starts + minutes(m_random.between(0, 5));
    auto ended = started + minutes(series.duration + m_random.between(-15, 10));
    auto during = [&](Timestamp moment) { return std::clamp(moment, started, ended - minutes(1)); };

    // Before it starts, now and then a member proposes an item; the chair takes it onto the agenda or says why not.
    if (!series.review && m_random.chance(0.4)) {
        std::vector<Id> others;
        std::optional<Id> chair;
        for (const auto& [person, role] : series.members) {
            if (role == AttendeeRole::chair)
                chair = person;
            else
                others.push_back(person);
        }
        if (chair && !others.empty()) {
            auto record = C9_TRY(load_meeting(tx, slot.meeting));
            const auto& text = pick_proposal(m_random);
            auto by = m_random.pick(others);
            auto proposal = C9_TRY(propose_agenda_item(tx, record.meeting,
                {{"title", std::string(text.title)}, {"kind", std::string(to_string(text.kind))}}, by,
                caller(started - minutes(m_random.between(45, 90)), by)));
            auto decided = caller(started - minutes(m_random.between(15, 40)), *chair);
            if (text.declined.empty())
                C9_TRY(accept_proposal(tx, record.meeting, proposal, parse_enum<AgendaSection>(text.section), decided));
            else
                C9_TRY(decline_proposal(tx, record.meeting, proposal, std::string(text.declined), decided));
        }
    }

    // The roll is taken as the meeting starts: the chair is there, the others mostly.
    MeetingFact fact {slot.meeting, series.id, series.review, true, slot.starts, ended, 0, 0};
    for (const auto& [person, role] : series.members) {
        auto presence = role == AttendeeRole::chair ? Presence::present
                                                    : static_cast<Presence>(1 + m_random.weighted({85, 6, 9}));
        C9_TRY(record_attendance(tx, slot.meeting, {person, std::nullopt, presence}, caller(started)));
        ++fact.invited;
        fact.present += presence == Presence::present ? 1 : 0;
    }
    C9_TRY(start_meeting(tx, slot.meeting, caller(started)));

    // What happens in the meeting, in time order: the previous minutes approved, notes on the frozen agenda's items,
    // decisions, actions, lessons.
    auto record = C9_TRY(load_meeting(tx, slot.meeting));
    std::vector<AgendaItem> items;
    for (const auto& item : record.agenda)
        if (!item.removed)
            items.push_back(item);
    auto item_about = [&](const std::string& ref) -> std::optional<Id> {
        for (const auto& item : items) {
            auto sources = split_list(item.sources);
            if (!ref.empty() && std::find(sources.begin(), sources.end(), ref) != sources.end())
                return item.id;
        }
        return std::nullopt;
    };
    auto under = [](Patch fields, std::optional<Id> item) {
        if (item)
            fields.push_back({"agenda_item", *item});
        return fields;
    };
    std::vector<std::pair<Timestamp, std::function<Result<void>()>>> steps;
    if (slot.approves)
        steps.emplace_back(during(*slot.approves->approve), [this, &tx, &slot] { return approve(tx, *slot.approves); });
    std::map<Id, Outcome> outcomes; // items a decision or an action was recorded under
    int decisions = series.review ? m_random.between(3, 5) : m_random.between(1, 3);
    std::vector<const DecisionText*> taken; // a meeting takes each decision once
    for (int count = 0; count < decisions; ++count) {
        const auto* chosen = &pick_decision(m_random, series.review);
        for (int retry = 0; retry < 8 && std::find(taken.begin(), taken.end(), chosen) != taken.end(); ++retry)
            chosen = &pick_decision(m_random, series.review);
        taken.push_back(chosen);
        const auto& pattern = *chosen;
        Patch fields {{"text", std::string(pattern.text)}, {"rationale", std::string(pattern.rationale)},
            {"type", std::string(to_string(pattern.type))}};
        // Someone is accountable for carrying it out: policies the security officer, money top management, the
        // rest IT; most by a date.
        const auto& staff = m_world.staff;
        Id owner = staff.iso;
        if (pattern.type == DecisionType::resource && !staff.management.empty())
            owner = m_random.pick(staff.management);
        else if (pattern.type != DecisionType::policy_change && !staff.it.empty())
            owner = m_random.pick(staff.it);
        fields.push_back({"owner", owner});
        if (m_random.chance(0.8))
            fields.push_back({"due", format_date(add_days(to_date(slot.starts), m_random.between(30, 120)))});
        // A risk accepted since the previous meeting is confirmed by a decision of this one.
        for (const auto& risk : m_world.risks) {
            if (count == 0 && risk.accepted_on && !m_confirmed_risks.contains(risk.id)
                && start_of(*risk.accepted_on) <= slot.starts && start_of(*risk.accepted_on) > slot.starts - days(35)) {
                auto ref = display_id("RSK", risk.id);
                fields = under(
                    {{"text", fmt::format("Confirm the acceptance of the residual risk of {}", ref)},
                        {"rationale", std::string("Within the risk owner's authority; the treatment is in place.")},
                        {"type", std::string(to_string(DecisionType::risk_acceptance))}, {"links", ref}},
                    item_about(ref));
                if (auto item = item_about(ref))
                    outcomes[*item] = Outcome::decision;
                m_confirmed_risks.insert(risk.id);
                break;
            }
        }
        auto moment = during(started + minutes(m_random.between(10, series.duration - 10)));
        steps.emplace_back(moment, [this, &tx, &slot, fields, moment]() -> Result<void> {
            C9_TRY(record_decision(tx, slot.meeting, fields, caller(moment)));
            ++m_world.counts.decisions;
            return {};
        });
    }
    for (const auto* action : m_actions_of[slot.held_index]) {
        auto moment = during(action->raised);
        if (auto item = item_about(action->origin))
            outcomes.emplace(*item, Outcome::action);
        steps.emplace_back(
            moment, [this, &tx, &slot, action, fields = under(action->fields, item_about(action->origin)), moment]() {
                return raise(tx, slot, *action, fields, moment);
            });
    }
    for (const auto* lesson : m_lessons_of[slot.held_index]) {
        auto moment = during(started + minutes(m_random.between(5, series.duration - 5)));
        steps.emplace_back(moment, [this, &tx, &slot, lesson, moment]() -> Result<void> {
            C9_TRY(record_lesson(tx, slot.meeting, lesson->fields, caller(moment)));
            ++m_world.counts.lessons;
            m_world.advance(1, "lessons learned");
            return {};
        });
    }
    auto span = ended - started;
    for (std::size_t index = 0; index < items.size(); ++index) {
        const auto& item = items[index];
        // 9.3.2, 9.3.3: every input of a management review is discussed and minuted, and so is every item something
        // was decided or raised under; elsewhere the minute taker notes about two items in three.
        auto outcome = outcomes.find(item.id);
        if (item.covers.empty() && outcome == outcomes.end() && !m_random.chance(series.review ? 0.5 : 0.65))
            continue;
        auto moment = during(
            started + span * static_cast<std::int64_t>(index + 1) / static_cast<std::int64_t>(items.size() + 1));
        steps.emplace_back(moment,
            [this, &tx, id = item.id, notes = note_for(item, m_random),
                result = outcome == outcomes.end() ? Outcome::information : outcome->second, moment]() -> Result<void> {
                C9_TRY(record_note(tx, id, notes, result, caller(moment)));
                return {};
            });
    }
    std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [moment, step] : steps)
        C9_TRY(step());

    C9_TRY(close_meeting(tx, slot.meeting, std::nullopt, caller(ended)));
    m_world.meetings.push_back(fact);
    m_world.advance(1 + static_cast<std::int64_t>(series.members.size()), "meetings");
    return {};
}

Result<void> Timeline::raise(Tx& tx, const Slot& slot, const ActionPlan& action, const Patch& fields, Timestamp moment)
{
    auto raised = C9_TRY(raise_action(tx, slot.meeting, fields, caller(moment)));
    // The owner records the outcome on its own date, so the agendas in between see the item open.
    if (action.later) {
        auto when = action.later->first;
        at(when, Kind::owner_update,
            [this, id = raised.id, change = action.later->second, when](Tx& later) -> Result<void> {
                C9_TRY(update_in(later, action_spec(), id, change, std::nullopt, caller(when)));
                return {};
            });
    }
    m_world.advance(1, "action items");
    return {};
}

Result<void> Timeline::approve(Tx& tx, const Slot& slot)
{
    auto chair = slot.series->chair;
    C9_TRY(approve_meeting(tx, slot.meeting, chair, caller(*slot.approve, chair), m_world.renderers));
    ++m_world.counts.sealed_minutes;
    m_world.advance(1, "minutes");
    return {};
}

Result<void> Timeline::run(std::vector<SeriesPlan>& plans)
{
    std::vector<Slot> slots;
    std::vector<Timestamp> series_created;
    for (auto& series : plans) {
        series_created.push_back(m_world.capped(m_world.start + minutes(m_random.between(60, 600))));
        std::vector<Timestamp> all = series.held;
        all.push_back(series.next);
        for (std::size_t index = 0; index < all.size(); ++index) {
            Slot slot {&series, all[index], index + 1 < all.size()};
            // Minutes are approved at the next meeting (a management review's by circulation); the most recent
            // meeting's minutes await approval.
            if (slot.held && index + 2 < all.size()) {
                auto approved = series.review ? all[index] + minutes(series.duration) + days(m_random.between(3, 10))
                                              : all[index + 1] + minutes(10);
                if (approved < m_world.now)
                    slot.approve = approved;
            }
            slots.push_back(slot);
        }
    }
    std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.starts < b.starts; });
    // A maintenance meeting approves the previous one's minutes; a management review's go round by circulation.
    std::map<const SeriesPlan*, const Slot*> previous;
    for (auto& slot : slots) {
        auto& last = previous[slot.series];
        if (last && last->approve && !slot.series->review)
            slot.approves = last;
        last = &slot;
    }

    // What the held meetings raise and record, known before they are run.
    std::vector<HeldSlot> held;
    for (auto& slot : slots)
        if (slot.held) {
            slot.held_index = held.size();
            held.push_back({slot.starts, slot.series->review});
        }
    m_actions = plan_actions(m_world, held);
    m_actions_of.resize(held.size());
    for (const auto& action : m_actions)
        m_actions_of[action.meeting].push_back(&action);
    // A lesson drawn before a maintenance meeting is recorded in it; one drawn after the last is recorded directly.
    m_lessons_of.resize(held.size());
    for (const auto& lesson : m_world.pending_lessons) {
        auto in = std::find_if(slots.begin(), slots.end(),
            [&](const Slot& slot) { return slot.held && !slot.series->review && slot.starts >= lesson.ready; });
        if (in != slots.end()) {
            m_lessons_of[in->held_index].push_back(&lesson);
            continue;
        }
        at(lesson.ready, Kind::sitting, [this, &lesson](Tx& tx) -> Result<void> {
            C9_TRY(create_in(tx, lesson_spec(), lesson.fields, caller(lesson.ready)));
            ++m_world.counts.lessons;
            return {};
        });
    }

    for (std::size_t index = 0; index < plans.size(); ++index)
        C9_TRY(create_series(plans[index], series_created[index]));
    // A meeting is planned five to seven weeks ahead, before the previous one of its series starts, so that one's
    // agenda names its date ("Next meeting") and the items due before it.
    for (auto& slot : slots) {
        auto planned = m_world.capped(std::max(*std::max_element(series_created.begin(), series_created.end()),
            slot.starts - days(m_random.between(36, 49))));
        at(planned, Kind::sitting, [this, &slot, planned](Tx& tx) { return plan(tx, slot, planned); });
        if (slot.held)
            at(slot.starts, Kind::sitting, [this, &slot](Tx& tx) { return hold(tx, slot); });
        if (slot.approve && slot.series->review)
            at(*slot.approve, Kind::sitting, [this, &slot](Tx& tx) { return approve(tx, slot); });
    }
    while (!m_steps.empty()) {
        // The owners' updates since the previous sitting, then the next sitting.
        C9_TRY(m_store.write([&](Tx& tx) -> Result<void> {
            Kind kind = Kind::owner_update;
            while (kind == Kind::owner_update && !m_steps.empty()) {
                auto step = std::move(m_steps.begin()->second);
                m_steps.erase(m_steps.begin());
                kind = step.kind;
                C9_TRY(step.body(tx));
            }
            return {};
        }));
    }
    return {};
}

} // namespace

Result<void> hold_meetings(Store& store, World& world)
{
    auto plans = meeting_series(world);
    Timeline timeline(store, world);
    C9_TRY(timeline.run(plans));
    return store.write([&](Tx& tx) -> Result<void> {
        C9_TRY(audit_created(tx, world, "series",
            fmt::format("demo: created {} meeting series through the meeting cycle", world.counts.series)));
        C9_TRY(audit_created(tx, world, "meeting",
            fmt::format("demo: ran {} meetings through the meeting cycle, with {} attendance records, {} decisions "
                        "and {} sealed minutes",
                world.counts.meetings, world.counts.attendance, world.counts.decisions, world.counts.sealed_minutes)));
        return audit_created(tx, world, "action",
            fmt::format("demo: {} action items raised in meetings, their outcome recorded by their owners",
                world.counts.actions));
    });
}

} // namespace c9::demo
