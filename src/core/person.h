// People who take part in the ISMS: owners of risks and actions, attendees of meetings. A person may or may not
// have a login account; accounts refer to people, never the other way round.
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

// ISMS roles a person can hold; sections of an agenda are presented by the holder of the mapped role.
enum class IsmsRole { iso, it, management, department, risk_owner, dpo, hr, facilities, legal, auditor };
C9_ENUM_NAMES(IsmsRole, "iso", "it", "management", "department", "risk_owner", "dpo", "hr", "facilities", "legal",
              "auditor");

struct Person : Row {
    std::string name;
    std::string email;
    std::optional<std::string> department;
    std::optional<std::string> roles; // comma-separated IsmsRole names: "iso, it"
    bool active = true;
};

const EntitySpec<Person>& person_spec();
void derive(Person& row, const Person* before, const Rules& rules);
void validate(const Person& row, const Person* before, const Rules& rules, Problems& problems);

bool has_role(const Person& person, IsmsRole role);
bool plausible_email(std::string_view email);

} // namespace c9
