// The minutes of a meeting as Markdown: the record an auditor accepts as evidence of what was reported, decided and
// assigned (ISO/IEC 27001:2022 9.3.3, 7.5). Approval seals the body with its SHA-256.
#pragma once

#include "core/minutes.h"

#include <string>

namespace c9 {

// The sealed part: meeting facts with actual start and end, attendance and quorum, every item with presenter,
// sources, notes and outcome, decisions, action items raised, lessons learned, KPIs and, for a management review,
// the coverage of 9.3.2 a-g with the reason recorded for an uncovered input. Nothing in it depends on the approval
// or on the meeting's state, so the body rendered before approval is byte-identical to the one rendered after: the
// hash taken at approval can be checked again at any time. Ends with a blank line.
std::string minutes_markdown_body(const MinutesDoc& doc);

// "## Approval": approver, UTC time, the SHA-256 and the audit trail head, and how to verify the hash by hand.
std::string minutes_approval_markdown(const DocApproval& approval);

// Body, then the approval section when the minutes are approved, else a line saying they are a draft. The hash
// in the approval section covers every byte before the line "## Approval".
std::string minutes_markdown(const MinutesDoc& doc);

} // namespace c9
