#include "app/access.h"

#include "app/refs.h"
#include "core/entity.h"
#include "core/person.h"
#include "store/store.h"
#include "store/typed.h"
#include "store/meeting_records.h"

#include <fmt/format.h>

namespace c9 {

Permission write_permission(std::string_view register_name)
{
    if (register_name == "series" || register_name == "meeting")
        return Permission::manage_meetings;
    return Permission::edit_register;
}

namespace {

Error anonymous_refused() { return Error(ErrorCode::unauthorized, "sign in first: this needs an account"); }

} // namespace

Result<void> require(const Caller& caller, Permission permission, std::optional<Id> owner, std::string_view what)
{
    if (caller.standing == Standing::local)
        return {};
    if (caller.standing == Standing::anonymous || !caller.role)
        return anonymous_refused();
    switch (grant(*caller.role, permission)) {
    case Grant::granted:
        return {};
    case Grant::own:
        if (caller.person && owner == caller.person)
            return {};
        return Error(ErrorCode::forbidden,
            fmt::format("the {} role may only change {} whose owner is the account's person", to_string(*caller.role),
                what));
    case Grant::denied:
        break;
    }
    return Error(ErrorCode::forbidden,
        fmt::format("the {} role does not have the {} permission", to_string(*caller.role), to_string(permission)));
}

Result<void> require_attendee(Tx& tx, const Caller& caller, Id meeting)
{
    if (caller.standing == Standing::local)
        return {};
    if (caller.standing == Standing::anonymous || !caller.role)
        return anonymous_refused();
    auto granted = grant(*caller.role, Permission::record_meeting);
    if (granted == Grant::granted)
        return {};
    if (granted == Grant::own && caller.person) {
        for (const auto& attendance : C9_TRY(attendance_of(tx, meeting)))
            if (attendance.person == *caller.person
                && (attendance.presence == Presence::invited || attendance.presence == Presence::present))
                return {};
    }
    return Error(ErrorCode::forbidden,
        fmt::format("the {} role may only record in meetings the account's person attends ({})",
            to_string(*caller.role), display_id("MTG", meeting)));
}

bool manages_accounts(const Caller& caller)
{
    if (caller.standing == Standing::local)
        return true;
    return caller.standing == Standing::account && caller.role
        && grant(*caller.role, Permission::manage_users) == Grant::granted;
}

Result<Caller> acting_as(Store& store, Caller local, std::string_view person_ref)
{
    if (local.standing != Standing::local)
        return Error::invalid("as", "only a local caller (the command line) names the person it acts for");
    auto person = C9_TRY(store.read([&](Tx& tx) -> Result<Person> {
        return get_row(tx, person_spec(), C9_TRY(resolve_person(tx, "as", person_ref)));
    }));
    if (!person.active)
        return Error::invalid("as", fmt::format("{} is no longer active", display_id("PER", person.id)));
    local.actor = fmt::format("{} as {} ({})", local.actor, display_id("PER", person.id), person.email);
    local.person = person.id;
    return local;
}

} // namespace c9
