#include "core/context.h"

namespace c9 {

namespace {

std::vector<Filter> active() { return {where("status", FilterOp::eq, std::string("active"))}; }

std::vector<Filter> review_overdue(Date today)
{
    return {
        where("status", FilterOp::eq, std::string("active")), where("next_review", FilterOp::lt, format_date(today))};
}

} // namespace

const EntitySpec<ContextIssue>& context_spec()
{
    static const EntitySpec<ContextIssue> spec {
        "context",
        "context-issues",
        "context_issues",
        "CTX",
        "Context issue",
        {
            field<&ContextIssue::title>("title", FieldKind::text, required | listed, "the issue in a few words"),
            field<&ContextIssue::kind>("kind", FieldKind::choice, listed | filterable, "external or internal (4.1)"),
            field<&ContextIssue::category>("category", FieldKind::choice, listed | filterable,
                "political, economic, social, technological, legal, environmental (climate change) or "
                "organisational"),
            field<&ContextIssue::description>("description", FieldKind::text, multiline, "the issue in words"),
            field<&ContextIssue::effect>(
                "effect", FieldKind::text, multiline, "how it bears on the ISMS and its intended outcomes"),
            field<&ContextIssue::owner>(
                "owner", FieldKind::person, listed | filterable, "who watches it (id or email)"),
            field<&ContextIssue::next_review>("next_review", FieldKind::date, listed | filterable | backdatable,
                "date it is looked at again (default: one year on)"),
            field<&ContextIssue::status>("status", FieldKind::choice, filterable, "active or closed"),
        },
        active,
        review_overdue,
        {
            {.name = "close",
                .help = "Close an issue that no longer bears on the ISMS (--description may say why)",
                .fields = {"description"},
                .state = "status",
                .to = {"closed"},
                .from = {"active"}},
        },
    };
    return spec;
}

void derive(ContextIssue& row, const ContextIssue* before, const Rules& rules)
{
    if (!before && !row.next_review)
        row.next_review = add_months(rules.today(), 12);
}

void validate(const ContextIssue&, const ContextIssue*, const Rules&, Problems&) { }

const EntitySpec<InterestedParty>& party_spec()
{
    static const EntitySpec<InterestedParty> spec {
        "party",
        "parties",
        "interested_parties",
        "IP",
        "Interested party",
        {
            field<&InterestedParty::name>(
                "name", FieldKind::text, required | listed, "who: \"Customers\", \"Regulator\""),
            field<&InterestedParty::kind>("kind", FieldKind::choice, listed | filterable, "external or internal"),
            field<&InterestedParty::requirements>("requirements", FieldKind::text, multiline,
                "their needs and expectations for information security (4.2 b)"),
            field<&InterestedParty::addressed_by>("addressed_by", FieldKind::text, multiline,
                "which of them the ISMS addresses, and how: contracts, controls, policies (4.2 c)"),
            field<&InterestedParty::controls>("controls", FieldKind::controls, filterable,
                "Annex A controls that meet their requirements, e.g. \"5.34, 8.13\""),
            field<&InterestedParty::owner>(
                "owner", FieldKind::person, listed | filterable, "who keeps in touch with them (id or email)"),
            field<&InterestedParty::next_review>("next_review", FieldKind::date, listed | filterable | backdatable,
                "date their requirements are looked at again (default: one year on)"),
            field<&InterestedParty::status>("status", FieldKind::choice, filterable, "active or closed"),
        },
        active,
        review_overdue,
        {
            {.name = "close",
                .help = "Close a party that no longer has a stake in the ISMS",
                .fields = {},
                .state = "status",
                .to = {"closed"},
                .from = {"active"}},
        },
    };
    return spec;
}

void derive(InterestedParty& row, const InterestedParty* before, const Rules& rules)
{
    if (!before && !row.next_review)
        row.next_review = add_months(rules.today(), 12);
}

void validate(const InterestedParty&, const InterestedParty*, const Rules&, Problems&) { }

const EntitySpec<Feedback>& feedback_spec()
{
    static const EntitySpec<Feedback> spec {
        "feedback",
        "feedback",
        "feedback",
        "FB",
        "Feedback",
        {
            field<&Feedback::title>("title", FieldKind::text, required | listed, "what was said, in a few words"),
            field<&Feedback::party>("party", FieldKind::reference, listed | filterable,
                "the interested party it came from (IP-2)", "party"),
            field<&Feedback::received_on>("received_on", FieldKind::date, listed | filterable | backdatable,
                "date it was received (default today)"),
            field<&Feedback::channel>(
                "channel", FieldKind::choice, filterable, "email, meeting, survey, complaint, audit or other"),
            field<&Feedback::sentiment>(
                "sentiment", FieldKind::choice, listed | filterable, "positive, neutral or negative"),
            field<&Feedback::detail>("detail", FieldKind::text, multiline, "the feedback in full"),
            field<&Feedback::response>("response", FieldKind::text, multiline, "what was answered or done"),
            field<&Feedback::owner>("owner", FieldKind::person, listed | filterable, "who answers it (id or email)"),
            field<&Feedback::review_by>("review_by", FieldKind::date, filterable, "date it should be answered by"),
            field<&Feedback::status>("status", FieldKind::choice, filterable, "open, answered or closed"),
        },
        [] { return std::vector<Filter> {where("status", FilterOp::eq, std::string("open"))}; },
        [](Date today) {
            return std::vector<Filter> {where("status", FilterOp::eq, std::string("open")),
                where("review_by", FilterOp::lt, format_date(today))};
        },
        {
            {.name = "close",
                .help = "Close feedback that was dealt with (--response says how)",
                .fields = {"response"},
                .state = "status",
                .to = {"closed", "answered"},
                .from = {"open", "answered"}},
        },
    };
    return spec;
}

void derive(Feedback& row, const Feedback*, const Rules& rules)
{
    if (row.received_on == Date {})
        row.received_on = rules.today();
}

void validate(const Feedback& row, const Feedback*, const Rules& rules, Problems& problems)
{
    if (row.received_on > rules.today())
        problems.add("received_on", "cannot be in the future");
}

} // namespace c9
