#include "core/person.h"

#include "core/patch.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>

namespace c9 {

const EntitySpec<Person>& person_spec()
{
    static const EntitySpec<Person> spec {
        "person",
        "people",
        "people",
        "PER",
        "Person",
        {
            field<&Person::name>("name", FieldKind::text, required | listed, "full name"),
            field<&Person::email>("email", FieldKind::text, required | listed | filterable, "email address (unique)"),
            field<&Person::department>("department", FieldKind::text, listed | filterable, "department"),
            field<&Person::roles>("roles", FieldKind::text, listed,
                "ISMS roles, comma-separated: iso, it, management, department, risk_owner, dpo, hr, "
                "facilities, legal, auditor")
                .labelled("ISMS roles"),
            field<&Person::active>("active", FieldKind::boolean, filterable, "still part of the organisation"),
        },
        [] { return std::vector<Filter> {where("active", FilterOp::eq, std::int64_t {1})}; },
        nullptr,
    };
    return spec;
}

namespace {

// Not split_list(): a semicolon is no separator here, so "iso;it" is refused as one unknown role.
std::vector<std::string> split_roles(std::string_view text)
{
    std::vector<std::string> roles;
    std::string token;
    auto flush = [&] {
        if (!token.empty())
            roles.push_back(token);
        token.clear();
    };
    for (char c : text) {
        if (c == ',' || std::isspace(static_cast<unsigned char>(c)))
            flush();
        else
            token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    flush();
    return roles;
}

} // namespace

void derive(Person& row, const Person*, const Rules&)
{
    // Only spaces and tabs around the email go (trim() would take line ends too): validate() refuses those.
    row.email.erase(0, row.email.find_first_not_of(" \t"));
    row.email.erase(row.email.find_last_not_of(" \t") + 1);
    row.email = lower(row.email);
    if (row.roles) {
        std::vector<std::string> unique;
        for (auto& role : split_roles(*row.roles))
            if (std::find(unique.begin(), unique.end(), role) == unique.end())
                unique.push_back(std::move(role));
        std::string canonical;
        for (const auto& role : unique)
            canonical += (canonical.empty() ? "" : ", ") + role;
        row.roles = canonical.empty() ? std::nullopt : std::optional(canonical);
    }
}

void validate(const Person& row, const Person*, const Rules&, Problems& problems)
{
    if (!row.email.empty() && !plausible_email(row.email))
        problems.add("email", "must be an email address like name@example.org");
    if (row.roles)
        for (const auto& role : split_roles(*row.roles))
            if (!parse_enum<IsmsRole>(role))
                problems.add("roles", "\"" + role + "\" is not an ISMS role; use " +
                                          choices_text(enum_names<IsmsRole>()));
}

bool has_role(const Person& person, IsmsRole role)
{
    if (!person.roles)
        return false;
    for (const auto& name : split_roles(*person.roles))
        if (name == to_string(role))
            return true;
    return false;
}

bool plausible_email(std::string_view email)
{
    auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= email.size())
        return false;
    if (email.find('@', at + 1) != std::string_view::npos)
        return false;
    if (email.find('.', at) == std::string_view::npos)
        return false;
    return std::none_of(email.begin(), email.end(), [](unsigned char c) { return std::isspace(c) || c < 32; });
}

} // namespace c9
