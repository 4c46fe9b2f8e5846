#include "core/minutes.h"

#include "core/enum_names.h"
#include "core/review_inputs.h"
#include "core/text.h"

namespace c9 {

std::vector<SectionItems> items_by_section(const std::vector<DocItem>& items)
{
    std::vector<SectionItems> sections;
    for (size_t index = 0; index < enum_names<AgendaSection>().size(); ++index) {
        auto section = static_cast<AgendaSection>(index);
        SectionItems group{section, {}};
        for (const auto& item : items)
            if (item.section == section)
                group.items.push_back(&item);
        if (!group.items.empty())
            sections.push_back(std::move(group));
    }
    return sections;
}

const std::vector<DocCoverage>& review_coverage_of(const AgendaDoc& doc)
{
    static const std::vector<DocCoverage> none;
    return doc.meeting.type == MeetingType::management_review ? doc.coverage : none;
}

bool has_uncovered_input(const AgendaDoc& doc)
{
    for (const auto& input : review_coverage_of(doc))
        if (input.items.empty())
            return true;
    return false;
}

MinutesItemFacts minutes_item_facts(const MinutesDoc& doc, const DocItem& item)
{
    MinutesItemFacts facts;
    if (doc.agenda.meeting.type == MeetingType::management_review)
        facts.covers = parse_covers(item.covers);
    for (const auto& decision : doc.decisions)
        if (decision.item_number == item.number)
            facts.decisions.push_back(decision.ref);
    for (const auto& action : doc.actions)
        if (action.item_number == item.number)
            facts.actions.push_back(action.ref);
    return facts;
}

std::vector<std::string> linked_refs(const DocDecision& decision) { return split_list(decision.links); }

} // namespace c9
