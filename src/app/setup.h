// Creating and upgrading a database: migrations, then the Annex A catalog.
#pragma once

#include "app/caller.h"
#include "store/store.h"

namespace c9 {

struct InitReport {
    int schema_version = 0;
    int migrations_run = 0;
    int controls_added = 0;
    int controls_total = 0;
};

// Migrates and loads catalog controls that are missing. Safe to run again: it never touches Statement of
// Applicability answers of controls already present.
Result<InitReport> initialize(Store& store, const Caller& caller);

} // namespace c9
