// The layers of DESIGN.md section 5, checked file by file. The build already refuses an include against the
// direction of the layers (each library sees only the include roots of what it links, src/CMakeLists.txt); this
// test states the table once more in words a reviewer reads, and also catches what an include root cannot: a
// relative include that climbs out of its folder, a new folder nobody placed in the table, and a front end that
// opens a store transaction itself instead of calling one app/ use case.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace c9 {
namespace {

namespace fs = std::filesystem;

// Which layers the files of each layer may include, itself among them.
const std::map<std::string, std::set<std::string>>& allowed()
{
    static const std::map<std::string, std::set<std::string>> table{
        {"core", {"core"}},
        {"store", {"core", "store"}},
        {"app", {"core", "store", "app"}},
        {"demo", {"core", "store", "app", "demo"}},
        {"export", {"core", "store", "app", "export"}},
        {"http", {"http"}},
        {"web", {"http", "web"}},
        {"api", {"core", "store", "app", "export", "http", "api"}},
        {"cli", {"core", "store", "app", "export", "demo", "cli"}},
        // The build tool that writes the API document from the register specs.
        {"schema", {"core", "store", "app", "export", "schema"}},
    };
    return table;
}

std::string read(const fs::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

struct SourceFile {
    std::string layer;
    fs::path path;
    std::string text;
};

std::vector<SourceFile> sources()
{
    std::vector<SourceFile> files;
    fs::path root = fs::path(CLAUSE9_SOURCE_DIR) / "src";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        auto extension = entry.path().extension();
        if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".h"))
            continue;
        auto relative = fs::relative(entry.path(), root);
        std::string layer = relative.has_parent_path() ? relative.begin()->string() : "";
        files.push_back({layer, relative, read(entry.path())});
    }
    return files;
}

// The project's own includes of a file: #include "layer/file.h".
std::vector<std::string> includes(const std::string& text)
{
    static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
    std::vector<std::string> found;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (std::regex_search(line, match, include))
            found.push_back(match[1]);
    }
    return found;
}

TEST(Layers, EveryFolderIsALayerOfTheTable)
{
    auto files = sources();
    ASSERT_GT(files.size(), 200u);
    for (const auto& file : files) {
        if (file.layer.empty()) {
            EXPECT_EQ(file.path, "main.cpp") << "only the composition root lives outside a layer";
            continue;
        }
        EXPECT_TRUE(allowed().contains(file.layer)) << file.path << ": the folder " << file.layer
                                                    << " is not in the table of layers";
    }
}

TEST(Layers, EveryIncludeFollowsTheDirectionOfTheLayers)
{
    int checked = 0;
    for (const auto& file : sources()) {
        for (const auto& include : includes(file.text)) {
            ++checked;
            EXPECT_EQ(include.find(".."), std::string::npos) << file.path << " includes " << include
                                                             << ": name the layer, never climb out of a folder";
            auto slash = include.find('/');
            ASSERT_NE(slash, std::string::npos) << file.path << " includes " << include << " without its layer";
            auto target = include.substr(0, slash);
            if (file.layer.empty())
                continue; // main.cpp wires every layer
            ASSERT_TRUE(allowed().contains(file.layer)) << file.path;
            EXPECT_TRUE(allowed().at(file.layer).contains(target))
                << file.path << " includes " << include << ": " << file.layer << " may not use " << target;
        }
    }
    EXPECT_GT(checked, 600);
}

// A front end parses, calls one app/ use case and renders: it never holds a transaction (a Tx) or opens one.
TEST(Layers, FrontEndsOpenNoStoreTransaction)
{
    static const std::regex transaction(R"(\bTx\b|\.\s*(read|write)\s*\(\s*\[)");
    for (const auto& file : sources()) {
        if (file.layer != "api" && file.layer != "cli")
            continue;
        std::smatch match;
        EXPECT_FALSE(std::regex_search(file.text, match, transaction))
            << file.path << " uses \"" << match.str() << "\": compose the use case in app/ and call it";
    }
}

// The CLI knows nothing of HTTP: `clause9 serve` is wired by main.cpp.
TEST(Layers, TheCliIncludesNothingOfTheServer)
{
    for (const auto& file : sources()) {
        if (file.layer != "cli")
            continue;
        for (const auto& include : includes(file.text)) {
            EXPECT_FALSE(include.starts_with("api/") || include.starts_with("http/") || include.starts_with("web/"))
                << file.path << " includes " << include;
        }
    }
}

} // namespace
} // namespace c9
