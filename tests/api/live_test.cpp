// A live meeting over the real server (api/live.h): GET /api/v1/meetings/{id}/live streams the meeting's state as
// server-sent events, first as it is and again after every change, whoever makes it: a write through the API, or
// the CLI on the same database. The room follows the current item the chair sets; notes saved with a stale version
// are refused (412) instead of overwriting what someone else saved.
#include "api_fixture.h"

#include <functional>

namespace c9::api_test {
namespace {

class LiveMeeting : public ApiTest {
protected:
    std::string meeting_path() const { return "/api/v1/meetings/" + std::to_string(seed.meeting); }

    // Opens the stream as `as` and returns the client reading it, after its head.
    std::unique_ptr<http::test::TestClient> watch(As as)
    {
        auto client = std::make_unique<http::test::TestClient>(server.port());
        std::vector<std::string> headers {"Accept: text/event-stream"};
        if (as != As::anonymous)
            headers.push_back("Authorization: Bearer " + seed.tokens.at(as));
        EXPECT_TRUE(client->send(http::test::request_text("GET", meeting_path() + "/live", headers)));
        auto head = client->read_until("\r\n\r\n");
        EXPECT_TRUE(head && head->starts_with("HTTP/1.1 200")) << head.value_or("(nothing)");
        EXPECT_NE(head.value_or("").find("text/event-stream"), std::string::npos);
        return client;
    }

    // The next "meeting" event whose state passes `wanted`; earlier states are skipped. Null when none comes.
    static Json next_state(http::test::TestClient& client, const std::function<bool(const Json&)>& wanted)
    {
        while (auto frame = client.read_until("\n\n", std::chrono::seconds(15))) {
            if (frame->find("event: meeting\n") == std::string::npos)
                continue;
            auto data = frame->find("data: ");
            if (data == std::string::npos)
                continue;
            auto state = Json::parse(frame->substr(data + 6, frame->find('\n', data) - data - 6));
            if (wanted(state))
                return state;
        }
        return nullptr;
    }

    static Json item_of(const Json& state, Id id)
    {
        for (const auto& section : state["agenda"]["sections"])
            for (const auto& item : section["items"])
                if (item["id"] == id)
                    return item;
        return nullptr;
    }
};

TEST_F(LiveMeeting, EveryChangeReachesTheRoomAsItIsRecorded)
{
    auto member = watch(As::member);
    auto first = next_state(*member, [](const Json&) { return true; });
    ASSERT_FALSE(first.is_null());
    EXPECT_EQ(first["meeting"]["state"], "planned");
    EXPECT_FALSE(item_of(first, seed.agenda_item).is_null()) << first.dump();

    ASSERT_EQ(post(meeting_path() + "/start", Json::object(), As::chair).status, 200);
    auto started = next_state(*member, [](const Json& state) { return state["meeting"]["state"] == "in_progress"; });
    ASSERT_FALSE(started.is_null());

    // The chair moves the room to an item; the member's view learns it.
    auto moved = put(meeting_path() + "/current", {{"item", seed.agenda_item}}, As::chair);
    ASSERT_EQ(moved.status, 200) << moved.describe();
    auto following
        = next_state(*member, [&](const Json& state) { return state["meeting"]["current_item"] == seed.agenda_item; });
    ASSERT_FALSE(following.is_null());
    // A member who is neither chair nor minute taker does not lead the room.
    auto refused = put(meeting_path() + "/current", {{"item", seed.agenda_item}}, As::member);
    EXPECT_EQ(refused.status, 403) << refused.describe();
    EXPECT_EQ(put(meeting_path() + "/current", {{"item", true}}, As::chair).json()["errors"][0]["field"], "item");
    EXPECT_EQ(put(meeting_path() + "/current", {{"item", "AI-99999"}}, As::chair).status, 404);

    // Notes saved by the member reach a second viewer, the chair's.
    auto chair = watch(As::chair);
    auto chair_view = next_state(*chair, [](const Json&) { return true; });
    auto version = item_of(chair_view, seed.agenda_item)["version"].get<std::int64_t>();
    auto notes_path = meeting_path() + "/agenda/items/" + std::to_string(seed.agenda_item) + "/notes";
    auto saved
        = request("POST", notes_path, As::member, Json {{"notes", "Walked the server room; two racks unlocked."}},
            {"If-Match: \"" + std::to_string(version) + "\""});
    ASSERT_EQ(saved.status, 200) << saved.describe();
    auto noted = next_state(*chair, [&](const Json& state) {
        return item_of(state, seed.agenda_item)["notes"] == "Walked the server room; two racks unlocked.";
    });
    ASSERT_FALSE(noted.is_null());

    // The chair, still on the version both started from, does not overwrite them silently.
    auto stale = request("POST", notes_path, As::chair, Json {{"notes", "Racks fine."}},
        {"If-Match: \"" + std::to_string(version) + "\""});
    EXPECT_EQ(stale.status, 412) << stale.describe();
    EXPECT_NE(stale.json()["detail"].get<std::string>().find("merge"), std::string::npos);
    auto stored = item_of(noted, seed.agenda_item);
    auto merged = request("POST", notes_path, As::chair,
        Json {{"notes", stored["notes"].get<std::string>() + "\n\nRacks locked since."}},
        {"If-Match: \"" + std::to_string(stored["version"].get<std::int64_t>()) + "\""});
    ASSERT_EQ(merged.status, 200) << merged.describe();
    EXPECT_FALSE(next_state(*member, [&](const Json& state) {
        return item_of(state, seed.agenda_item)["notes"]
            == "Walked the server room; two racks unlocked.\n\nRacks locked since.";
    }).is_null());

    // Decisions recorded through the API are in the minutes part of the state.
    ASSERT_EQ(
        post(meeting_path() + "/decisions", {{"text", "Lock the racks"}, {"agenda_item", seed.agenda_item}}, As::chair)
            .status,
        201);
    EXPECT_FALSE(next_state(*member, [](const Json& state) {
        return !state["minutes"]["decisions"].empty() && state["minutes"]["decisions"][0]["text"] == "Lock the racks";
    }).is_null());
}

TEST_F(LiveMeeting, AWriteByTheCommandLineReachesTheStreamToo)
{
    ASSERT_EQ(post(meeting_path() + "/start", Json::object(), As::chair).status, 200);
    auto viewer = watch(As::auditor);
    ASSERT_FALSE(
        next_state(*viewer, [](const Json& state) { return state["meeting"]["state"] == "in_progress"; }).is_null());
    auto cli = test::run_clause9({"--db", db_path(), "meeting", "note", "MTG-" + std::to_string(seed.meeting), "--item",
                                     "AI-" + std::to_string(seed.agenda_item), "--text", "Noted from the terminal"},
        work_dir(), "");
    ASSERT_EQ(cli.status, 0) << cli.err;
    EXPECT_FALSE(next_state(*viewer, [&](const Json& state) {
        return item_of(state, seed.agenda_item)["notes"] == "Noted from the terminal";
    }).is_null());
}

TEST_F(LiveMeeting, TheStreamIsForThoseWhoMayReadTheMeeting)
{
    EXPECT_EQ(get(meeting_path() + "/live", As::anonymous).status, 401);
    EXPECT_EQ(get("/api/v1/meetings/9999/live", As::member).status, 404);
    // Setting the current item of a meeting that has not started is a conflict, as on the command line.
    EXPECT_EQ(put(meeting_path() + "/current", {{"item", seed.agenda_item}}, As::chair).status, 409);
}

} // namespace
} // namespace c9::api_test
