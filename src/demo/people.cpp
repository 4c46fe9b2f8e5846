// The demo's people: six departments, one information security officer, top management, IT staff and a
// representative per department, the rest without an ISMS role. 40 people per unit of --scale.
#include "demo/demo.h"
#include "core/person.h"

#include <array>
#include <fmt/format.h>
#include <unordered_set>

namespace c9::demo {

namespace {

// The name lists read best as blocks.
// clang-format off
constexpr std::array<std::string_view, 96> first_names {
    "Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Isabella", "Lucas", "Mia", "Mateo",
    "Charlotte", "Levi", "Ava", "Leo", "Harper", "Ezra", "Evelyn", "Luca", "Aisha", "Omar", "Fatima", "Yusuf",
    "Mei", "Wei", "Hiro", "Yuki", "Priya", "Arjun", "Ananya", "Rohan", "Chloe", "Hugo", "Lea", "Louis",
    "Ines", "Jonas", "Lena", "Felix", "Marta", "Pablo", "Lucia", "Diego", "Sofia", "Marco", "Giulia", "Matteo",
    "Anna", "Jakub", "Zofia", "Piotr", "Astrid", "Erik", "Ingrid", "Lars", "Freya", "Nils", "Saoirse", "Cian",
    "Niamh", "Declan", "Amara", "Kwame", "Zainab", "Tunde", "Nadia", "Karim", "Leila", "Samir", "Grace", "Daniel",
    "Hannah", "Samuel", "Ruth", "David", "Sarah", "Thomas", "Laura", "Martin", "Julia", "Stefan", "Elena", "Andrei",
    "Irina", "Mikhail", "Camille", "Theo", "Alice", "Victor", "Nora", "Oscar", "Maya", "Adrian", "Clara", "Simon",
};

constexpr std::array<std::string_view, 96> last_names {
    "Smith", "Johnson", "Garcia", "Muller", "Rossi", "Kowalski", "Novak", "Jansen", "Dubois", "Martin",
    "Bernard", "Schmidt", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Lopez", "Martinez",
    "Fernandez", "Gonzalez", "Romano", "Ricci", "Bianchi", "Conti", "Nowak", "Wozniak", "Lindqvist", "Berg",
    "Hansen", "Nielsen", "Olsen", "Larsen", "Murphy", "Kelly", "Byrne", "Walsh", "Brennan", "Doyle",
    "Okafor", "Mensah", "Adeyemi", "Diallo", "Haddad", "Nasser", "Khan", "Patel", "Sharma", "Gupta",
    "Iyer", "Nair", "Chen", "Wang", "Li", "Zhang", "Tanaka", "Suzuki", "Sato", "Kim",
    "Park", "Nguyen", "Tran", "Silva", "Santos", "Pereira", "Costa", "Oliveira", "Popescu", "Ionescu",
    "Horvat", "Kovacs", "Nagy", "Petrov", "Ivanova", "Sokolov", "Brown", "Taylor", "Wilson", "Evans",
    "Thomas", "Roberts", "Clarke", "Wright", "Walker", "Hughes", "Green", "Hall", "Wood", "Harris",
    "Lewis", "Young", "King", "Scott", "Baker", "Adams",
};
// clang-format on

constexpr std::string_view executive = "Executive", it_department = "IT", finance = "Finance", sales = "Sales",
                           operations = "Operations", human_resources = "Human Resources";

struct Slot {
    std::string_view department;
    std::string_view roles; // in the first block of 40
    std::string_view later_roles; // in the blocks added by --scale (one ISO and one board per organisation)
};

// One block of 40 people. The first block holds the officers; further blocks add staff, IT and representatives.
constexpr std::array<Slot, 40> block {{
    {executive, "management", ""},
    {finance, "management", ""},
    {operations, "management", ""},
    {it_department, "iso, risk_owner", "it"},
    {it_department, "it, department, risk_owner", "it, department, risk_owner"},
    {it_department, "it", "it"},
    {it_department, "it", "it"},
    {it_department, "it", "it"},
    {executive, "dpo, legal", ""},
    {human_resources, "hr, department, risk_owner", "hr, department, risk_owner"},
    {finance, "department, risk_owner", "department, risk_owner"},
    {sales, "department, risk_owner", "department, risk_owner"},
    {operations, "department, facilities, risk_owner", "department, facilities, risk_owner"},
    {executive, "department, risk_owner", "department, risk_owner"},
    {finance, "auditor", "auditor"},
    {it_department, "", ""},
    {it_department, "", ""},
    {it_department, "", ""},
    {finance, "", ""},
    {finance, "", ""},
    {finance, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {sales, "", ""},
    {operations, "", ""},
    {operations, "", ""},
    {operations, "", ""},
    {operations, "", ""},
    {operations, "", ""},
    {operations, "", ""},
    {human_resources, "", ""},
    {human_resources, "", ""},
    {executive, "", ""},
    {executive, "", ""},
    {sales, "", ""},
}};

std::string lower_ascii(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

void file_under_roles(Staff& staff, const Person& person)
{
    if (!person.active)
        return;
    if (has_role(person, IsmsRole::iso))
        staff.iso = person.id;
    if (has_role(person, IsmsRole::management))
        staff.management.push_back(person.id);
    if (has_role(person, IsmsRole::it))
        staff.it.push_back(person.id);
    if (has_role(person, IsmsRole::department))
        staff.representatives.push_back(person.id);
    if (has_role(person, IsmsRole::risk_owner) || has_role(person, IsmsRole::management))
        staff.risk_owners.push_back(person.id);
    if (has_role(person, IsmsRole::hr))
        staff.hr.push_back(person.id);
    if (has_role(person, IsmsRole::facilities))
        staff.facilities.push_back(person.id);
    if (has_role(person, IsmsRole::dpo))
        staff.dpo.push_back(person.id);
}

} // namespace

Result<void> create_people(Tx& tx, World& world)
{
    Random random(world.options.seed, "people");
    const auto& spec = person_spec();
    BulkInserter inserter(tx, table_of(spec), world.stamp(world.start));
    std::unordered_set<std::string> names, emails;
    world.staff.departments = {std::string(executive), std::string(it_department), std::string(finance),
        std::string(sales), std::string(operations), std::string(human_resources)};
    for (int index = 0; index < 40 * world.options.scale; ++index) {
        const auto& slot = block[static_cast<std::size_t>(index % 40)];
        Person person;
        // Avoid repeating a full name while the lists allow; the email stays unique either way.
        std::string first, last;
        for (int attempt = 0; attempt < 8; ++attempt) {
            first = random.pick(first_names);
            last = random.pick(last_names);
            if (!names.contains(first + " " + last))
                break;
        }
        person.name = first + " " + last;
        names.insert(person.name);
        std::string local = lower_ascii(first) + "." + lower_ascii(last);
        std::string email = local + "@northwind.example";
        for (int suffix = 2; emails.contains(email); ++suffix)
            email = fmt::format("{}{}@northwind.example", local, suffix);
        emails.insert(email);
        person.email = email;
        person.department = std::string(slot.department);
        auto roles = index < 40 ? slot.roles : slot.later_roles;
        if (!roles.empty())
            person.roles = std::string(roles);
        // Two people per block have left; their rows stay as the records of the past.
        person.active = index % 40 != 33 && index % 40 != 38;
        // Everyone is on record on the first day of the demo's history.
        auto created = world.capped(world.start + std::chrono::minutes(random.between(0, 600)));
        person.created_at = created;
        C9_TRY(check_generated(spec, person, static_cast<const Person*>(nullptr), world.at(created)));
        person.id = C9_TRY(inserter.insert(values_of(spec, person), world.stamp(created)));
        file_under_roles(world.staff, person);
    }
    world.counts.people = 40 * world.options.scale;
    world.advance(world.counts.people, "people");
    return audit_created(tx, world, "person",
        fmt::format("demo: created {} people in {} departments", world.counts.people, world.staff.departments.size()));
}

} // namespace c9::demo
