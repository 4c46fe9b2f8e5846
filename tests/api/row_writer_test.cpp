// The list responses are written without a Json tree (api/row_writer.h); their bytes must be exactly those of the
// tree's serialisation, for every register and whatever text the rows hold.
#include "api/json_io.h"
#include "api/row_writer.h"
#include "app/registers.h"
#include "core/action_item.h"
#include "core/activity.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"
#include "test_support.h"

namespace c9 {
namespace {

template <class T> void expect_same_bytes(Store& store, const EntitySpec<T>& spec)
{
    auto rows = store.read([&](Tx& tx) { return all_rows(tx, spec); });
    ASSERT_TRUE(rows) << rows.error().message();
    EXPECT_EQ(rows_text(spec, *rows), json_text(rows_json(spec, *rows))) << spec.plural;
}

TEST(RowWriter, WritesTheSameBytesAsTheJsonTree)
{
    test::TestDatabase database;
    auto& store = database.store();
    auto caller = test::caller_at();
    // Text a person or another tool may have put in: quotes, backslashes, control characters, non-ASCII, emoji,
    // and bytes that are not UTF-8 at all (stored raw, bypassing the input checks).
    std::vector<std::string> titles {"plain", "quote \" and \\ backslash", "tab\tnew\nline\rcr\b\f",
        std::string("nul\0x", 5), "\x01\x1f\x7f", "Zürich – 東京 🚀", "bad \xff\xfe bytes", "truncated \xe2\x82",
        "overlong \xc0\xaf", "surrogate \xed\xa0\x80"};
    // PostgreSQL stores only valid UTF-8 without NULs, whoever writes; there the raw bytes cannot exist at all.
    if (database.engine() == Engine::postgresql)
        std::erase_if(titles, [](const std::string& title) { return text_problem(title).has_value(); });
    ASSERT_TRUE(create(
        store, person_spec(), {{"name", std::string("Ann")}, {"email", std::string("ann@example.org")}}, caller));
    for (size_t index = 0; index < titles.size(); ++index) {
        auto risk = create(store, risk_spec(),
            {{"title", std::string("risk")}, {"owner", std::int64_t {1}}, {"likelihood", std::int64_t {3}},
                {"impact", std::int64_t {4}}},
            caller);
        ASSERT_TRUE(risk) << risk.error().message();
        ASSERT_TRUE(store.write([&](Tx& tx) -> Result<bool> {
            auto updated = tx.update(
                table_of(risk_spec()), risk->id, 1, {{0, std::string("risk"), titles[index]}}, caller.stamp());
            if (!updated)
                return std::move(updated).error();
            return true;
        }));
    }
    ASSERT_TRUE(create(store, vulnerability_spec(), {{"title", std::string("v")}, {"cvss", 7.5}}, caller));
    ASSERT_TRUE(create(store, vulnerability_spec(), {{"title", std::string("w")}, {"cvss", 10.0}}, caller));
    ASSERT_TRUE(create(store, kpi_spec(), {{"name", std::string("k")}, {"target", 0.1}, {"amber", 1e-7}}, caller));
    expect_same_bytes(store, person_spec());
    expect_same_bytes(store, control_spec());
    expect_same_bytes(store, activity_spec());
    expect_same_bytes(store, incident_spec());
    expect_same_bytes(store, vulnerability_spec());
    expect_same_bytes(store, risk_spec());
    expect_same_bytes(store, nonconformity_spec());
    expect_same_bytes(store, kpi_spec());
    expect_same_bytes(store, action_spec());
    expect_same_bytes(store, lesson_spec());
    expect_same_bytes(store, series_spec());
    expect_same_bytes(store, meeting_spec());
}

} // namespace
} // namespace c9
