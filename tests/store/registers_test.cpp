// Every register through the real store: create, read back, update with history, stale versions refused, and
// failed writes leaving nothing behind. Runs on SQLite and, as the
// postgresql: variant of the suite, on PostgreSQL (tests/CMakeLists.txt).
#include "app/registers.h"
#include "core/action_item.h"
#include "core/activity.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/vulnerability.h"
#include "store/audit_log.h"
#include "store/risk_scores.h"
#include "test_support.h"

#include <functional>

namespace c9 {
namespace {

using test::caller_at;

class RegisterStore : public ::testing::Test {
protected:
    test::TestDatabase db;
    Store& store() { return db.store(); }

    Id person(const std::string& email)
    {
        auto created = create(
            store(), person_spec(), Patch {{"name", std::string("P ") + email}, {"email", email}}, caller_at());
        EXPECT_TRUE(created) << created.error().message();
        return created ? created->id : 0;
    }

    std::int64_t audit_seq()
    {
        return store().read([](Tx& tx) { return audit_head(tx); })->seq;
    }
};

// The store's list, read directly: these tests are about the query, not about a front end's request.
template <class T>
Result<TypedPage<T>> rows_of(Store& store, const EntitySpec<T>& spec, const ListQuery& query)
{
    return store.read([&](Tx& tx) { return list_rows(tx, spec, query); });
}

// One case per register: how to make a valid row, and one change to apply.
struct RegisterCase {
    const char* name;
    std::function<Result<Id>(Store&, Id person, Id meeting)> make;
    std::function<Result<std::int64_t>(Store&, Id id, std::optional<std::int64_t> version)> change;
    std::string changed_field;
    const char* entity;
};

template <class T>
RegisterCase register_case(
    const char* name, const EntitySpec<T>& spec, std::function<Patch(Id person, Id meeting)> valid, Patch change)
{
    auto field = change.at(0).field;
    return {name,
        [&spec, valid](Store& store, Id person, Id meeting) -> Result<Id> {
            auto row = C9_TRY(create(store, spec, valid(person, meeting), caller_at()));
            return row.id;
        },
        [&spec, change](Store& store, Id id, std::optional<std::int64_t> version) -> Result<std::int64_t> {
            auto changed = C9_TRY(update(store, spec, std::to_string(id), change, version, caller_at("2026-06-16T09:00:00Z")));
            return changed.row.version;
        },
        field, spec.name.data()};
}

std::vector<RegisterCase> register_cases()
{
    auto text = [](const char* s) { return Value {std::string(s)}; };
    return {
        register_case(
            "person", person_spec(),
            [=](Id, Id) {
                return Patch {{"name", text("Bob")}, {"email", text("bob@example.org")}};
            },
            Patch {{"department", text("Finance")}}),
        register_case(
            "activity", activity_spec(),
            [=](Id person, Id) {
                return Patch {{"title", text("Patch servers")}, {"recurrence", text("monthly")},
                    {"next_due", text("2026-06-30")}, {"owner", person}, {"controls", text("8.8")}};
            },
            Patch {{"recurrence", text("quarterly")}}),
        register_case(
            "incident", incident_spec(),
            [=](Id, Id) {
                return Patch {{"title", text("Phishing mail clicked")}, {"severity", text("medium")},
                    {"detected_at", text("2026-06-14T08:00:00Z")}};
            },
            Patch {{"contained_at", text("2026-06-14T10:00:00Z")}}),
        register_case(
            "vulnerability", vulnerability_spec(),
            [=](Id, Id) {
                return Patch {{"title", text("regreSSHion")}, {"cve", text("CVE-2024-6387")}, {"cvss", 8.1}};
            },
            Patch {{"status", text("in_progress")}}),
        register_case(
            "risk", risk_spec(),
            [=](Id person, Id) {
                return Patch {{"title", text("Ransomware")}, {"owner", person}, {"likelihood", std::int64_t {3}},
                    {"impact", std::int64_t {3}}};
            },
            Patch {{"likelihood", std::int64_t {2}}}),
        register_case(
            "nonconformity", nonconformity_spec(),
            [=](Id, Id) {
                return Patch {{"title", text("Access review skipped")}};
            },
            Patch {{"status", text("in_progress")}}),
        register_case(
            "kpi", kpi_spec(),
            [=](Id, Id) {
                return Patch {{"name", text("Patch compliance")}, {"target", 95.0}};
            },
            Patch {{"amber", 90.0}}),
        register_case(
            "action", action_spec(),
            [=](Id person, Id meeting) {
                return Patch {{"title", text("Enable MFA")}, {"owner", person}, {"due", text("2026-07-01")},
                    {"meeting", meeting}};
            },
            Patch {{"status", text("done")}}),
        register_case(
            "lesson", lesson_spec(),
            [=](Id, Id) {
                return Patch {{"title", text("Test restores, not backups")}};
            },
            Patch {{"category", text("technology")}}),
        register_case(
            "series", series_spec(),
            [=](Id person, Id) {
                return Patch {{"name", text("Quarterly risk review")}, {"type", text("risk_review")},
                    {"cadence", text("quarterly")}, {"chair", person}};
            },
            Patch {{"duration_minutes", std::int64_t {90}}}),
    };
}

TEST_F(RegisterStore, EveryRegisterCreatesUpdatesAndKeepsHistory)
{
    auto owner = person("owner@example.org");
    auto series = create(store(), series_spec(),
        Patch {
            {"name", std::string("ISMS")}, {"type", std::string("maintenance")}, {"cadence", std::string("monthly")}},
        caller_at());
    ASSERT_TRUE(series);
    auto meeting = create(store(), meeting_spec(),
        Patch {
            {"series", series->id}, {"title", std::string("June")}, {"starts_at", std::string("2026-06-20T09:00:00Z")}},
        caller_at());
    ASSERT_TRUE(meeting) << meeting.error().message();

    for (auto& test_case : register_cases()) {
        SCOPED_TRACE(test_case.name);
        auto id = test_case.make(store(), owner, meeting->id);
        ASSERT_TRUE(id) << id.error().message();
        auto seq = audit_seq();

        // A stale version is refused and writes nothing: no version bump, no history, no audit entry.
        auto stale = test_case.change(store(), *id, 7);
        ASSERT_FALSE(stale);
        EXPECT_EQ(stale.error().code(), ErrorCode::stale);
        EXPECT_EQ(audit_seq(), seq);

        auto version = test_case.change(store(), *id, 1);
        ASSERT_TRUE(version) << version.error().message();
        EXPECT_EQ(*version, 2);
        EXPECT_EQ(audit_seq(), seq + 1);
        auto history = store().read([&](Tx& tx) { return tx.history(test_case.entity, *id); });
        ASSERT_TRUE(history);
        ASSERT_FALSE(history->empty());
        bool found = false;
        for (const auto& entry : *history) {
            EXPECT_EQ(entry.version, 2);
            EXPECT_EQ(entry.actor, "test");
            EXPECT_EQ(format_timestamp(entry.at), "2026-06-16T09:00:00Z");
            found = found || entry.field == test_case.changed_field;
        }
        EXPECT_TRUE(found) << "no history row for " << test_case.changed_field;

        // The same change again changes nothing and writes nothing.
        auto again = test_case.change(store(), *id, std::nullopt);
        ASSERT_TRUE(again);
        EXPECT_EQ(*again, 2);
        EXPECT_EQ(audit_seq(), seq + 1);
    }
}

TEST_F(RegisterStore, ReadsBackExactlyWhatWasWritten)
{
    auto owner = person("alice@example.org");
    Patch patch {{"title", std::string("Café & \"quotes\" — ünïcode")}, {"owner", std::string("ALICE@example.org")},
        {"likelihood", std::int64_t {5}}, {"impact", std::int64_t {4}}, {"treatment", std::string("mitigate")},
        {"treatment_plan", std::string("line one\nline two")}, {"residual_likelihood", std::int64_t {2}},
        {"residual_impact", std::int64_t {2}}, {"controls", std::string("8.8, 5.15")}};
    auto created = create(store(), risk_spec(), patch, caller_at());
    ASSERT_TRUE(created) << created.error().message();
    auto shown = show(store(), risk_spec(), display_id("RSK", created->id));
    ASSERT_TRUE(shown);
    auto* read = &shown->row;
    EXPECT_EQ(read->title, "Café & \"quotes\" — ünïcode");
    EXPECT_EQ(read->owner, owner);
    EXPECT_EQ(read->inherent_score, 20);
    EXPECT_EQ(read->residual_score, 4);
    EXPECT_EQ(*read->treatment_plan, "line one\nline two");
    EXPECT_EQ(read->controls, "5.15, 8.8");
    EXPECT_EQ(read->version, 1);
    EXPECT_EQ(format_timestamp(read->created_at), "2026-06-15T10:00:00Z");
    EXPECT_EQ(read->created_by, "test");
}

TEST_F(RegisterStore, ReferencesAreCheckedAndNamed)
{
    person("alice@example.org");
    auto unknown_person = create(store(), risk_spec(),
        Patch {{"title", std::string("x")}, {"owner", std::string("nobody@example.org")},
            {"likelihood", std::int64_t {1}}, {"impact", std::int64_t {1}}},
        caller_at());
    ASSERT_FALSE(unknown_person);
    EXPECT_EQ(unknown_person.error().fields().at(0).field, "owner");
    auto unknown_control = create(store(), risk_spec(),
        Patch {{"title", std::string("x")}, {"owner", std::int64_t {1}}, {"likelihood", std::int64_t {1}},
            {"impact", std::int64_t {1}}, {"controls", std::string("8.99")}},
        caller_at());
    ASSERT_FALSE(unknown_control);
    EXPECT_EQ(unknown_control.error().fields().at(0).field, "controls");
    auto unknown_incident = create(
        store(), lesson_spec(), Patch {{"title", std::string("x")}, {"incident", std::int64_t {99}}}, caller_at());
    ASSERT_FALSE(unknown_incident);
    EXPECT_EQ(unknown_incident.error().fields().at(0).field, "incident");
    auto duplicate = create(store(), person_spec(),
        Patch {{"name", std::string("Other Alice")}, {"email", std::string("Alice@Example.org")}}, caller_at());
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().fields().at(0).field, "email");
}

TEST_F(RegisterStore, AFailureInTheMiddleOfAWriteRollsEverythingBack)
{
    auto owner = person("alice@example.org");
    auto seq = audit_seq();
    auto risks_before = store().read([](Tx& tx) { return tx.count(table_of(risk_spec()), {}); });
    // The first row is written, then a statement fails: the transaction must leave no trace of either.
    auto result = store().write([&](Tx& tx) -> Result<bool> {
        C9_TRY(create_in(tx, risk_spec(),
            Patch {{"title", std::string("first")}, {"owner", owner}, {"likelihood", std::int64_t {2}},
                {"impact", std::int64_t {2}}},
            caller_at()));
        C9_TRY(tx.insert(table_of(risk_spec()), std::vector<Value>(risk_spec().fields.size()), caller_at().stamp()));
        return true;
    });
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code(), ErrorCode::conflict); // NOT NULL constraint
    EXPECT_EQ(*store().read([](Tx& tx) { return tx.count(table_of(risk_spec()), {}); }), *risks_before);
    EXPECT_EQ(audit_seq(), seq);
    auto scores = store().read([](Tx& tx) { return tx.count(TableDef {"risk_scores", "risk_scores", {}}, {}); });
    EXPECT_EQ(*scores, 0);
}

