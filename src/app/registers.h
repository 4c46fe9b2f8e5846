// The use cases every register shares, generated from its EntitySpec: create, update, show, list and history. Each
// Store-level function owns its transaction; the CLI and the API parse their input into a Patch or a ListRequest,
// call one of them and render what it returns. Inside the transaction a change goes: resolve the rows it names,
// apply it to the row as stored, derive the computed fields, validate, check the caller may make it, then write the
// changed columns with a version check, one history row per changed field and one audit trail entry.
// The Tx-level functions (create_in, update_in, write_changes) are for use cases that write several rows at once.
#pragma once

#include "app/access.h"
#include "app/accounts_login.h"
#include "app/caller.h"
#include "app/hooks.h"
#include "app/refs.h"
#include "core/patch.h"
#include "core/registry.h"
#include "store/audit_log.h"
#include "store/lookups.h"
#include "store/settings_store.h"
#include "store/typed.h"

#include <fmt/format.h>
#include <unordered_map>

namespace c9 {

using PersonNames = std::unordered_map<Id, std::string>;

// What a read gives besides the rows: people's names (for text tables) and a row's change history.
enum Include : unsigned { rows_only = 0, with_names = 1u << 0, with_history = 1u << 1 };

// The owner of a row, for registers that have one; registers without an owner are not any member's to change.
template <class T>
std::optional<Id> row_owner(const EntitySpec<T>& spec, const T& row)
{
    const auto* owner = spec.find("owner");
    if (!owner)
        return std::nullopt;
    auto value = owner->get(row);
    if (const auto* id = std::get_if<std::int64_t>(&value))
        return *id;
    return std::nullopt;
}

// "likelihood 3 -> 4; owner 2 -> 5"; long texts are named, not quoted.
std::string change_summary(const std::vector<std::pair<std::string_view, std::pair<Value, Value>>>& changes);

template <class T>
Result<void> check_row(
    Tx& tx, const EntitySpec<T>& spec, const T* before, T& row, const Rules& rules, Problems& problems)
{
    // Text is UTF-8 without NULs or control characters on every engine, however it arrived (CLI arguments are raw
    // bytes).
    for (const auto& field_spec : spec.fields) {
        auto value = field_spec.get(row);
        const auto* text = std::get_if<std::string>(&value);
        if (!text || problems.has(field_spec.name))
            continue;
        if (auto problem = text_problem(*text))
            problems.add(std::string(field_spec.name), *problem);
        // Control characters are refused as they come in; a row stored before the rule keeps its text until edited.
        else if (auto control = control_problem(*text); control && (!before || field_spec.get(*before) != value))
            problems.add(std::string(field_spec.name), *control);
    }
    // Control lists are kept in one canonical form ("5.1, 8.8") whatever way they arrived.
    for (const auto& field_spec : spec.fields) {
        if (field_spec.kind != FieldKind::controls)
            continue;
        auto normalized = normalize_controls(to_text(field_spec.get(row)));
        if (!normalized)
            problems.add(std::string(field_spec.name), normalized.error().fields().at(0).message);
        else
            field_spec.set(row, *normalized);
    }
    C9_TRY(complete_from_store(tx, row));
    derive(row, before, rules);
    check_required(spec, row, problems);
    validate(row, before, rules, problems);
    C9_TRY(check_against_store(tx, before, row, problems));
    return problems.result();
}

// " (back-dated: due 2026-11-02; entered 2026-12-05)" when a write sets a date that may record the past
// (FieldFlag backdatable) to a day before the row was entered, else empty: the audit trail marks what was recorded
// afterwards.
template <class T> std::string backdated_note(const EntitySpec<T>& spec, const T* before, const T& row)
{
    Date entered = to_date(row.created_at);
    std::string dates;
    for (const auto& field_spec : spec.fields) {
        if (!field_spec.has(backdatable))
            continue;
        auto value = field_spec.get(row);
        if (before && field_spec.get(*before) == value)
            continue;
        auto date = parse_date(to_text(value).substr(0, 10));
        if (date && *date != Date {} && *date < entered)
            dates += fmt::format("{}{} {}", dates.empty() ? "" : ", ", field_spec.name, format_date(*date));
    }
    return dates.empty() ? std::string() : fmt::format(" (back-dated: {}; entered {})", dates, format_date(entered));
}

// Creates a row inside an open transaction (for use cases that write several rows at once).
template <class T>
Result<T> create_in(Tx& tx, const EntitySpec<T>& spec, const Patch& input, const Caller& caller)
{
    auto rules = C9_TRY(load_rules(tx, caller.now));
    Problems problems;
    auto patch = C9_TRY(resolve_references(tx, spec, input, problems));
    if (spec.check_input)
        spec.check_input(patch, problems);
    T row{};
    C9_TRY(apply_patch(spec, row, patch));
    // A required field must be given on creation; a default-constructed number or date is not an answer.
    for (const auto& field_spec : spec.fields) {
        if (!field_spec.has(required))
            continue;
        auto given = std::find_if(patch.begin(), patch.end(), [&](const FieldInput& given_input) {
            return given_input.field == field_spec.name && !is_null(given_input.value);
        });
        if (given == patch.end() && !problems.has(field_spec.name))
            problems.add(std::string(field_spec.name), "is required");
    }
    row.created_at = caller.now;
    C9_TRY(check_caller(caller, static_cast<const T*>(nullptr), row, problems));
    C9_TRY(check_row(tx, spec, static_cast<const T*>(nullptr), row, rules, problems));
    auto stamp = caller.stamp();
    row.id = C9_TRY(tx.insert(table_of(spec), values_of(spec, row), stamp));
    row.version = 1;
    row.created_by = row.updated_by = stamp.actor;
    row.updated_at = stamp.at;
    C9_TRY(after_write(tx, static_cast<const T*>(nullptr), row, stamp));
    auto label = spec.find("title") ? spec.find("title") : spec.find("name");
    C9_TRY(tx.audit({.at = stamp.at,
        .actor = stamp.actor,
        .action = "create",
        .entity = std::string(spec.name),
        .entity_id = row.id,
        .summary = fmt::format("created {}{}{}", display_id(spec.prefix, row.id),
            label ? " \"" + to_text(label->get(row)) + "\"" : std::string(),
            backdated_note(spec, static_cast<const T*>(nullptr), row))}));
    return row;
}

// A row after a change, and whether anything changed: a change to the values a row already has writes nothing,
// keeps its version, and is reported as such rather than as a success.
template <class T>
struct Changed {
    T row;
    bool changed = true;
};

// Stores the differences between before and row (already checked) with their history rows and one audit entry
// naming the action. Returns the row as stored; nothing is written when nothing changed.
// `note` is added to the audit summary (a use case's own remark, such as a back-dated completion).
template <class T>
Result<T> write_changes(Tx& tx, const EntitySpec<T>& spec, const T& before, T row, const Caller& caller,
    std::string_view action, std::string_view note = {})
{
    std::vector<ColumnChange> changes;
    std::vector<std::pair<std::string_view, std::pair<Value, Value>>> described;
    for (size_t index = 0; index < spec.fields.size(); ++index) {
        auto old_value = spec.fields[index].get(before);
        auto new_value = spec.fields[index].get(row);
        if (old_value == new_value)
            continue;
        changes.push_back({static_cast<int>(index), old_value, new_value});
        described.push_back({spec.fields[index].name, {old_value, new_value}});
    }
    if (changes.empty())
        return row;
    auto stamp = caller.stamp();
    row.version = C9_TRY(tx.update(table_of(spec), row.id, before.version, changes, stamp));
    row.updated_at = stamp.at;
    row.updated_by = stamp.actor;
    C9_TRY(after_write(tx, &before, row, stamp));
    C9_TRY(tx.audit({.at = stamp.at,
        .actor = stamp.actor,
        .action = std::string(action),
        .entity = std::string(spec.name),
        .entity_id = row.id,
        .summary = fmt::format("{} {}: {}{}{}", action == "update" ? "updated" : action,
            display_id(spec.prefix, row.id), change_summary(described), note, backdated_note(spec, &before, row))}));
    return row;
}

template <class T>
Result<void> check_version(const EntitySpec<T>& spec, const T& row, std::optional<std::int64_t> expected_version)
{
    if (expected_version && *expected_version != row.version)
        return Error::stale(fmt::format("{} was changed by someone else (version {} is now {}); reload it and "
                                        "apply your change again",
            display_id(spec.prefix, row.id), *expected_version, row.version));
    return {};
}

// Applies a change to a row read in this transaction: references, the change, derive and validate, the caller's
// right to make it, then the write. `action` names it in the audit trail ("update", "close").
template <class T>
Result<Changed<T>> change_row(Tx& tx, const EntitySpec<T>& spec, const T& before, const Patch& input,
    const Caller& caller, std::string_view action, void (*stamp)(T&, Timestamp) = nullptr)
{
    C9_TRY(require(caller, write_permission(spec.name), row_owner(spec, before), spec.plural));
    auto rules = C9_TRY(load_rules(tx, caller.now));
    Problems problems;
    auto patch = C9_TRY(resolve_references(tx, spec, input, problems, &before));
    if (spec.check_input)
        spec.check_input(patch, problems);
    T row = before;
    C9_TRY(apply_patch(spec, row, patch));
    if (stamp)
        stamp(row, caller.now);
    C9_TRY(check_caller(caller, &before, row, problems));
    C9_TRY(check_row(tx, spec, &before, row, rules, problems));
    // A member may not hand a row over to someone else either.
    C9_TRY(require(caller, write_permission(spec.name), row_owner(spec, row), spec.plural));
    auto stored = C9_TRY(write_changes(tx, spec, before, std::move(row), caller, action));
    bool changed = stored.version != before.version;
    return Changed<T>{std::move(stored), changed};
}

// Updates a row inside an open transaction. Without an expected version the current one is used.
template <class T>
Result<T> update_in(Tx& tx, const EntitySpec<T>& spec, Id id, const Patch& input,
    std::optional<std::int64_t> expected_version, const Caller& caller)
{
    auto before = C9_TRY(get_row(tx, spec, id));
    C9_TRY(check_version(spec, before, expected_version));
    return C9_TRY(change_row(tx, spec, before, input, caller, "update")).row;
}

// --- Use cases: each opens and owns its transaction -----------------------------------------------------------

template <class T>
Result<T> create(Store& store, const EntitySpec<T>& spec, const Patch& input, const Caller& caller)
{
    return store.write([&](Tx& tx) -> Result<T> {
        auto row = C9_TRY(create_in(tx, spec, input, caller));
        // A member creates rows only for themselves; a refusal rolls the transaction back.
        C9_TRY(require(caller, write_permission(spec.name), row_owner(spec, row), spec.plural));
        return row;
    });
}

// Changes the row `ref` names (RSK-12, 12 ...). An empty change is refused; a change to the values the row already
// has comes back unchanged.
template <class T>
Result<Changed<T>> update(Store& store, const EntitySpec<T>& spec, std::string_view ref, const Patch& input,
    std::optional<std::int64_t> expected_version, const Caller& caller)
{
    if (input.empty())
        return Error::invalid("fields", "nothing to change; give at least one field");
    return store.write([&](Tx& tx) -> Result<Changed<T>> {
        auto before = C9_TRY(get_row(tx, spec, C9_TRY(find_row_id(tx, spec, ref))));
        C9_TRY(check_version(spec, before, expected_version));
        return change_row(tx, spec, before, input, caller, "update");
    });
}

// One row, with what `include` asks for besides.
template <class T>
struct RowView {
    T row;
    std::vector<HistoryEntry> history;
    PersonNames names;
};

template <class T>
Result<RowView<T>> show(Store& store, const EntitySpec<T>& spec, std::string_view ref, unsigned include = rows_only)
{
    return store.read([&](Tx& tx) -> Result<RowView<T>> {
        RowView<T> view{C9_TRY(get_row(tx, spec, C9_TRY(find_row_id(tx, spec, ref)))), {}, {}};
        if (include & with_history)
            view.history = C9_TRY(tx.history(spec.name, view.row.id));
        if (include & with_names)
            view.names = C9_TRY(person_names(tx));
        return view;
    });
}

template <class T>
Result<std::vector<HistoryEntry>> history(Store& store, const EntitySpec<T>& spec, std::string_view ref)
{
    return C9_TRY(show(store, spec, ref, with_history)).history;
}

// A list as a person asks for it, in the words of the register's fields. The front ends fill it from their options
// or query string; list_query() checks it against the spec.
struct ListRequest {
    // FIELD = TEXT for filterable fields: the text as typed ("PER-3", "open", "" for no value). A field given several
    // times means any of its values.
    std::vector<std::pair<std::string, std::string>> filters;
    bool open = false;    // only rows that still need attention
    bool overdue = false; // only rows past their due date
    std::string search;   // text in the title or name
    std::string sort;     // a field, id, created_at or updated_at; "-" in front for descending
    int limit = 0;        // 0: every row
    int offset = 0;
};

inline constexpr size_t max_search_length = 200;

// Checks a list request against the register and turns it into a store query: every unknown or mistyped filter is
// named, so a mistake never silently lists everything.
template <class T>
Result<ListQuery> list_query(Tx& tx, const EntitySpec<T>& spec, const ListRequest& request, Date today)
{
    ListQuery query;
    Problems problems;
    query.limit = request.limit;
    query.offset = request.offset;
    query.search = request.search;
    if (request.search.size() > max_search_length)
        problems.add("q", fmt::format("must be at most {} characters", max_search_length));
    if (!request.sort.empty()) {
        std::string_view field = request.sort;
        query.descending = field.starts_with('-');
        if (query.descending)
            field.remove_prefix(1);
        if (field == "id" || field == "created_at" || field == "updated_at" || spec.find(field))
            query.sort = std::string(field);
        else
            problems.add("sort", fmt::format("\"{}\" is not a field of {}", field.substr(0, 64), spec.name));
    }
    if (request.open) {
        if (!spec.open_filter)
            problems.add("open", fmt::format("{} have no notion of open", spec.plural));
        else
            for (auto& filter : spec.open_filter())
                query.filters.push_back(filter);
    }
    if (request.overdue) {
        if (!spec.overdue_filter)
            problems.add("overdue", fmt::format("{} have no due date", spec.plural));
        else
            for (auto& filter : spec.overdue_filter(today))
                query.filters.push_back(filter);
    }

    std::vector<std::string> names;
    Patch values;
    for (const auto& [asked, text] : request.filters) {
        // "control" names a register's control list as well: ?control=8.13 reads as English.
        auto name = asked == "control" && spec.find("controls") ? std::string("controls") : asked;
        const auto* field_spec = spec.find(name);
        bool first = std::find(names.begin(), names.end(), name) == names.end();
        if (first)
            names.push_back(name);
        if (!field_spec || !field_spec->has(filterable)) {
            if (first)
                problems.add(name.substr(0, 64), fmt::format("is not a filter of {}", spec.plural));
            continue;
        }
        auto value = parse_field_text(*field_spec, text);
        if (!value) {
            for (const auto& error : value.error().fields())
                problems.add(error.field, error.message);
            continue;
        }
        values.push_back({name, std::move(*value)});
    }
    values = C9_TRY(resolve_references(tx, spec, std::move(values), problems));
    C9_TRY(problems.result());

    // One filter per field: equality, IS NULL for an empty value, IN for a repeated field.
    for (const auto& name : names) {
        std::vector<Value> wanted;
        bool null_wanted = false;
        for (const auto& input : values)
            if (input.field == name) {
                if (is_null(input.value))
                    null_wanted = true;
                else
                    wanted.push_back(input.value);
            }
        if (null_wanted && wanted.empty())
            query.filters.push_back(where(name, FilterOp::is_null));
        else if (null_wanted)
            return Error::invalid(name, "cannot ask for no value and a value at once");
        else if (spec.find(name)->kind == FieldKind::controls) {
            // A control list holds the controls asked for ("8.13", or "5.15, 8.5" for both), each one.
            for (const auto& controls : wanted)
                for (const auto& control : split_controls(to_text(controls)))
                    query.filters.push_back(where(name, FilterOp::has_item, control));
        } else if (wanted.size() == 1)
            query.filters.push_back(where(name, FilterOp::eq, wanted.front()));
        else if (!wanted.empty())
            query.filters.push_back(where_in(name, wanted));
    }
    return query;
}

template <class T>
struct RowsView {
    std::vector<T> rows;
    std::int64_t total = 0; // rows matching, of which `rows` is the page asked for
    PersonNames names;
};

template <class T>
Result<RowsView<T>> list(Store& store, const EntitySpec<T>& spec, const ListRequest& request, const Caller& caller,
    unsigned include = rows_only)
{
    return store.read([&](Tx& tx) -> Result<RowsView<T>> {
        auto page = C9_TRY(list_rows(tx, spec, C9_TRY(list_query(tx, spec, request, caller.today()))));
        RowsView<T> view{std::move(page.rows), page.total, {}};
        if (include & with_names)
            view.names = C9_TRY(person_names(tx));
        return view;
    });
}

// A list rendered by the caller and kept while the data is unchanged (the API's page cache). The memo answers
//   bool enabled(); std::optional<Body> find(std::int64_t version);
//   Body render(const TypedPage<T>&, const ListQuery&); void keep(std::int64_t version, Body);
// The data version is read first, in the transaction that lists, so a page is always at least as new as the
// version it is kept under.
template <class T, class Memo>
using RenderedBy = decltype(std::declval<Memo&>().render(std::declval<const TypedPage<T>&>(), std::declval<const ListQuery&>()));

template <class T, class Memo>
Result<RenderedBy<T, Memo>> list_rendered_in(
    Tx& tx, const EntitySpec<T>& spec, const ListRequest& request, Date today, Memo& memo)
{
    std::optional<std::int64_t> version;
    if (memo.enabled()) {
        version = C9_TRY(data_version(tx));
        if (auto kept = memo.find(*version))
            return std::move(*kept);
    }
    auto query = C9_TRY(list_query(tx, spec, request, today));
    auto body = memo.render(C9_TRY(list_rows(tx, spec, query)), query);
    if (version)
        memo.keep(*version, body);
    return body;
}

template <class T, class Memo>
Result<RenderedBy<T, Memo>> list_rendered(
    Store& store, const EntitySpec<T>& spec, const ListRequest& request, const Caller& caller, Memo& memo)
{
    return store.read([&](Tx& tx) { return list_rendered_in(tx, spec, request, caller.today(), memo); });
}

// The same for a caller known only by the credentials of its request: who they name is read in the transaction
// that lists, so a cached list costs one read transaction rather than one to authenticate and one to list.
// Without a principal (the credentials name no one who may sign in) nothing is listed.
template <class Body>
struct ListedFor {
    std::optional<Principal> principal;
    Body body;
};

template <class T, class Memo>
Result<ListedFor<RenderedBy<T, Memo>>> list_rendered_for(Store& store, const Credentials& credentials,
    const SessionPolicy& sessions, Timestamp now, const EntitySpec<T>& spec, const ListRequest& request, Memo& memo)
{
    using Body = RenderedBy<T, Memo>;
    Identified identified;
    auto body = C9_TRY(store.read([&](Tx& tx) -> Result<Body> {
        identified = C9_TRY(identify_in(tx, credentials, sessions, now));
        if (!identified.principal)
            return Body{};
        C9_TRY(require(identified.principal->caller(now), Permission::read, std::nullopt, spec.plural));
        return list_rendered_in(tx, spec, request, to_date(now), memo);
    }));
    C9_TRY(follow_up(store, identified, now));
    return ListedFor<Body>{std::move(identified.principal), std::move(body)};
}

} // namespace c9
