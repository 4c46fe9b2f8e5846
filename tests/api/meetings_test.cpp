// The meeting cycle over the REST API: plan, agenda, attendance, start, record, close, approve, and the seal
// that refuses every later change with 409.
#include "api_fixture.h"

namespace c9::api_test {
namespace {

using Meetings = ApiTest;

std::vector<std::string> item_titles(const Json& agenda)
{
    std::vector<std::string> titles;
    for (const auto& section : agenda["sections"])
        for (const auto& item : section["items"])
            titles.push_back(item["title"]);
    return titles;
}

Json find_item(const Json& agenda, std::string_view title)
{
    for (const auto& section : agenda["sections"])
        for (const auto& item : section["items"])
            if (item["title"] == title)
                return item;
    return nullptr;
}

TEST_F(Meetings, TheWholeCycleEndsInSealedMinutes)
{
    auto planned = post("/api/v1/meeting-series/" + std::to_string(seed.series) + "/meetings",
        {{"starts_at", "2031-03-02T09:00:00Z"}}, As::chair);
    ASSERT_EQ(planned.status, 201) << planned.describe();
    auto meeting = planned.header("Location");
    EXPECT_EQ(planned.json()["state"], "planned");

    auto agenda = get(meeting + "/agenda", As::member);
    ASSERT_EQ(agenda.status, 200) << agenda.describe();
    EXPECT_FALSE(agenda.json()["sections"].empty());
    EXPECT_EQ(agenda.json()["meeting"]["state"], "planned");

    auto added = post(meeting + "/agenda/items", {{"title", "Budget for pentest"}, {"timebox_minutes", 15}}, As::chair);
    ASSERT_EQ(added.status, 201) << added.describe();
    auto item = added.header("Location");
    auto edited = request("PATCH", item, As::chair, Json {{"title", "Budget for the 2031 pentest"}},
        {"If-Match: \"" + std::to_string(added.json()["version"].get<int>()) + "\""});
    ASSERT_EQ(edited.status, 200) << edited.describe();
    EXPECT_EQ(request("PATCH", item, As::chair, Json {{"title", "Stale"}}, {"If-Match: \"1\""}).status, 412);
    EXPECT_EQ(request("PATCH", item, As::chair, Json {{"title", "No version"}}).status, 428);
    EXPECT_EQ(request("PATCH", item, As::chair, Json {{"notes", "too early"}},
                  {"If-Match: \"" + std::to_string(edited.json()["version"].get<int>()) + "\""})
                  .status,
        422);

    // The chair's edit of the whole agenda: the new item first, a new manual item, everything else removed.
    auto before = get(meeting + "/agenda", As::chair).json();
    auto budget = find_item(before, "Budget for the 2031 pentest");
    ASSERT_FALSE(budget.is_null());
    // Each item of the agenda carries the version an edit of that item must send back.
    EXPECT_EQ(budget["version"], edited.json()["version"]);
    int last_position = 0;
    for (const auto& section : before["sections"])
        for (const auto& listed : section["items"]) {
            EXPECT_TRUE(listed["version"].is_number_integer()) << listed.dump();
            EXPECT_GT(listed["position"].get<int>(), last_position) << listed.dump(); // in agenda order
            last_position = listed["position"].get<int>();
        }
    auto replaced = put(meeting + "/agenda",
        {{"items",
            Json::array({Json {{"id", budget["id"]}, {"timebox_minutes", 20}},
                Json {{"title", "Any other business"}, {"section", "other_business"}}})}},
        As::chair);
    ASSERT_EQ(replaced.status, 200) << replaced.describe();
    EXPECT_EQ(
        item_titles(replaced.json()), (std::vector<std::string> {"Budget for the 2031 pentest", "Any other business"}));
    EXPECT_EQ(find_item(replaced.json(), "Budget for the 2031 pentest")["timebox_minutes"], 20);
    auto bad_edit = put(
        meeting + "/agenda", {{"items", Json::array({Json {{"id", 99999}}, Json {{"section", "kpis"}}})}}, As::chair);
    EXPECT_EQ(bad_edit.status, 422);
    EXPECT_EQ(bad_edit.json()["errors"][0]["field"], "items[1].title");

    auto attendance = post(meeting + "/attendance",
        {{"person", "mia@example.org"}, {"role", "minute_taker"}, {"presence", "invited"}}, As::chair);
    ASSERT_EQ(attendance.status, 200) << attendance.describe();
    EXPECT_EQ(attendance.json()["role"], "minute_taker");

    auto started = post(meeting + "/start", Json::object(), As::chair);
    ASSERT_EQ(started.status, 200) << started.describe();
    EXPECT_EQ(started.json()["state"], "in_progress");
    EXPECT_EQ(put(meeting + "/agenda", {{"items", Json::array()}}, As::chair).status, 409);
    EXPECT_EQ(post(meeting + "/agenda/items", {{"title", "Late"}}, As::chair).status, 409);

    auto items = get(meeting + "/agenda", As::member).json();
    auto budget_id = std::to_string(find_item(items, "Budget for the 2031 pentest")["id"].get<int>());
    auto noted = post(meeting + "/agenda/items/" + budget_id + "/notes",
        {{"notes", "Approved 20k"}, {"outcome", "decision"}}, As::member);
    ASSERT_EQ(noted.status, 200) << noted.describe();
    EXPECT_EQ(noted.json()["notes"], "Approved 20k");
    auto decision = post(meeting + "/decisions",
        {{"text", "Order a pentest"}, {"type", "resource"}, {"agenda_item", std::stoi(budget_id)}}, As::member);
    ASSERT_EQ(decision.status, 201) << decision.describe();
    auto owned = post(meeting + "/decisions",
        {{"text", "Mia runs the tender"}, {"owner", "mia@example.org"}, {"due", "2031-04-30"}}, As::chair);
    ASSERT_EQ(owned.status, 201) << owned.describe();
    EXPECT_EQ(owned.json()["due"], "2031-04-30");
    // The decision log across meetings, by owner and date.
    auto log = get("/api/v1/decisions?owner=mia@example.org&since=2031-03-01", As::auditor);
    ASSERT_EQ(log.status, 200) << log.describe();
    ASSERT_EQ(log.json().size(), 1u) << log.body;
    EXPECT_EQ(log.json()[0]["text"], "Mia runs the tender");
    EXPECT_EQ(log.json()[0]["meeting"], planned.json()["id"]);
    EXPECT_EQ(log.json()[0]["meeting_starts_at"], "2031-03-02T09:00:00Z");
    EXPECT_EQ(get("/api/v1/decisions?since=2031-03-03", As::auditor).json().size(), 0u);
    EXPECT_EQ(get("/api/v1/decisions?series=" + std::to_string(seed.series), As::auditor).json().size(), 2u);
    auto bad_log = get("/api/v1/decisions?since=March&colour=red", As::auditor);
    ASSERT_EQ(bad_log.status, 422) << bad_log.describe();
    EXPECT_EQ(bad_log.json()["errors"][0]["field"], "colour");
    EXPECT_EQ(get("/api/v1/decisions?since=March", As::auditor).json()["errors"][0]["field"], "since");
    auto action = post(meeting + "/actions",
        {{"title", "Get three quotes"}, {"owner", "mia@example.org"}, {"agenda_item", std::stoi(budget_id)}},
        As::member);
    ASSERT_EQ(action.status, 201) << action.describe();
    EXPECT_FALSE(action.json()["due"].is_null()) << "due defaults to the next meeting";
    EXPECT_TRUE(action.header("Location").starts_with("/api/v1/actions/"));
    auto lesson = post(meeting + "/lessons", {{"title", "Budget pentests yearly"}}, As::chair);
    ASSERT_EQ(lesson.status, 201) << lesson.describe();
    auto meeting_id = planned.json()["id"].get<int>();
    EXPECT_EQ(get("/api/v1/actions?meeting=" + std::to_string(meeting_id)).json()["total"], 1);

    auto closed = post(meeting + "/close", Json::object(), As::chair);
    ASSERT_EQ(closed.status, 200) << closed.describe();
    EXPECT_EQ(closed.json()["state"], "held");
    auto draft = get(meeting + "/minutes?format=md");
    ASSERT_EQ(draft.status, 200) << draft.describe();
    EXPECT_EQ(draft.header("Content-Type"), "text/markdown; charset=utf-8");
    EXPECT_NE(draft.body.find("Order a pentest"), std::string::npos);

    EXPECT_EQ(post(meeting + "/approve", Json::object(), As::admin).json()["errors"][0]["field"], "by");
    auto approved = post(meeting + "/approve", Json::object(), As::chair);
    ASSERT_EQ(approved.status, 200) << approved.describe();
    EXPECT_EQ(approved.json()["state"], "approved");
    EXPECT_EQ(approved.json()["approved_by"], seed.chair_person);
    EXPECT_FALSE(approved.json()["audit_head"].is_null());
    auto sha = approved.json()["minutes_hash"].get<std::string>();

    for (auto format : {"md", "html", "json"}) {
        auto minutes = get(meeting + "/minutes?format=" + std::string(format), As::auditor);
        ASSERT_EQ(minutes.status, 200) << format;
        EXPECT_EQ(minutes.header("X-Minutes-SHA256"), sha) << format;
        EXPECT_NE(minutes.body.find("Get three quotes"), std::string::npos) << format;
    }
    EXPECT_NE(get(meeting + "/minutes?format=md").body.find(sha), std::string::npos);
    EXPECT_FALSE(get(meeting + "/minutes").json()["approval"].is_null());
    EXPECT_EQ(get(meeting + "/minutes?format=pdf").status, 422);

    // Sealed: every change is refused with 409, typed as locked, and nothing is written.
    auto version = approved.json()["version"].get<int>();
    auto head = get("/api/v1/audit?limit=1", As::auditor).json()["head"]["seq"];
    std::vector<std::pair<std::string, Reply>> attempts;
    attempts.emplace_back("patch", patch(meeting, {{"location", "elsewhere"}}, version, As::chair));
    attempts.emplace_back(
        "note", post(meeting + "/agenda/items/" + budget_id + "/notes", {{"notes", "changed"}}, As::chair));
    attempts.emplace_back("decision", post(meeting + "/decisions", {{"text", "Another"}}, As::chair));
    attempts.emplace_back("action", post(meeting + "/actions", {{"title", "Another"}, {"owner", 1}}, As::chair));
    attempts.emplace_back("lesson", post(meeting + "/lessons", {{"title", "Another"}}, As::chair));
    attempts.emplace_back(
        "attendance", post(meeting + "/attendance", {{"person", 1}, {"presence", "present"}}, As::chair));
    attempts.emplace_back("start", post(meeting + "/start", Json::object(), As::chair));
    attempts.emplace_back("close", post(meeting + "/close", Json::object(), As::chair));
    attempts.emplace_back("approve", post(meeting + "/approve", Json::object(), As::chair));
    attempts.emplace_back("agenda", put(meeting + "/agenda", {{"items", Json::array()}}, As::chair));
    attempts.emplace_back("item", post(meeting + "/agenda/items", {{"title", "Late"}}, As::chair));
    attempts.emplace_back("remove", del(meeting + "/agenda/items/" + budget_id, As::chair));
    for (const auto& [name, reply] : attempts) {
        EXPECT_EQ(reply.status, 409) << name << ": " << reply.describe();
        EXPECT_EQ(reply.json()["type"], "urn:clause9:problem:locked") << name << ": " << reply.body;
    }
    EXPECT_EQ(get("/api/v1/audit?limit=1", As::auditor).json()["head"]["seq"], head);
    EXPECT_EQ(get(meeting + "/minutes?format=md").header("X-Minutes-SHA256"), sha);
}

TEST_F(Meetings, TheInvitationIsICalendar)
{
    auto invite = get("/api/v1/meetings/" + std::to_string(seed.meeting) + "/invite.ics", As::member);
    ASSERT_EQ(invite.status, 200) << invite.describe();
    EXPECT_TRUE(invite.header("Content-Type").starts_with("text/calendar"));
    EXPECT_TRUE(invite.body.starts_with("BEGIN:VCALENDAR\r\n"));
    EXPECT_NE(invite.body.find("METHOD:REQUEST"), std::string::npos);
    EXPECT_EQ(get("/api/v1/meetings/999/invite.ics").status, 404);
    EXPECT_EQ(get("/api/v1/meetings/MTG-x/agenda").status, 404);
}

TEST_F(Meetings, AManagementReviewNeedsEveryInputOrAReason)
{
    auto series = post("/api/v1/meeting-series",
        {{"name", "Management review"}, {"type", "management_review"}, {"cadence", "yearly"}}, As::chair);
    ASSERT_EQ(series.status, 201);
    auto planned = post(series.header("Location") + "/meetings", Json::object(), As::chair);
    ASSERT_EQ(planned.status, 201) << planned.describe();
    auto meeting = planned.header("Location");
    // The generated agenda covers 9.3.2 a-g; the chair removes all of it but one manual item.
    auto generated = get(meeting + "/agenda", As::chair).json();
    ASSERT_FALSE(generated["coverage"].empty());
    ASSERT_EQ(
        put(meeting + "/agenda", {{"items", Json::array({Json {{"title", "Only this"}}})}}, As::chair).status, 200);
    ASSERT_EQ(post(meeting + "/start", Json::object(), As::chair).status, 200);
    auto refused = post(meeting + "/close", Json::object(), As::chair);
    ASSERT_EQ(refused.status, 422) << refused.describe();
    EXPECT_EQ(refused.json()["errors"][0]["field"], "uncovered_reason");
    auto closed = post(meeting + "/close", {{"uncovered_reason", "Shortened review after the office move"}}, As::chair);
    EXPECT_EQ(closed.status, 200) << closed.describe();
}

TEST_F(Meetings, AgendaItemsBelongToTheirMeeting)
{
    auto other = post("/api/v1/meeting-series/" + std::to_string(seed.series) + "/meetings",
        {{"starts_at", "2031-04-01T09:00:00Z"}}, As::chair);
    ASSERT_EQ(other.status, 201);
    // The fixture's item is on the fixture's meeting, not on this one.
    auto wrong = request("PATCH", other.header("Location") + "/agenda/items/" + std::to_string(seed.agenda_item),
        As::chair, Json {{"title", "x"}}, {"If-Match: \"1\""});
    EXPECT_EQ(wrong.status, 404);
    EXPECT_EQ(
        del(other.header("Location") + "/agenda/items/" + std::to_string(seed.agenda_item), As::chair).status, 404);
    auto moved = request("PATCH",
        "/api/v1/meetings/" + std::to_string(seed.meeting) + "/agenda/items/AI-" + std::to_string(seed.agenda_item),
        As::chair, Json {{"position", 1}}, {"If-Match: \"1\""});
    EXPECT_EQ(moved.status, 200) << moved.describe();
    EXPECT_EQ(moved.json()["position"], 1);
}

} // namespace
} // namespace c9::api_test