TEST_F(RegisterStore, ListsFilterSearchSortAndPage)
{
    auto alice = person("alice@example.org");
    auto bob = person("bob@example.org");
    for (int index = 1; index <= 25; ++index) {
        auto created = create(store(), action_spec(),
            Patch {{"title", std::string(index % 5 == 0 ? "Review firewall " : "Patch host ") + std::to_string(index)},
                {"owner", index % 2 ? alice : bob}, {"due", format_date(add_days(test::day("2026-06-15"), index))}},
            caller_at());
        ASSERT_TRUE(created) << created.error().message();
    }
    ListQuery query;
    query.filters = {where("owner", FilterOp::eq, alice)};
    query.sort = "due";
    query.descending = true;
    query.limit = 5;
    query.offset = 5;
    auto page = rows_of(store(), action_spec(), query);
    ASSERT_TRUE(page) << page.error().message();
    EXPECT_EQ(page->total, 13);
    ASSERT_EQ(page->rows.size(), 5u);
    EXPECT_EQ(page->rows[0].title, "Review firewall 15");
    EXPECT_GT(page->rows[0].due, page->rows[1].due);

    ListQuery search;
    search.search = "FIREWALL";
    auto found = rows_of(store(), action_spec(), search);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->total, 5);

    // A page of a filtered search counts the same rows it pages through; a page past the end still has the total.
    search.filters = query.filters;
    search.limit = 2;
    search.offset = 1;
    auto searched_page = rows_of(store(), action_spec(), search);
    ASSERT_TRUE(searched_page) << searched_page.error().message();
    EXPECT_EQ(searched_page->rows.size(), 2u);
    EXPECT_EQ(searched_page->total, 3); // firewall reviews 5, 15 and 25 are alice's
    // Read through the filter and then sorted, the same page.
    auto selective = query;
    selective.selective = true;
    auto selective_page = rows_of(store(), action_spec(), selective);
    ASSERT_TRUE(selective_page) << selective_page.error().message();
    EXPECT_EQ(selective_page->total, 13);
    ASSERT_EQ(selective_page->rows.size(), 5u);
    for (size_t index = 0; index < 5; ++index)
        EXPECT_EQ(selective_page->rows[index].id, page->rows[index].id);
    query.offset = 40;
    auto beyond = rows_of(store(), action_spec(), query);
    ASSERT_TRUE(beyond) << beyond.error().message();
    EXPECT_TRUE(beyond->rows.empty());
    EXPECT_EQ(beyond->total, 13);

    ListQuery wildcard;
    wildcard.search = "%";
    EXPECT_EQ(rows_of(store(), action_spec(), wildcard)->total, 0);

    ListQuery bad;
    bad.sort = "owner; DROP TABLE actions";
    auto refused = rows_of(store(), action_spec(), bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::invalid);

    auto overdue = rows_of(store(), action_spec(), ListQuery {action_spec().overdue_filter(test::day("2026-06-20"))});
    EXPECT_EQ(overdue->total, 4);
}

