// Schema migrations: an append-only list whose length is the schema version. Never edit a migration that has
// shipped; add a new one. The few DDL words that differ between engines are written as tokens and filled in per
// engine ({pk}, {int}, {real}); a migration that needs more than that gives a separate text per engine.
#pragma once

#include "store/store.h"

#include <span>
#include <string>
#include <string_view>

namespace c9 {

struct Migration {
    std::string_view description;
    std::string_view sql;            // both engines, with tokens
    std::string_view postgresql_sql; // when set, PostgreSQL runs this instead
};

std::span<const Migration> migrations();

// Fills in the tokens and splits the script into statements (on ";" at the end of a line).
std::vector<std::string> migration_statements(const Migration& migration, Engine engine);

} // namespace c9
