#include "cli/context.h"

#include "store/db_url.h"

#include <filesystem>
#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace c9 {

Result<Store*> CliContext::open(Open mode)
{
    if (store)
        return store.get();
    auto target = C9_TRY(parse_db_url(db));
    if (target.engine == Engine::sqlite && mode == Open::existing && !std::filesystem::exists(target.path))
        return Error::not_found("no database at " + target.path + "; run `clause9 init` first, or give --db");
    auto opened = C9_TRY(Store::open(db));
    if (mode == Open::existing) {
        auto version = C9_TRY(opened->schema_version());
        if (version == 0)
            return Error::not_found("the " + opened->description() + " is not initialised; run `clause9 init` first");
        if (version < Store::latest_schema_version())
            return Error::conflict("the " + opened->description() +
                                   " needs migrating to the schema of this clause9; run `clause9 init`");
        if (version > Store::latest_schema_version())
            return Error::conflict("the " + opened->description() + " was written by a newer clause9; upgrade clause9");
    }
    store = std::move(opened);
    return store.get();
}

Caller CliContext::caller() const
{
    std::string user = "unknown";
    if (const char* login = std::getenv("USER"); login && *login)
        user = login;
    else if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        user = entry->pw_name;
    return Caller{"cli:" + user, std::nullopt, current_time()};
}

void on_run(CLI::App* command, CliContext& context, std::function<Result<void>()> body)
{
    command->callback([&context, body = std::move(body)] {
        auto result = body();
        if (!result)
            context.failure = std::move(result).error();
    });
}

void print_json(const Json& json) { std::cout << json.dump(2) << '\n'; }

int exit_code(const Error& error)
{
    switch (error.code()) {
    case ErrorCode::invalid: return 2;
    case ErrorCode::not_found: return 3;
    case ErrorCode::conflict:
    case ErrorCode::stale:
    case ErrorCode::locked: return 4;
    case ErrorCode::unavailable: return 5;
    default: return 1;
    }
}

} // namespace c9
