// What a register does beyond the generic create/update: extra checks against other rows, and rows written
// alongside (a risk's score history). The generic templates in registers.h call these; a register without its
// own overload gets the no-op templates.
#pragma once

#include "app/caller.h"
#include "core/action_item.h"
#include "core/meeting.h"
#include "core/person.h"
#include "core/risk.h"
#include "store/store.h"

namespace c9 {

template <class T>
Result<void> check_against_store(Tx&, const T*, const T&, Problems&)
{
    return {};
}

// Fills fields that follow from other rows, before the rules run.
template <class T>
Result<void> complete_from_store(Tx&, T&)
{
    return {};
}

template <class T>
Result<void> after_write(Tx&, const T*, const T&, const Stamp&)
{
    return {};
}

// Rules about who makes a change that the permission table cannot say (it knows registers, not fields).
template <class T> Result<void> check_caller(const Caller&, const T*, const T&, Problems&) { return {}; }

// An action raised in a meeting belongs to the meeting's series: its following meetings carry it forward.
Result<void> complete_from_store(Tx& tx, ActionItem& row);

// Email addresses are unique among people.
Result<void> check_against_store(Tx& tx, const Person* before, const Person& row, Problems& problems);

// An approved meeting is sealed; a started meeting keeps its date.
Result<void> check_against_store(Tx& tx, const Meeting* before, const Meeting& row, Problems& problems);

// The people named as a series' approvers exist and are active.
Result<void> check_against_store(Tx& tx, const MeetingSeries* before, const MeetingSeries& row, Problems& problems);

// 6.1.3 f: a risk owner records their own acceptance; an admin (or the command line) may record it for them, with
// a note saying how the owner accepted. Anyone else is refused.
Result<void> check_caller(const Caller& caller, const Risk* before, const Risk& row, Problems& problems);

// A change of a risk's levels appends to its score history (mitigation effectiveness over time).
Result<void> after_write(Tx& tx, const Risk* before, const Risk& row, const Stamp& stamp);

} // namespace c9
