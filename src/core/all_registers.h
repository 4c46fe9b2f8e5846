// The registers people work with, in the order an ISMS meeting goes through them: the one list the front ends,
// the API document and the web UI's field lists are generated from. (Agenda items and decisions are rows of a
// meeting's record, reached through the meeting cycle, not registers of their own.)
#pragma once

#include "core/action_item.h"
#include "core/activity.h"
#include "core/asset.h"
#include "core/context.h"
#include "core/control.h"
#include "core/incident.h"
#include "core/kpi.h"
#include "core/lesson.h"
#include "core/meeting.h"
#include "core/nonconformity.h"
#include "core/person.h"
#include "core/risk.h"
#include "core/vulnerability.h"

namespace c9 {

// Calls visit(spec) for every register's EntitySpec.
template <class Visit> void for_each_register(Visit&& visit)
{
    visit(person_spec());
    visit(control_spec());
    visit(asset_spec());
    visit(context_spec());
    visit(party_spec());
    visit(feedback_spec());
    visit(activity_spec());
    visit(incident_spec());
    visit(vulnerability_spec());
    visit(risk_spec());
    visit(nonconformity_spec());
    visit(kpi_spec());
    visit(action_spec());
    visit(lesson_spec());
    visit(series_spec());
    visit(meeting_spec());
}

} // namespace c9
