// The registers by name, for references between them ("incident" -> prefix INC, table incidents).
#pragma once

#include <span>
#include <string_view>

namespace c9 {

struct RegisterInfo {
    std::string_view name;   // singular, as in the CLI: "incident"
    std::string_view prefix; // display prefix: "INC"
    std::string_view table;  // SQL table: "incidents"
    std::string_view plural; // API collection: "incidents"
};

std::span<const RegisterInfo> registers();
const RegisterInfo* find_register(std::string_view name);
std::string_view prefix_of(std::string_view name);

} // namespace c9
