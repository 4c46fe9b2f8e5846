#include "export/ical.h"

#include "export/doc_format.h"
#include "export/doc_words.h"
#include "export/plain_text.h"

#include <libical/ical.h>
#include <memory>

namespace c9 {

namespace {

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

struct BufferFree {
    void operator()(char* buffer) const { icalmemory_free_buffer(buffer); }
};

icaltimetype utc_time(Timestamp at)
{
    return icaltime_from_timet_with_zone(static_cast<time_t>(at.time_since_epoch().count()), 0,
                                         icaltimezone_get_utc_timezone());
}

// A mailto: URI is written as is, so only an address that cannot break out of it is used; anything else is treated
// as no email (the person stays in the description).
bool usable_email(std::string_view email)
{
    auto at = email.find('@');
    if (email.empty() || email.size() > 254 || at == 0 || at == std::string_view::npos || at + 1 == email.size()
        || email.find('@', at + 1) != std::string_view::npos)
        return false;
    for (char c : email) {
        auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F || std::string_view("\"<>(),;:\\[]").find(c) != std::string_view::npos)
            return false;
    }
    return true;
}

std::string mailto(std::string_view email) { return "mailto:" + std::string(email); }

icalparameter_role ical_role(AttendeeRole role)
{
    switch (role) {
    case AttendeeRole::chair: return ICAL_ROLE_CHAIR;
    case AttendeeRole::minute_taker:
    case AttendeeRole::member: return ICAL_ROLE_REQPARTICIPANT;
    case AttendeeRole::guest: return ICAL_ROLE_OPTPARTICIPANT;
    }
    return ICAL_ROLE_REQPARTICIPANT;
}

// The chair's address: the meeting's chair, else an attendee in the chair role.
std::optional<DocPerson> organizer(const AgendaDoc& doc)
{
    if (doc.meeting.chair && usable_email(doc.meeting.chair->email))
        return doc.meeting.chair;
    for (const auto& attendee : doc.attendees)
        if (attendee.role == AttendeeRole::chair && usable_email(attendee.person.email))
            return attendee.person;
    return std::nullopt;
}

std::string item_line(const DocItem& item)
{
    std::string line = std::to_string(item.number) + ". " + one_line(item.title) + " (" + person_name(item.presenter)
                     + ", " + std::to_string(item.timebox_minutes) + " min";
    if (!item.sources.empty())
        line += "; " + one_line(join(item.sources, ", "));
    return line + ")\n";
}

} // namespace

std::string agenda_plain_text(const AgendaDoc& doc)
{
    const auto& meeting = doc.meeting;
    auto ends_at = meeting.starts_at + std::chrono::minutes(meeting.duration_minutes);
    std::string out = "Agenda: " + one_line(meeting.title) + "\n";
    out += one_line(meeting.ref) + ", " + std::string(meeting_type_words(meeting.type));
    if (!one_line(meeting.series).empty())
        out += ", " + one_line(meeting.series);
    out += "\n" + format_utc_minutes(meeting.starts_at) + " to " + format_utc_time(ends_at) + " ("
         + std::to_string(meeting.duration_minutes) + " minutes)\n";
    if (!one_line(meeting.location).empty())
        out += "Place: " + one_line(meeting.location) + "\n";
    out += "Chair: " + person_name(meeting.chair) + "\n";
    out += "Minute taker: " + person_name(meeting.minute_taker) + "\n";

    for (const auto& group : items_by_section(doc.items)) {
        out += "\n" + std::string(section_title(group.section)) + "\n";
        for (const auto* item : group.items)
            out += item_line(*item);
    }
    out += "\nTotal timebox: " + std::to_string(doc.total_minutes) + " of " + std::to_string(meeting.duration_minutes)
         + " minutes.";
    if (doc.over_time)
        out += " Warning: over time.";
    out += "\n";

    if (!doc.attendees.empty()) {
        out += "\nAttendees\n";
        for (const auto& attendee : doc.attendees)
            out += "- " + one_line(attendee.person.name) + " (" + std::string(role_words(attendee.role)) + ")\n";
    }
    return out;
}

std::string meeting_ics(const AgendaDoc& doc, std::string_view product_domain)
{
    const auto& meeting = doc.meeting;
    std::string ref = one_line(meeting.ref).empty() ? display_id("MTG", meeting.id) : one_line(meeting.ref);
    std::string uid = ref + "@" + one_line(product_domain);

    Component calendar(icalcomponent_new_vcalendar());
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Clause9//ISMS meetings//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_REQUEST));

    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_component(calendar.get(), event); // the calendar owns the event from here on
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(utc_time(meeting.starts_at)));
    icalcomponent_add_property(event, icalproperty_new_dtstart(utc_time(meeting.starts_at)));
    icalcomponent_add_property(
        event, icalproperty_new_dtend(utc_time(meeting.starts_at + std::chrono::minutes(meeting.duration_minutes))));
    std::string summary = one_line(meeting.title).empty() ? ref : one_line(meeting.title);
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    if (std::string location = one_line(meeting.location); !location.empty())
        icalcomponent_add_property(event, icalproperty_new_location(location.c_str()));
    std::string description = agenda_plain_text(doc);
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));

    if (auto chair = organizer(doc)) {
        icalproperty* property = icalproperty_new_organizer(mailto(chair->email).c_str());
        if (std::string name = one_line(chair->name); !name.empty())
            icalproperty_add_parameter(property, icalparameter_new_cn(name.c_str()));
        icalcomponent_add_property(event, property);
    }
    for (const auto& attendee : doc.attendees) {
        if (!usable_email(attendee.person.email))
            continue;
        icalproperty* property = icalproperty_new_attendee(mailto(attendee.person.email).c_str());
        if (std::string name = one_line(attendee.person.name); !name.empty())
            icalproperty_add_parameter(property, icalparameter_new_cn(name.c_str()));
        icalproperty_add_parameter(property, icalparameter_new_role(ical_role(attendee.role)));
        icalproperty_add_parameter(property, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
        icalproperty_add_parameter(property, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
        icalcomponent_add_property(event, property);
    }

    std::unique_ptr<char, BufferFree> text(icalcomponent_as_ical_string_r(calendar.get()));
    return text ? std::string(text.get()) : std::string();
}

} // namespace c9