TEST_F(RegisterStore, RiskScoreHistoryFollowsLevelChanges)
{
    auto owner = person("alice@example.org");
    auto risk = create(store(), risk_spec(),
        Patch {{"title", std::string("DDoS")}, {"owner", owner}, {"likelihood", std::int64_t {3}},
            {"impact", std::int64_t {4}}},
        caller_at());
    ASSERT_TRUE(risk);
    ASSERT_TRUE(update(store(), risk_spec(), display_id("RSK", risk->id), Patch {{"title", std::string("DDoS on web shop")}}, std::nullopt,
        caller_at("2026-06-16T00:00:00Z")));
    ASSERT_TRUE(update(store(), risk_spec(), display_id("RSK", risk->id),
        Patch {{"residual_likelihood", std::int64_t {2}}, {"residual_impact", std::int64_t {3}},
            {"treatment_status", std::string("done")}},
        std::nullopt, caller_at("2026-06-17T00:00:00Z")));
    auto scores = store().read([&](Tx& tx) -> Result<std::vector<RiskScore>> {
        std::vector<RiskScore> out;
        auto all = C9_TRY(risk_scores_since(tx, test::at("2026-01-01T00:00:00Z")));
        for (auto& score : all)
            if (score.risk == risk->id)
                out.push_back(score);
        return out;
    });
    ASSERT_TRUE(scores);
    ASSERT_EQ(scores->size(), 2u);
    EXPECT_EQ((*scores)[0].current(), 12);
    EXPECT_EQ((*scores)[1].current(), 6);
}

