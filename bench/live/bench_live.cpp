// Live meetings (GET /api/v1/meetings/{id}/live): the time from saving a note through the API to every open view
// having the new state, with 1, 10 and 100 views of the demo's meeting open, against the time the save itself takes
// (its own round trip). Also the size of one state event. The real `clause9 serve` on a fresh demo database.
// Target: with 100 views, every view has the note within 100 ms of the save (median), on the 2-core machine.
//
// usage: bench_live [--binary PATH] [--writes N]
#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

std::string run(const std::string& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return out;
    char buffer[4096];
    while (size_t read = fread(buffer, 1, sizeof buffer, pipe))
        out.append(buffer, read);
    if (pclose(pipe) != 0) {
        fmt::print(stderr, "bench_live: failed: {}\n{}\n", command, out);
        std::exit(1);
    }
    return out;
}

int connect_to(uint16_t port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        std::perror("bench_live: connect");
        std::exit(1);
    }
    return fd;
}

void send_all(int fd, const std::string& text)
{
    for (size_t sent = 0; sent < text.size();) {
        auto wrote = send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
        if (wrote <= 0) {
            std::perror("bench_live: send");
            std::exit(1);
        }
        sent += static_cast<size_t>(wrote);
    }
}

// Reads from fd into buffer until it holds `marker`; drops what came before and including it.
bool read_until(int fd, std::string& buffer, const std::string& marker, int timeout_ms = 10'000)
{
    auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
        if (auto at = buffer.find(marker); at != std::string::npos) {
            buffer.erase(0, at + marker.size());
            return true;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        pollfd descriptor {fd, POLLIN, 0};
        if (left <= 0 || poll(&descriptor, 1, static_cast<int>(left)) <= 0)
            return false;
        char chunk[65536];
        auto got = recv(fd, chunk, sizeof chunk, 0);
        if (got <= 0)
            return false;
        buffer.append(chunk, static_cast<size_t>(got));
    }
}

struct Viewer {
    int fd = -1;
    std::string buffer;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

double percentile(std::vector<double> values, double share)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, static_cast<size_t>(share * values.size()))];
}

} // namespace

