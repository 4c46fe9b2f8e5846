#include "export/doc_words.h"

#include "core/enum_names.h"
#include "export/doc_format.h"
#include "export/plain_text.h"

#include <array>
#include <fmt/format.h>

namespace c9 {

std::string person_name(const std::optional<DocPerson>& person)
{
    if (!person || one_line(person->name).empty())
        return "not assigned";
    return one_line(person->name);
}

std::vector<std::pair<std::string, std::string>> minutes_item_fact_words(const MinutesDoc& doc, const DocItem& item)
{
    auto facts = minutes_item_facts(doc, item);
    std::vector<std::pair<std::string, std::string>> words {
        {"Presenter", person_name(item.presenter)},
        {"Timebox", std::to_string(item.timebox_minutes) + " minutes"},
        {"Sources", item.sources.empty() ? "none" : join(item.sources, ", ")},
    };
    if (!facts.covers.empty())
        words.emplace_back("Covers 9.3.2 inputs", join(facts.covers, ", "));
    words.emplace_back("Outcome", item.outcome ? std::string(outcome_words(*item.outcome)) : "not recorded");
    if (!facts.decisions.empty())
        words.emplace_back("Decisions", join(facts.decisions, ", "));
    if (!facts.actions.empty())
        words.emplace_back("Actions raised", join(facts.actions, ", "));
    return words;
}

std::string item_number_words(int number) { return number > 0 ? std::to_string(number) : "none"; }

std::string linked_rows_words(const DocDecision& decision)
{
    return decision.links.empty() ? "none" : join(linked_refs(decision), ", ");
}

namespace {

// Words for enum values, in the order of their declaration; the static_asserts catch a value added to an enum.
template <NamedEnum E, size_t N>
constexpr bool covers_enum(const std::array<std::string_view, N>&)
{
    return N == enum_names<E>().size();
}

constexpr std::array<std::string_view, 4> meeting_type_table{
    "ISMS maintenance meeting", "Management review (ISO/IEC 27001:2022 9.3)", "Incident review", "Risk review"};
constexpr std::array<std::string_view, 4> role_table{"Chair", "Minute taker", "Member", "Guest"};
constexpr std::array<std::string_view, 4> presence_table{"Invited (not recorded)", "Present", "Absent", "Excused"};
constexpr std::array<std::string_view, 3> outcome_table{"Information", "Decision", "Action"};
constexpr std::array<std::string_view, 5> decision_type_table{"Risk acceptance", "Resource", "Policy change",
                                                              "Improvement", "Other"};
constexpr std::array<std::string_view, 4> action_status_table{"Open", "In progress", "Done", "Cancelled"};
constexpr std::array<std::string_view, 7> lesson_category_table{
    "Process", "Technology", "People", "Supplier", "Communication", "Documentation", "Other"};
constexpr std::array<std::string_view, 3> rag_table{"Green", "Amber", "Red"};
constexpr std::array<std::string_view, 4> trend_table{"Improving", "Stable", "Worsening", "Unknown"};
static_assert(covers_enum<MeetingType>(meeting_type_table));
static_assert(covers_enum<AttendeeRole>(role_table));
static_assert(covers_enum<Presence>(presence_table));
static_assert(covers_enum<Outcome>(outcome_table));
static_assert(covers_enum<DecisionType>(decision_type_table));
static_assert(covers_enum<ActionStatus>(action_status_table));
static_assert(covers_enum<LessonCategory>(lesson_category_table));
static_assert(covers_enum<Rag>(rag_table));
static_assert(covers_enum<Trend>(trend_table));

template <class E, size_t N>
std::string_view word(const std::array<std::string_view, N>& table, E value)
{
    return table[static_cast<size_t>(value)];
}

} // namespace

std::string_view meeting_type_words(MeetingType type) { return word(meeting_type_table, type); }
std::string_view role_words(AttendeeRole role) { return word(role_table, role); }
std::string_view presence_words(Presence presence) { return word(presence_table, presence); }
std::string_view outcome_words(Outcome outcome) { return word(outcome_table, outcome); }
std::string_view decision_type_words(DecisionType type) { return word(decision_type_table, type); }
std::string_view action_status_words(ActionStatus status) { return word(action_status_table, status); }
std::string_view lesson_category_words(LessonCategory category) { return word(lesson_category_table, category); }
std::string_view rag_words(std::optional<Rag> rag) { return rag ? word(rag_table, *rag) : "No value"; }
std::string_view trend_words(Trend trend) { return word(trend_table, trend); }

std::string decision_standing_words(const DocDecision& decision)
{
    if (decision.provisional)
        return decision.confirms.empty() ? "Provisional (no quorum)"
                                         : "Provisional (no quorum); confirms " + decision.confirms;
    return decision.confirms.empty() ? "Binding" : "Confirms " + decision.confirms;
}

std::string decision_due_words(const DocDecision& decision)
{
    return decision.due ? format_date(*decision.due) : "none";
}

std::string_view proposal_kind_words(ProposalKind kind)
{
    switch (kind) {
    case ProposalKind::concern:
        return "Concern";
    case ProposalKind::suggestion:
        return "Suggestion";
    case ProposalKind::update:
        return "Update";
    }
    return "Concern";
}

std::string proposal_outcome_words(const DocProposal& proposal)
{
    if (proposal.status == ProposalStatus::declined)
        return "Declined: " + (proposal.reason.empty() ? std::string("no reason recorded") : proposal.reason);
    return "Not answered before the meeting started";
}

std::string kpi_period_text(const KpiStatus& status)
{
    std::chrono::year_month_day ymd(status.period);
    int year = static_cast<int>(ymd.year());
    unsigned month = static_cast<unsigned>(ymd.month());
    switch (status.kpi.frequency) {
    case KpiFrequency::monthly: return fmt::format("{:04}-{:02}", year, month);
    case KpiFrequency::quarterly: return fmt::format("{:04}-Q{}", year, (month - 1) / 3 + 1);
    case KpiFrequency::yearly: return fmt::format("{:04}", year);
    }
    return format_date(status.period);
}

} // namespace c9
