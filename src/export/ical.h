// A meeting invitation as iCalendar (RFC 5545) with the iTIP method REQUEST (RFC 5546), built with libical.
#pragma once

#include "core/minutes.h"

#include <string>
#include <string_view>

namespace c9 {

// VCALENDAR (PRODID, VERSION 2.0, METHOD:REQUEST) with one VEVENT: UID "<ref>@<product_domain>", DTSTAMP = the
// meeting's start (the output depends only on the model), DTSTART/DTEND in UTC, SUMMARY, LOCATION, DESCRIPTION with
// the agenda as plain text, ORGANIZER = the chair, one ATTENDEE per attendee with an email (CN, ROLE CHAIR /
// REQ-PARTICIPANT / OPT-PARTICIPANT, PARTSTAT=NEEDS-ACTION, RSVP=TRUE). CRLF line ends, folded at 75 octets.
std::string meeting_ics(const AgendaDoc& doc, std::string_view product_domain = "clause9");

// The agenda as plain text for the DESCRIPTION: meeting facts, numbered items by section with presenter and
// timebox, the total timebox and the attendees (those without an email included).
std::string agenda_plain_text(const AgendaDoc& doc);

} // namespace c9
