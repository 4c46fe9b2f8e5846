#include "export/ical.h"
#include "sample_docs.h"

#include <gtest/gtest.h>
#include <libical/ical.h>
#include <memory>

namespace c9 {
namespace {

using test::review_agenda;

struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

Component parse(const std::string& ics)
{
    Component calendar(icalparser_parse_string(ics.c_str()));
    EXPECT_NE(calendar, nullptr);
    return calendar;
}

std::string utc(icaltimetype time) { return icaltime_as_ical_string(time); }

std::string parameter_text(icalproperty* property, icalparameter_kind kind)
{
    icalparameter* parameter = icalproperty_get_first_parameter(property, kind);
    return parameter ? icalparameter_as_ical_string(parameter) : "";
}

TEST(MeetingIcs, ReadsBackAsOneRequestWithOrganizerAndAttendees)
{
    auto ics = meeting_ics(review_agenda());
    EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
    auto calendar = parse(ics);
    ASSERT_NE(calendar, nullptr);
    EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
    EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_REQUEST);
    EXPECT_STREQ(icalproperty_get_version(icalcomponent_get_first_property(calendar.get(), ICAL_VERSION_PROPERTY)),
                 "2.0");
    EXPECT_NE(icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY), nullptr);
    ASSERT_EQ(icalcomponent_count_components(calendar.get(), ICAL_VEVENT_COMPONENT), 1);

    icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_STREQ(icalcomponent_get_uid(event), "MTG-12@clause9");
    EXPECT_EQ(utc(icalcomponent_get_dtstart(event)), "20260331T140000Z");
    EXPECT_EQ(utc(icalcomponent_get_dtend(event)), "20260331T150000Z");
    EXPECT_EQ(utc(icalcomponent_get_dtstamp(event)), "20260331T140000Z");
    EXPECT_STREQ(icalcomponent_get_summary(event), "Management review Q1 2026");
    EXPECT_STREQ(icalcomponent_get_location(event), "Board room");

    std::string description = icalcomponent_get_description(event);
    EXPECT_NE(description.find("1. Attendance and roles (Alice Chair, 5 min)"), std::string::npos) << description;
    EXPECT_NE(description.find("5. Risks above appetite (Carol Member, 15 min; RSK-12, RSK-14)"), std::string::npos);
    EXPECT_NE(description.find("- Dan Guest (Guest)"), std::string::npos) << "attendees without email stay listed";
    EXPECT_NE(description.find("Warning: over time."), std::string::npos);

    icalproperty* organizer = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
    ASSERT_NE(organizer, nullptr);
    EXPECT_STREQ(icalproperty_get_organizer(organizer), "mailto:alice@example.org");
    EXPECT_EQ(parameter_text(organizer, ICAL_CN_PARAMETER), "CN=Alice Chair");

    // Dan Guest has no email: three of the four attendees get an ATTENDEE line.
    ASSERT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 3);
    struct Expected {
        std::string_view address;
        icalparameter_role role;
    };
    const Expected expected[] = {{"mailto:alice@example.org", ICAL_ROLE_CHAIR},
                                 {"mailto:bob@example.org", ICAL_ROLE_REQPARTICIPANT},
                                 {"mailto:carol@example.org", ICAL_ROLE_REQPARTICIPANT}};
    icalproperty* attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
    for (const auto& want : expected) {
        ASSERT_NE(attendee, nullptr);
        EXPECT_EQ(std::string_view(icalproperty_get_attendee(attendee)), want.address);
        EXPECT_EQ(icalparameter_get_role(icalproperty_get_first_parameter(attendee, ICAL_ROLE_PARAMETER)), want.role);
        EXPECT_EQ(icalparameter_get_partstat(icalproperty_get_first_parameter(attendee, ICAL_PARTSTAT_PARAMETER)),
                  ICAL_PARTSTAT_NEEDSACTION);
        EXPECT_EQ(icalparameter_get_rsvp(icalproperty_get_first_parameter(attendee, ICAL_RSVP_PARAMETER)),
                  ICAL_RSVP_TRUE);
        attendee = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY);
    }
}

TEST(MeetingIcs, GuestsAreOptionalAndOutputIsDeterministic)
{
    auto doc = review_agenda();
    doc.attendees[3].person.email = "dan@example.net";
    auto ics = meeting_ics(doc, "isms.example.org");
    EXPECT_EQ(ics, meeting_ics(doc, "isms.example.org"));
    auto calendar = parse(ics);
    icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_STREQ(icalcomponent_get_uid(event), "MTG-12@isms.example.org");
    ASSERT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 4);
    icalproperty* attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
    for (int skip = 0; skip < 3; ++skip)
        attendee = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY);
    EXPECT_EQ(icalparameter_get_role(icalproperty_get_first_parameter(attendee, ICAL_ROLE_PARAMETER)),
              ICAL_ROLE_OPTPARTICIPANT);
}

TEST(MeetingIcs, UnusableAddressesAreLeftOut)
{
    auto doc = review_agenda();
    doc.attendees[2].person.email = "carol@example.org\r\nATTENDEE:mailto:evil@example.com";
    doc.attendees[1].person.email = "not an address";
    auto ics = meeting_ics(doc);
    EXPECT_EQ(ics.find("evil@"), std::string::npos);
    auto calendar = parse(ics);
    icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 1);
}

TEST(MeetingIcs, NoOrganizerWithoutAChairAddress)
{
    auto doc = review_agenda();
    doc.meeting.chair->email.clear();
    doc.attendees[0].person.email.clear();
    auto calendar = parse(meeting_ics(doc));
    icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    EXPECT_EQ(icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY), nullptr);
    EXPECT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 2);
}

} // namespace
} // namespace c9
