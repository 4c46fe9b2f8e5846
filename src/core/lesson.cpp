#include "core/lesson.h"

namespace c9 {

const EntitySpec<Lesson>& lesson_spec()
{
    static const EntitySpec<Lesson> spec {
        "lesson",
        "lessons",
        "lessons",
        "LL",
        "Lesson learned",
        {
            field<&Lesson::title>("title", FieldKind::text, required | listed, "the lesson in one sentence")
                .labelled("Lesson"),
            field<&Lesson::detail>("detail", FieldKind::text, multiline, "context and explanation"),
            field<&Lesson::category>("category", FieldKind::choice, listed | filterable,
                "process, technology, people, supplier, communication, documentation or other"),
            field<&Lesson::incident>(
                "incident", FieldKind::reference, listed | filterable, "incident it comes from", "incident"),
            field<&Lesson::meeting>(
                "meeting", FieldKind::reference, filterable, "meeting it was recorded in", "meeting"),
            field<&Lesson::owner>("owner", FieldKind::person, filterable, "who follows it up (id or email)"),
            field<&Lesson::improvement>(
                "improvement", FieldKind::text, multiline, "the improvement it leads to (10.1)"),
        },
    };
    return spec;
}

void derive(Lesson&, const Lesson*, const Rules&) {}

void validate(const Lesson&, const Lesson*, const Rules&, Problems&) {}

} // namespace c9