int main(int argc, char** argv)
{
    std::string binary = CLAUSE9_BINARY;
    int writes = 30;
    for (int arg = 1; arg + 1 < argc; arg += 2) {
        if (std::string(argv[arg]) == "--binary")
            binary = argv[arg + 1];
        else if (std::string(argv[arg]) == "--writes")
            writes = std::max(1, std::atoi(argv[arg + 1]));
    }
    signal(SIGPIPE, SIG_IGN);
    auto dir = fs::temp_directory_path() / fmt::format("clause9-bench-live-{}", getpid());
    fs::create_directories(dir);
    auto db = (dir / "live.db").string();
    auto cli = [&](const std::string& args) { return run(fmt::format("'{}' --db '{}' {} 2>&1", binary, db, args)); };
    cli("demo");
    run(fmt::format("printf 'bench password 1234\\n' | '{}' --db '{}' user add --email bench@example.org --name Bench "
                    "--role admin --password-stdin 2>&1",
        binary, db));
    auto token = nlohmann::json::parse(cli("--json token create --user bench@example.org --name bench"))["token"]
                     .get<std::string>();
    // The demo's next planned meeting, started, with its first item.
    auto meetings = nlohmann::json::parse(cli("--json meeting list"));
    std::string meeting;
    for (const auto& row : meetings)
        if (row["state"] == "planned") {
            meeting = fmt::format("{}", row["id"].get<long long>());
            break;
        }
    cli("meeting start " + meeting);
    auto agenda = nlohmann::json::parse(cli("--json agenda " + meeting));
    auto item = agenda["sections"][0]["items"][0]["id"].get<long long>();

    int out[2];
    if (pipe(out) != 0)
        return 1;
    pid_t server = fork();
    if (server == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        // The server's log lines would interleave with the figures.
        if (FILE* null = freopen("/dev/null", "w", stderr); !null)
            _exit(127);
        execl(binary.c_str(), binary.c_str(), "--db", db.c_str(), "serve", "--listen", "127.0.0.1:0", "--quiet",
            static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    std::string line;
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n')
        line += c;
    auto colon = line.rfind(':');
    auto port = static_cast<uint16_t>(std::atoi(line.c_str() + colon + 1));
    if (port == 0) {
        fmt::print(stderr, "bench_live: the server did not start: {}\n", line);
        return 1;
    }

    fmt::print("live meeting fan-out, MTG-{} of the demo, {} note saves per row (median / 95th percentile, ms)\n",
        meeting, writes);
    fmt::print("{:>6}  {:>14}  {:>20}  {:>20}\n", "views", "save (ack)", "first view has it", "every view has it");
    auto request_head = fmt::format("Host: 127.0.0.1\r\nAuthorization: Bearer {}\r\n", token);
    size_t state_bytes = 0;
    int sequence = 0;
    for (int views : {1, 10, 100}) {
        std::vector<Viewer> viewers(static_cast<size_t>(views));
        for (auto& viewer : viewers) {
            viewer.fd = connect_to(port);
            send_all(viewer.fd,
                fmt::format("GET /api/v1/meetings/{}/live HTTP/1.1\r\n{}Accept: text/event-stream\r\n\r\n", meeting,
                    request_head));
            if (!read_until(viewer.fd, viewer.buffer, "event: meeting\n")) {
                fmt::print(stderr, "bench_live: a view got no state\n");
                return 1;
            }
            auto before = viewer.buffer.size();
            if (!read_until(viewer.fd, viewer.buffer, "\n\n"))
                return 1;
            state_bytes = std::max(state_bytes, before - viewer.buffer.size());
        }
        int writer = connect_to(port);
        std::string writer_buffer;
        std::vector<double> acks, firsts, alls;
        for (int write = 0; write < writes; ++write) {
            auto marker = fmt::format("bench note {}", ++sequence);
            auto body = nlohmann::json {{"notes", marker}}.dump();
            auto started = Clock::now();
            send_all(writer,
                fmt::format("POST /api/v1/meetings/{}/agenda/items/{}/notes HTTP/1.1\r\n{}Content-Type: "
                            "application/json\r\nContent-Length: {}\r\n\r\n{}",
                    meeting, item, request_head, body.size(), body));
            // The answer is the item as JSON; the notes in it end the part this waits for.
            if (!read_until(writer, writer_buffer, "\"" + marker + "\"")) {
                fmt::print(stderr, "bench_live: the save was not acknowledged\n");
                return 1;
            }
            auto acked = Clock::now();
            std::vector<bool> done(viewers.size(), false);
            double first = -1, all = 0;
            for (size_t index = 0; index < viewers.size(); ++index) {
                if (!read_until(viewers[index].fd, viewers[index].buffer, marker)) {
                    fmt::print(stderr, "bench_live: a view never got the note\n");
                    return 1;
                }
                double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
                first = first < 0 ? ms : std::min(first, ms);
                all = std::max(all, ms);
            }
            acks.push_back(std::chrono::duration<double, std::milli>(acked - started).count());
            firsts.push_back(first);
            alls.push_back(all);
            writer_buffer.clear();
            // Let the rest of the answer and of the events arrive before the next save.
            usleep(20'000);
            for (auto& viewer : viewers) {
                pollfd descriptor {viewer.fd, POLLIN, 0};
                char chunk[65536];
                while (poll(&descriptor, 1, 0) > 0 && recv(viewer.fd, chunk, sizeof chunk, 0) > 0) { }
                viewer.buffer.clear();
            }
            pollfd descriptor {writer, POLLIN, 0};
            char chunk[65536];
            while (poll(&descriptor, 1, 0) > 0 && recv(writer, chunk, sizeof chunk, 0) > 0) { }
        }
        fmt::print("{:>6}  {:>6.1f} / {:>5.1f}  {:>10.1f} / {:>7.1f}  {:>10.1f} / {:>7.1f}\n", views, median(acks),
            percentile(acks, 0.95), median(firsts), percentile(firsts, 0.95), median(alls), percentile(alls, 0.95));
        for (auto& viewer : viewers)
            close(viewer.fd);
        close(writer);
    }
    fmt::print("one state event: {:.1f} KiB (the meeting's whole state, sent once per change to each view)\n",
        static_cast<double>(state_bytes) / 1024);
    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
    fs::remove_all(dir);
    return 0;
}
