// Where the database is: a SQLite file path or a PostgreSQL URL, turned into what SOCI's backends accept.
#pragma once

#include "core/result.h"
#include "store/store.h"

#include <string>
#include <string_view>

namespace c9 {

struct DbTarget {
    Engine engine = Engine::sqlite;
    std::string connect;     // SOCI connection string
    std::string description; // for messages, without the password
    std::string path;        // SQLite: the file
};

// SOCI 4.0's PostgreSQL backend does not accept URIs, so postgresql://user:pw@host:port/db?sslmode=require becomes
// libpq keyword/value form: host=host port=port dbname=db user=user password=pw sslmode=require.
Result<DbTarget> parse_db_url(std::string_view url);

} // namespace c9
