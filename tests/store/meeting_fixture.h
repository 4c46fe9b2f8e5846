// The meeting cycle fixture for the store tests: two people, a monthly series chaired by the first, and steps
// that plan, build an agenda and hold a meeting at given times on a real database.
#pragma once

#include "app/meeting_cycle.h"
#include "app/meeting_docs.h"
#include "app/meetings.h"
#include "app/registers.h"
#include "export/renderers.h"
#include "store/meeting_records.h"
#include "test_support.h"

#include <algorithm>
#include <string>
#include <vector>

namespace c9::test {

class MeetingCycle : public ::testing::Test {
protected:
    test::TestDatabase db;
    Id chair = 0, member = 0, series = 0;

    void SetUp() override
    {
        chair = make(person_spec(),
            {{"name", std::string("Alice ISO")}, {"email", std::string("alice@example.org")},
                {"roles", std::string("iso")}});
        member = make(person_spec(),
            {{"name", std::string("Bob IT")}, {"email", std::string("bob@example.org")}, {"roles", std::string("it")}});
        series = make(series_spec(),
            {{"name", std::string("ISMS maintenance")}, {"type", std::string("maintenance")},
                {"cadence", std::string("monthly")}, {"chair", chair}},
            "2026-01-01T00:00:00Z");
    }

    template <class T> Id make(const EntitySpec<T>& spec, Patch patch, const char* when = "2026-01-01T00:00:00Z")
    {
        auto row = create(db.store(), spec, patch, caller_at(when));
        EXPECT_TRUE(row) << row.error().message();
        return row ? row->id : 0;
    }

    template <class F> auto write(const char* when, F&& body)
    {
        auto caller = caller_at(when);
        return db.store().write([&](Tx& tx) { return body(tx, caller); });
    }

    Meeting plan(const char* at, const char* when)
    {
        auto meeting = write(
            when, [&](Tx& tx, const Caller& caller) { return plan_meeting(tx, series, parse_timestamp(at), caller); });
        EXPECT_TRUE(meeting) << meeting.error().message();
        return *meeting;
    }

    std::vector<std::string> agenda_keys(Id meeting, const char* when)
    {
        auto items
            = write(when, [&](Tx& tx, const Caller& caller) { return build_meeting_agenda(tx, meeting, caller); });
        EXPECT_TRUE(items) << items.error().message();
        std::vector<std::string> keys;
        for (const auto& item : *items)
            if (item.key && !item.removed)
                keys.push_back(*item.key);
        return keys;
    }

    // Runs a meeting from start to approval at the given day.
    void hold(Id meeting, const std::string& day)
    {
        auto at = [&](const char* time) { return day + "T" + time; };
        ASSERT_TRUE(write(
            at("09:00:00Z").c_str(), [&](Tx& tx, const Caller& caller) { return start_meeting(tx, meeting, caller); }));
        ASSERT_TRUE(write(at("10:00:00Z").c_str(),
            [&](Tx& tx, const Caller& caller) { return close_meeting(tx, meeting, std::nullopt, caller); }));
        auto approved = write(at("10:05:00Z").c_str(), [&](Tx& tx, const Caller& caller) {
            return approve_meeting(tx, meeting, chair, caller, minutes_renderers());
        });
        ASSERT_TRUE(approved) << approved.error().message();
    }

    static bool contains(const std::vector<std::string>& keys, const std::string& key)
    {
        return std::find(keys.begin(), keys.end(), key) != keys.end();
    }
};

} // namespace c9::test
