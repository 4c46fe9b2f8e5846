// The renderers the approval of minutes seals with (app/meeting_docs.h MinutesRenderers).
#pragma once

#include "app/meeting_docs.h"

namespace c9 {

MinutesRenderers minutes_renderers();

} // namespace c9
