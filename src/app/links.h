// A row seen from the other side: the rows of other registers that name it. A control lists the risks it treats,
// the activities that operate it and the incidents it concerned (the Statement of Applicability both ways,
// ISO/IEC 27001:2022 6.1.3 d); a meeting the action items and lessons raised in it. Found from the registers'
// own field declarations (a control list, or a reference to the register), so a new register that names another
// shows up on its page without code of its own.
#pragma once

#include "app/caller.h"
#include "core/control.h"
#include "store/store.h"

#include <string>
#include <vector>

namespace c9 {

struct LinkedRow {
    std::string register_name; // "risk"
    std::string plural; // "risks"
    std::string field; // the field that names the row asked about: "controls", "incident"
    Id id = 0;
    std::string ref; // "RSK-3"
    std::string title; // its title or name
    std::string status; // its status, or "active"/"inactive"; empty for a register without either
};

// The rows that name the row `ref` of `register_name`, register by register in the order of all_registers.h, each
// register's rows by id. Not found when `ref` names no row.
Result<std::vector<LinkedRow>> linked_rows(Store& store, std::string_view register_name, std::string_view ref);

// One line of the Statement of Applicability: a control with its answers and the open risks that need it.
struct SoaLine {
    Control control;
    std::vector<std::string> risks; // "RSK-3", ...: open risks whose controls name it
};
// Every control of the catalog in its order, read in one transaction.
Result<std::vector<SoaLine>> statement_of_applicability(Store& store);

} // namespace c9