// Input rules: a CVSS score and a severity given together must agree, and text holds no control characters other
// than tabs and line breaks. Each refusal names its field and writes nothing.
TEST_F(RegisterStore, ContradictoryOrUnprintableInputIsRefusedAtItsField)
{
    auto field_of
        = [](const auto& result) { return result ? std::string("(accepted)") : result.error().fields().at(0).field; };
    auto before = audit_seq();
    auto contradiction = create(store(), vulnerability_spec(),
        Patch {{"title", std::string("OpenSSL")}, {"cvss", 9.8}, {"severity", std::string("low")}}, caller_at());
    EXPECT_EQ(field_of(contradiction), "severity");
    ASSERT_FALSE(contradiction);
    EXPECT_NE(contradiction.error().fields().at(0).message.find("9.8 makes it critical"), std::string::npos)
        << contradiction.error().fields().at(0).message;
    EXPECT_EQ(audit_seq(), before);

    auto agreeing = create(store(), vulnerability_spec(),
        Patch {{"title", std::string("OpenSSL")}, {"cvss", 9.8}, {"severity", std::string("critical")}}, caller_at());
    ASSERT_TRUE(agreeing) << agreeing.error().message();
    auto scored
        = create(store(), vulnerability_spec(), Patch {{"title", std::string("Weak TLS")}, {"cvss", 5.3}}, caller_at());
    ASSERT_TRUE(scored) << scored.error().message();
    EXPECT_EQ(scored->severity, Severity::medium); // from the score alone
    auto changed = update(store(), vulnerability_spec(), display_id("VUL", scored->id),
        Patch {{"cvss", 9.1}, {"severity", std::string("medium")}}, std::nullopt, caller_at());
    EXPECT_EQ(field_of(changed), "severity");

    auto escaped
        = create(store(), lesson_spec(), Patch {{"title", std::string("Pwned \x1b]0;title\x07")}}, caller_at());
    EXPECT_EQ(field_of(escaped), "title");
    auto lesson = create(store(), lesson_spec(),
        Patch {
            {"title", std::string("Test restores")}, {"improvement", std::string("Quarterly:\n\t- restore one host")}},
        caller_at());
    ASSERT_TRUE(lesson) << lesson.error().message();

    // A row stored before the rule (here written directly) keeps its text, and its other fields can still be edited.
    ASSERT_TRUE(store().write([&](Tx& tx) -> Result<bool> {
        auto title_column = 0;
        for (size_t index = 0; index < lesson_spec().fields.size(); ++index)
            if (lesson_spec().fields[index].name == "title")
                title_column = static_cast<int>(index);
        C9_TRY(tx.update(table_of(lesson_spec()), lesson->id, lesson->version,
            {{title_column, std::string("Test restores"), std::string("Old \x01 title")}}, caller_at().stamp()));
        return true;
    }));
    auto edited = update(store(), lesson_spec(), display_id("LL", lesson->id),
        Patch {{"category", std::string("technology")}}, std::nullopt, caller_at());
    EXPECT_TRUE(edited) << edited.error().message();
}

} // namespace
} // namespace c9
