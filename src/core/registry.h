// The registers by name, for references between them ("incident" -> prefix INC, table incidents).
#pragma once

#include "core/result.h"
#include "core/value.h"

#include <optional>
#include <span>
#include <string>
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

// How a person names a row wherever one is asked for: CLI arguments and options, API paths, bodies and filters.
// Every register takes the row's display id ("RSK-12", in any case) and its number ("12"); people are also named by
// their email, and controls by their Annex A id ("8.8", "A.8.8").
struct RowRef {
    std::optional<Id> id;
    std::string key; // without an id: the person's email (lower case) or the control's Annex A id as typed
};

// Parses the text a person typed for a row of `target`; a text that names no row in any of its forms is invalid
// input in `field`, with the forms it could take.
Result<RowRef> parse_row_ref(const RegisterInfo& target, std::string_view field, std::string_view text);

// The forms parse_row_ref takes, for messages and help texts: "RSK-12 or 12", "PER-3, 3 or an email".
std::string ref_forms(const RegisterInfo& target);

} // namespace c9
