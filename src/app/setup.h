// Creating and upgrading a database: migrations, then the Annex A catalog.
#pragma once

#include "app/caller.h"
#include "store/copy.h"
#include "store/store.h"

#include <functional>
#include <memory>

namespace c9 {

struct InitReport {
    int schema_version = 0;
    int migrations_run = 0;
    int controls_added = 0;
    int controls_total = 0;
};

// How a command opens its database: an existing one at this clause9's schema (a missing SQLite file is refused, so
// a mistyped --db never leaves an empty file behind; an older schema needs `clause9 init`, a newer one a newer
// clause9), or one to create or migrate (init, demo).
enum class OpenMode { existing, create };
Result<std::unique_ptr<Store>> open_store(std::string_view url, OpenMode mode, int pool_size = 1);

struct CopyOutcome {
    CopyReport report;
    std::string from; // the databases, as Store::description() names them
    std::string to;
};
// Copies the whole database at `from` into the empty one at `to` (store/copy.h), either engine either way. A SQLite
// file the copy created and could not fill is removed rather than left empty.
Result<CopyOutcome> copy_database(
    std::string_view from, std::string_view to, const std::function<void(const TableCopy&)>& progress = {});

// Whether the database answers: a read of the audit head (a load balancer's health check).
Result<void> check_database(Store& store);

// Migrates and loads catalog controls that are missing. Safe to run again: it never touches Statement of
// Applicability answers of controls already present.
Result<InitReport> initialize(Store& store, const Caller& caller);

} // namespace c9
