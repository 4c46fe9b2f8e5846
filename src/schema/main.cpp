// clause9-schema: a build tool that writes what is generated from the registers' specs, before the server and the
// web UI are built from it (src/CMakeLists.txt):
//   OUT/openapi.json     the API document: src/api/openapi_base.json and the register parts (export/openapi.h)
//   OUT/permissions.json the permission table (app/permissions.h), for the web UI to hide what would be refused
// A file whose content is unchanged is not rewritten, so what depends on it is not rebuilt.
#include "export/openapi.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

bool write_if_changed(const std::filesystem::path& path, const std::string& text)
{
    if (std::filesystem::exists(path) && read_file(path) == text)
        return true;
    auto temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary);
        out << text;
        if (!out)
            return false;
    }
    std::filesystem::rename(temporary, path);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: clause9-schema BASE.json OUTPUT_DIRECTORY\n";
        return 2;
    }
    auto base = c9::Json::parse(read_file(argv[1]), nullptr, false);
    if (base.is_discarded() || !base.is_object()) {
        std::cerr << "clause9-schema: " << argv[1] << " is not a JSON object\n";
        return 1;
    }
    auto document = c9::openapi_document(std::move(base));
    if (!document) {
        std::cerr << "clause9-schema: " << document.error().message() << '\n';
        return 1;
    }
    std::filesystem::path out(argv[2]);
    std::filesystem::create_directories(out);
    if (!write_if_changed(out / "openapi.json", document->dump(2) + "\n")
        || !write_if_changed(out / "permissions.json", c9::permission_table_json().dump(2) + "\n")) {
        std::cerr << "clause9-schema: cannot write to " << out.string() << '\n';
        return 1;
    }
    return 0;
}
