// What every CLI command shares: the global options, the open store, and the one place a failure is kept until
// main prints it as a single line on stderr.
#pragma once

#include "app/caller.h"
#include "store/store.h"

#include "export/json_rows.h"

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace c9 {

struct CliContext {
    std::string db;
    std::string as; // --as / CLAUSE9_AS: the ISMS person the command acts for
    bool json = false;
    std::optional<Error> failure;
    std::unique_ptr<Store> store;

    enum class Open { existing, create };
    // Opens the database; `existing` refuses a missing SQLite file or an uninitialised database, so a mistyped
    // --db never leaves an empty file behind.
    // With --as, opening also resolves the person, so a wrong name fails before anything is written.
    Result<Store*> open(Open mode = Open::existing);
    Caller caller() const;

private:
    std::optional<Caller> acting; // the caller --as resolved to
};

// Sets the command's action. A failure is stored in the context; main prints it and exits non-zero.
void on_run(CLI::App* command, CliContext& context, std::function<Result<void>()> body);

void print_json(const Json& json);

// Exit status for an error: 2 invalid input, 3 not found, 4 conflict or locked, 5 database unavailable, 1 otherwise.
int exit_code(const Error& error);

} // namespace c9
