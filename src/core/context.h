// The context of the organisation (ISO/IEC 27001:2022 4.1, 4.2): the external and internal issues that bear on the
// ISMS, the interested parties with their requirements, and a log of the feedback they give. Each has an owner and a
// review date; what changed since the last management review feeds its inputs 9.3.2 b), c) and e).
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class IssueKind { external, internal };
C9_ENUM_NAMES(IssueKind, "external", "internal");

// PESTLE and the organisation itself; climate change is named in 4.1 since the 2024 amendment.
enum class IssueCategory { political, economic, social, technological, legal, environmental, organisational };
C9_ENUM_NAMES(
    IssueCategory, "political", "economic", "social", "technological", "legal", "environmental", "organisational");

enum class ContextStatus { active, closed };
C9_ENUM_NAMES(ContextStatus, "active", "closed");

struct ContextIssue : Row {
    std::string title;
    IssueKind kind = IssueKind::external;
    std::optional<IssueCategory> category;
    std::optional<std::string> description;
    std::optional<std::string> effect; // how it bears on the ISMS and its intended outcomes
    std::optional<Id> owner;
    std::optional<Date> next_review;
    ContextStatus status = ContextStatus::active;
};

const EntitySpec<ContextIssue>& context_spec();
void derive(ContextIssue& row, const ContextIssue* before, const Rules& rules);
void validate(const ContextIssue& row, const ContextIssue* before, const Rules& rules, Problems& problems);

struct InterestedParty : Row {
    std::string name;
    IssueKind kind = IssueKind::external;
    std::optional<std::string> requirements; // their needs and expectations (4.2 b)
    std::optional<std::string> addressed_by; // which of them the ISMS addresses, and how (4.2 c)
    std::string controls; // the Annex A controls that meet them: the SoA's requirements (6.1.3 d)
    std::optional<Id> owner;
    std::optional<Date> next_review;
    ContextStatus status = ContextStatus::active;
};

const EntitySpec<InterestedParty>& party_spec();
void derive(InterestedParty& row, const InterestedParty* before, const Rules& rules);
void validate(const InterestedParty& row, const InterestedParty* before, const Rules& rules, Problems& problems);

enum class FeedbackChannel { email, meeting, survey, complaint, audit, other };
C9_ENUM_NAMES(FeedbackChannel, "email", "meeting", "survey", "complaint", "audit", "other");

enum class Sentiment { positive, neutral, negative };
C9_ENUM_NAMES(Sentiment, "positive", "neutral", "negative");

enum class FeedbackStatus { open, answered, closed };
C9_ENUM_NAMES(FeedbackStatus, "open", "answered", "closed");

struct Feedback : Row {
    std::string title;
    std::optional<Id> party;
    Date received_on {};
    std::optional<FeedbackChannel> channel;
    std::optional<Sentiment> sentiment;
    std::optional<std::string> detail;
    std::optional<std::string> response;
    std::optional<Id> owner;
    std::optional<Date> review_by;
    FeedbackStatus status = FeedbackStatus::open;
};

const EntitySpec<Feedback>& feedback_spec();
void derive(Feedback& row, const Feedback* before, const Rules& rules);
void validate(const Feedback& row, const Feedback* before, const Rules& rules, Problems& problems);

} // namespace c9
