// Lessons learned from incidents and meetings (control 5.27), with the improvement they lead to (10.1).
#pragma once

#include "core/entity.h"
#include "core/problems.h"
#include "core/rules.h"

namespace c9 {

enum class LessonCategory { process, technology, people, supplier, communication, documentation, other };
C9_ENUM_NAMES(LessonCategory, "process", "technology", "people", "supplier", "communication", "documentation",
              "other");

struct Lesson : Row {
    std::string title;
    std::optional<std::string> detail;
    LessonCategory category = LessonCategory::process;
    std::optional<Id> incident;
    std::optional<Id> meeting;
    std::optional<Id> owner;
    std::optional<std::string> improvement;
};

const EntitySpec<Lesson>& lesson_spec();
void derive(Lesson& row, const Lesson* before, const Rules& rules);
void validate(const Lesson& row, const Lesson* before, const Rules& rules, Problems& problems);

} // namespace c9
