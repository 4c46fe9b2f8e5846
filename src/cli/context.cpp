#include "cli/context.h"

#include "app/access.h"
#include "app/setup.h"

#include <iostream>
#include <pwd.h>
#include <unistd.h>

namespace c9 {

Result<Store*> CliContext::open(Open mode)
{
    if (!store) {
        if (!as.empty() && mode == Open::create)
            return Error::invalid("as", "names a person of an existing database; leave it out here");
        store = C9_TRY(open_store(db, mode == Open::create ? OpenMode::create : OpenMode::existing));
        if (!as.empty()) {
            auto resolved = acting_as(*store, caller(), as);
            if (!resolved) {
                store.reset();
                return std::move(resolved).error();
            }
            acting = std::move(*resolved);
        }
    }
    return store.get();
}

Caller CliContext::caller() const
{
    if (acting) {
        auto caller = *acting;
        caller.now = current_time();
        return caller;
    }
    std::string user = "unknown";
    if (const char* login = std::getenv("USER"); login && *login)
        user = login;
    else if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        user = entry->pw_name;
    return Caller{"cli:" + user, std::nullopt, current_time(), Standing::local, std::nullopt, std::nullopt};
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
