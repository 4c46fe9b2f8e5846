#include "store/migrations.h"

#include <array>

namespace c9 {

namespace {

// Columns every register row carries (core/entity.h Row).
#define C9_ROW_COLUMNS                                                                                                 \
    "id {pk},\n"                                                                                                       \
    "version {int} NOT NULL,\n"                                                                                        \
    "created_at TEXT NOT NULL,\n"                                                                                      \
    "created_by TEXT NOT NULL,\n"                                                                                      \
    "updated_at TEXT NOT NULL,\n"                                                                                      \
    "updated_by TEXT NOT NULL,\n"

constexpr std::string_view migration_1 =
    "CREATE TABLE settings (\n"
    "key TEXT PRIMARY KEY,\n"
    "value TEXT NOT NULL);\n"

    "CREATE TABLE people (\n" C9_ROW_COLUMNS
    "name TEXT NOT NULL,\n"
    "email TEXT NOT NULL UNIQUE,\n"
    "department TEXT,\n"
    "roles TEXT,\n"
    "active {int} NOT NULL);\n"
    "CREATE INDEX people_roles ON people (roles);\n"

    "CREATE TABLE controls (\n" C9_ROW_COLUMNS
    "code TEXT NOT NULL UNIQUE,\n"
    "title TEXT NOT NULL,\n"
    "theme TEXT NOT NULL,\n"
    "new_in_2022 {int} NOT NULL,\n"
    "replaces_2013 TEXT,\n"
    "applicable {int},\n"
    "justification TEXT,\n"
    "status TEXT NOT NULL,\n"
    "owner {int} REFERENCES people(id),\n"
    "last_review TEXT,\n"
    "next_review TEXT);\n"

    "CREATE TABLE activities (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "description TEXT,\n"
    "owner {int} REFERENCES people(id),\n"
    "recurrence TEXT NOT NULL,\n"
    "next_due TEXT NOT NULL,\n"
    "last_done TEXT,\n"
    "controls TEXT NOT NULL,\n"
    "active {int} NOT NULL);\n"
    "CREATE INDEX activities_next_due ON activities (next_due);\n"

    "CREATE TABLE activity_completions (\n"
    "id {pk},\n"
    "activity {int} NOT NULL REFERENCES activities(id),\n"
    "done_on TEXT NOT NULL,\n"
    "due TEXT NOT NULL,\n"
    "done_by {int} REFERENCES people(id),\n"
    "result TEXT NOT NULL,\n"
    "evidence TEXT,\n"
    "note TEXT,\n"
    "recorded_at TEXT NOT NULL,\n"
    "recorded_by TEXT NOT NULL);\n"
    "CREATE INDEX activity_completions_activity ON activity_completions (activity, done_on);\n"
    "CREATE INDEX activity_completions_done_on ON activity_completions (done_on);\n"
    "CREATE INDEX activity_completions_recorded_at ON activity_completions (recorded_at, result, activity, done_on, due);\n"
    "CREATE INDEX activity_completions_due ON activity_completions (due, done_on);\n"

    "CREATE TABLE incidents (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "description TEXT,\n"
    "severity TEXT NOT NULL,\n"
    "category TEXT NOT NULL,\n"
    "status TEXT NOT NULL,\n"
    "owner {int} REFERENCES people(id),\n"
    "occurred_at TEXT,\n"
    "detected_at TEXT NOT NULL,\n"
    "contained_at TEXT,\n"
    "resolved_at TEXT,\n"
    "closed_at TEXT,\n"
    "affected_assets TEXT,\n"
    "impact_confidentiality TEXT,\n"
    "impact_integrity TEXT,\n"
    "impact_availability TEXT,\n"
    "response TEXT,\n"
    "root_cause TEXT,\n"
    "response_effectiveness TEXT,\n"
    "lessons_learned TEXT,\n"
    "controls TEXT NOT NULL);\n"
    "CREATE INDEX incidents_detected_at ON incidents (detected_at, severity);\n"
    "CREATE INDEX incidents_closed_at ON incidents (closed_at);\n"
    "CREATE INDEX incidents_status ON incidents (status);\n"
    "CREATE INDEX incidents_resolved_at ON incidents (resolved_at);\n"

    "CREATE TABLE vulnerabilities (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "cve TEXT,\n"
    "scanner_id TEXT,\n"
    "cvss {real},\n"
    "severity TEXT NOT NULL,\n"
    "asset TEXT,\n"
    "discovered TEXT NOT NULL,\n"
    "due TEXT,\n"
    "kev {int} NOT NULL,\n"
    "kev_due TEXT,\n"
    "status TEXT NOT NULL,\n"
    "owner {int} REFERENCES people(id),\n"
    "resolved_on TEXT,\n"
    "resolution TEXT);\n"
    "CREATE INDEX vulnerabilities_discovered ON vulnerabilities (discovered);\n"
    // Covering indexes: the agenda and KPI counts over open, new or due vulnerabilities read no table rows.
    "CREATE INDEX vulnerabilities_status_due ON vulnerabilities (status, kev, due, severity);\n"
    "CREATE INDEX vulnerabilities_resolved_on ON vulnerabilities (resolved_on, status, discovered);\n"
    "CREATE INDEX vulnerabilities_created_at ON vulnerabilities (created_at, severity);\n"
    "CREATE INDEX vulnerabilities_due ON vulnerabilities (due, status, resolved_on);\n"

    "CREATE TABLE risks (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "description TEXT,\n"
    "asset TEXT,\n"
    "threat TEXT,\n"
    "vulnerability TEXT,\n"
    "owner {int} NOT NULL REFERENCES people(id),\n"
    "likelihood {int} NOT NULL,\n"
    "impact {int} NOT NULL,\n"
    "inherent_score {int} NOT NULL,\n"
    "treatment TEXT,\n"
    "treatment_plan TEXT,\n"
    "treatment_due TEXT,\n"
    "residual_likelihood {int},\n"
    "residual_impact {int},\n"
    "residual_score {int},\n"
    "current_score {int} NOT NULL,\n"
    "accepted_by {int} REFERENCES people(id),\n"
    "accepted_on TEXT,\n"
    "next_review TEXT,\n"
    "status TEXT NOT NULL,\n"
    "controls TEXT NOT NULL);\n"
    "CREATE INDEX risks_created_at ON risks (created_at);\n"
    "CREATE INDEX risks_status_next_review ON risks (status, next_review);\n"
    "CREATE INDEX risks_status_treatment_due ON risks (status, treatment_due);\n"
    "CREATE INDEX risks_status_current ON risks (status, current_score);\n"

    "CREATE TABLE risk_scores (\n"
    "id {pk},\n"
    "risk {int} NOT NULL REFERENCES risks(id),\n"
    "at TEXT NOT NULL,\n"
    "likelihood {int} NOT NULL,\n"
    "impact {int} NOT NULL,\n"
    "residual_likelihood {int},\n"
    "residual_impact {int},\n"
    // The current score (residual when assessed) after this entry and before it: "what changed since the last
    // meeting" then needs only the entries since that meeting.
    "score {int} NOT NULL,\n"
    "previous_score {int} NOT NULL);\n"
    "CREATE INDEX risk_scores_risk ON risk_scores (risk, at);\n"
    "CREATE INDEX risk_scores_at ON risk_scores (at, risk, previous_score, score);\n"

    "CREATE TABLE nonconformities (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "description TEXT,\n"
    "source TEXT NOT NULL,\n"
    "grade TEXT NOT NULL,\n"
    "owner {int} REFERENCES people(id),\n"
    "identified_on TEXT NOT NULL,\n"
    "incident {int} REFERENCES incidents(id),\n"
    "root_cause TEXT,\n"
    "corrective_action TEXT,\n"
    "due TEXT,\n"
    "status TEXT NOT NULL,\n"
    "effectiveness_check TEXT,\n"
    "effective {int},\n"
    "closed_on TEXT);\n"
    "CREATE INDEX nonconformities_status_due ON nonconformities (status, due);\n"
    "CREATE INDEX nonconformities_updated_at ON nonconformities (updated_at);\n"

    "CREATE TABLE kpis (\n" C9_ROW_COLUMNS
    "name TEXT NOT NULL,\n"
    "definition TEXT,\n"
    "unit TEXT,\n"
    "direction TEXT NOT NULL,\n"
    "target {real} NOT NULL,\n"
    "amber {real},\n"
    "frequency TEXT NOT NULL,\n"
    "formula TEXT,\n"
    "owner {int} REFERENCES people(id),\n"
    "active {int} NOT NULL);\n"

    "CREATE TABLE kpi_measurements (\n"
    "id {pk},\n"
    "kpi {int} NOT NULL REFERENCES kpis(id),\n"
    "period TEXT NOT NULL,\n"
    "value {real} NOT NULL,\n"
    "note TEXT,\n"
    "recorded_at TEXT NOT NULL,\n"
    "recorded_by TEXT NOT NULL,\n"
    "UNIQUE (kpi, period));\n"

    "CREATE TABLE meeting_series (\n" C9_ROW_COLUMNS
    "name TEXT NOT NULL,\n"
    "type TEXT NOT NULL,\n"
    "cadence TEXT NOT NULL,\n"
    "duration_minutes {int} NOT NULL,\n"
    "location TEXT,\n"
    "chair {int} REFERENCES people(id),\n"
    "minute_taker {int} REFERENCES people(id),\n"
    "quorum {int},\n"
    "active {int} NOT NULL);\n"

    "CREATE TABLE series_members (\n"
    "series {int} NOT NULL REFERENCES meeting_series(id),\n"
    "person {int} NOT NULL REFERENCES people(id),\n"
    "role TEXT NOT NULL,\n"
    "PRIMARY KEY (series, person));\n"

    "CREATE TABLE meetings (\n" C9_ROW_COLUMNS
    "series {int} NOT NULL REFERENCES meeting_series(id),\n"
    "title TEXT NOT NULL,\n"
    "starts_at TEXT NOT NULL,\n"
    "duration_minutes {int} NOT NULL,\n"
    "location TEXT,\n"
    "state TEXT NOT NULL,\n"
    "started_at TEXT,\n"
    "ended_at TEXT,\n"
    "approved_at TEXT,\n"
    "approved_by {int} REFERENCES people(id),\n"
    "minutes_hash TEXT,\n"
    "audit_head TEXT,\n"
    "uncovered_reason TEXT);\n"
    "CREATE INDEX meetings_series_starts_at ON meetings (series, starts_at);\n"

    "CREATE TABLE attendance (\n"
    "meeting {int} NOT NULL REFERENCES meetings(id),\n"
    "person {int} NOT NULL REFERENCES people(id),\n"
    "role TEXT NOT NULL,\n"
    "presence TEXT NOT NULL,\n"
    "PRIMARY KEY (meeting, person));\n"

    "CREATE TABLE agenda_items (\n" C9_ROW_COLUMNS
    "meeting {int} NOT NULL REFERENCES meetings(id),\n"
    "position {int} NOT NULL,\n"
    "section TEXT NOT NULL,\n"
    "title TEXT NOT NULL,\n"
    "presenter {int} REFERENCES people(id),\n"
    "timebox_minutes {int} NOT NULL,\n"
    "sources TEXT NOT NULL,\n"
    "covers TEXT NOT NULL,\n"
    "key TEXT,\n"
    "removed {int} NOT NULL,\n"
    "edited TEXT NOT NULL,\n"
    "notes TEXT,\n"
    "outcome TEXT);\n"
    "CREATE INDEX agenda_items_meeting ON agenda_items (meeting, position);\n"

    "CREATE TABLE decisions (\n" C9_ROW_COLUMNS
    "meeting {int} NOT NULL REFERENCES meetings(id),\n"
    "agenda_item {int} REFERENCES agenda_items(id),\n"
    "text TEXT NOT NULL,\n"
    "rationale TEXT,\n"
    "type TEXT NOT NULL,\n"
    "links TEXT NOT NULL);\n"
    "CREATE INDEX decisions_meeting ON decisions (meeting);\n"

    "CREATE TABLE actions (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "description TEXT,\n"
    "owner {int} NOT NULL REFERENCES people(id),\n"
    "due TEXT NOT NULL,\n"
    "status TEXT NOT NULL,\n"
    "meeting {int} REFERENCES meetings(id),\n"
    "series {int} REFERENCES meeting_series(id),\n"
    "agenda_item {int} REFERENCES agenda_items(id),\n"
    "origin_type TEXT,\n"
    "origin_id {int},\n"
    "progress TEXT,\n"
    "completed_at TEXT);\n"
    "CREATE INDEX actions_status_due ON actions (status, due);\n"
    "CREATE INDEX actions_completed_at ON actions (completed_at);\n"
    "CREATE INDEX actions_due ON actions (due, status, completed_at);\n"
    "CREATE INDEX actions_meeting ON actions (meeting);\n"
    // Carrying open actions forward: the open items of a series, per owner and by due date, from the index alone.
    "CREATE INDEX actions_series ON actions (series, status, owner, due);\n"
    "CREATE INDEX actions_series_completed ON actions (series, completed_at);\n"
    "CREATE INDEX actions_owner ON actions (owner, status);\n"

    "CREATE TABLE lessons (\n" C9_ROW_COLUMNS
    "title TEXT NOT NULL,\n"
    "detail TEXT,\n"
    "category TEXT NOT NULL,\n"
    "incident {int} REFERENCES incidents(id),\n"
    "meeting {int} REFERENCES meetings(id),\n"
    "owner {int} REFERENCES people(id),\n"
    "improvement TEXT);\n"
    "CREATE INDEX lessons_incident ON lessons (incident);\n"
    "CREATE INDEX lessons_created_at ON lessons (created_at);\n"

    // The approved minutes as sealed: the Markdown body whose SHA-256 is recorded, and the documents rendered with it.
    "CREATE TABLE minutes (\n"
    "meeting {int} PRIMARY KEY REFERENCES meetings(id),\n"
    "body TEXT NOT NULL,\n"
    "markdown TEXT NOT NULL,\n"
    "html TEXT NOT NULL,\n"
    "json TEXT NOT NULL,\n"
    "sha256 TEXT NOT NULL,\n"
    "approved_at TEXT NOT NULL,\n"
    "approved_by TEXT NOT NULL);\n"

    "CREATE TABLE history (\n"
    "id {pk},\n"
    "entity TEXT NOT NULL,\n"
    "entity_id {int} NOT NULL,\n"
    "version {int} NOT NULL,\n"
    "at TEXT NOT NULL,\n"
    "actor TEXT NOT NULL,\n"
    "field TEXT NOT NULL,\n"
    "old_value TEXT,\n"
    "new_value TEXT);\n"
    "CREATE INDEX history_entity ON history (entity, entity_id);\n"
    "CREATE INDEX history_field_at ON history (entity, field, at);\n"

    "CREATE TABLE audit_log (\n"
    "seq {int} PRIMARY KEY,\n"
    "at TEXT NOT NULL,\n"
    "actor TEXT NOT NULL,\n"
    "action TEXT NOT NULL,\n"
    "entity TEXT NOT NULL,\n"
    "entity_id {int},\n"
    "summary TEXT NOT NULL,\n"
    "prev_hash TEXT NOT NULL,\n"
    "hash TEXT NOT NULL);\n"

    // The chain head: one row, updated by every append. On PostgreSQL the row lock serialises appends from all
    // instances, so the chain never forks.
    "CREATE TABLE audit_head (\n"
    "id {int} PRIMARY KEY CHECK (id = 1),\n"
    "seq {int} NOT NULL,\n"
    "hash TEXT NOT NULL);\n"
    "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, "
    "'0000000000000000000000000000000000000000000000000000000000000000');\n";

// Login accounts, browser sessions, API tokens and failed logins (DESIGN.md section 8). Accounts refer to people,
// never the other way round. Session ids and tokens are stored only as SHA-256 hashes, so a copy of the database
// does not let anyone sign in; sessions live here rather than in a server's memory so that several instances
// behind one load balancer share them.
constexpr std::string_view migration_2 =
    "CREATE TABLE users (\n" C9_ROW_COLUMNS
    "email TEXT NOT NULL UNIQUE,\n"
    "name TEXT NOT NULL,\n"
    "role TEXT NOT NULL,\n"
    "person {int} REFERENCES people(id),\n"
    "password_hash TEXT NOT NULL,\n"
    "active {int} NOT NULL);\n"

    "CREATE TABLE sessions (\n"
    "id_hash TEXT PRIMARY KEY,\n"
    "user_id {int} NOT NULL REFERENCES users(id),\n"
    "csrf_token TEXT NOT NULL,\n"
    "created_at TEXT NOT NULL,\n"
    "last_seen TEXT NOT NULL,\n"
    "expires_at TEXT NOT NULL,\n"
    "client TEXT NOT NULL);\n"
    "CREATE INDEX sessions_user ON sessions (user_id);\n"
    "CREATE INDEX sessions_expires_at ON sessions (expires_at);\n"

    "CREATE TABLE api_tokens (\n"
    "id {pk},\n"
    "user_id {int} NOT NULL REFERENCES users(id),\n"
    "name TEXT NOT NULL,\n"
    "token_hash TEXT NOT NULL UNIQUE,\n"
    "hint TEXT NOT NULL,\n"
    "created_at TEXT NOT NULL,\n"
    "created_by TEXT NOT NULL,\n"
    "last_used_at TEXT,\n"
    "revoked_at TEXT);\n"
    "CREATE INDEX api_tokens_user ON api_tokens (user_id);\n"

    // One row per failed login, under two scopes ("account:<email>" and "client:<address>"); the throttle counts
    // the rows of a scope inside its window and old rows are pruned as new ones arrive.
    "CREATE TABLE login_failures (\n"
    "id {pk},\n"
    "scope TEXT NOT NULL,\n"
    "at TEXT NOT NULL);\n"
    "CREATE INDEX login_failures_scope_at ON login_failures (scope, at);\n"
    "CREATE INDEX login_failures_at ON login_failures (at);\n";

// The agenda takes incidents by when they were recorded, not detected, so one detected before a meeting and recorded
// during it reaches the next agenda. A planned meeting can be cancelled, with the reason kept.
constexpr std::string_view migration_3 =
    "CREATE INDEX incidents_created_at ON incidents (created_at, severity);\n"
    "CREATE INDEX incidents_updated_at ON incidents (updated_at);\n"
    "ALTER TABLE meetings ADD COLUMN cancel_reason TEXT;\n";

// Attendees propose agenda items and the chair accepts or declines them; a decision has an owner and a due date, and
// one taken without quorum is provisional until a later meeting confirms it; a series can name who approves minutes.
constexpr std::string_view migration_4 =
    "CREATE TABLE agenda_proposals (\n" C9_ROW_COLUMNS
    "meeting {int} NOT NULL REFERENCES meetings(id),\n"
    "title TEXT NOT NULL,\n"
    "kind TEXT NOT NULL,\n"
    "detail TEXT,\n"
    "sources TEXT NOT NULL,\n"
    "proposed_by {int} NOT NULL REFERENCES people(id),\n"
    "status TEXT NOT NULL,\n"
    "reason TEXT,\n"
    "agenda_item {int} REFERENCES agenda_items(id),\n"
    "decided_by {int} REFERENCES people(id));\n"
    "CREATE INDEX agenda_proposals_meeting ON agenda_proposals (meeting, status);\n"
    "ALTER TABLE decisions ADD COLUMN owner {int} REFERENCES people(id);\n"
    "ALTER TABLE decisions ADD COLUMN due TEXT;\n"
    "ALTER TABLE decisions ADD COLUMN provisional {int} NOT NULL DEFAULT 0;\n"
    "ALTER TABLE decisions ADD COLUMN confirms {int} REFERENCES decisions(id);\n"
    "CREATE INDEX decisions_owner ON decisions (owner);\n"
    "CREATE INDEX decisions_created_at ON decisions (created_at);\n"
    "CREATE INDEX decisions_confirms ON decisions (confirms);\n"
    "ALTER TABLE meeting_series ADD COLUMN approvers TEXT NOT NULL DEFAULT '';\n";

// A live meeting: the agenda item the room is on, which every attendee's view follows.
constexpr std::string_view migration_5
    = "ALTER TABLE meetings ADD COLUMN current_item {int} REFERENCES agenda_items(id);\n";

// Risk treatment has a status, and the residual levels count only once it is done; an acceptance records the score
// the owner accepted. A risk whose plan was counted as its score before (residual levels with a treatment still due)
// gets its inherent score back, with an entry in its score history; every other risk keeps its score.
#define C9_NEW_CURRENT                                                                                                 \
    "CASE WHEN treatment_status = 'done' AND residual_score IS NOT NULL THEN residual_score ELSE inherent_score END"
constexpr std::string_view migration_6
    = "ALTER TABLE risks ADD COLUMN treatment_status TEXT;\n"
      "ALTER TABLE risks ADD COLUMN accepted_score {int};\n"
      "ALTER TABLE risks ADD COLUMN acceptance_note TEXT;\n"
      "UPDATE risks SET treatment_status = CASE "
      "WHEN treatment = 'accept' AND accepted_by IS NOT NULL THEN 'done' "
      "WHEN residual_score IS NOT NULL AND treatment_due IS NULL THEN 'done' "
      "WHEN treatment IS NOT NULL OR treatment_due IS NOT NULL THEN 'planned' END;\n"
      "INSERT INTO risk_scores (risk, at, likelihood, impact, residual_likelihood, residual_impact, score, "
      "previous_score) SELECT id, {now}, likelihood, impact, residual_likelihood, residual_impact, " C9_NEW_CURRENT
      ", current_score FROM risks WHERE current_score <> " C9_NEW_CURRENT ";\n"
      "UPDATE risks SET current_score = " C9_NEW_CURRENT ";\n"
      "UPDATE risks SET accepted_score = current_score WHERE accepted_by IS NOT NULL;\n";
#undef C9_NEW_CURRENT

// The asset inventory (5.9). Risks and vulnerabilities named their asset in free text: each distinct text becomes an
// asset row (its type left for someone to classify), and the rows refer to it; the text stays as asset_text.
// Incidents gain a reference to the asset chiefly hit.
#define C9_ASSET_FROM(table)                                                                                           \
    "ALTER TABLE " table " RENAME COLUMN asset TO asset_text;\n"                                                       \
    "ALTER TABLE " table " ADD COLUMN asset {int} REFERENCES assets(id);\n"                                            \
    "INSERT INTO assets (version, created_at, created_by, updated_at, updated_by, name, status) "                      \
    "SELECT DISTINCT 1, {now}, 'migration 7', {now}, 'migration 7', TRIM(asset_text), 'in_use' FROM " table " "        \
    "WHERE TRIM(COALESCE(asset_text, '')) <> '' AND TRIM(asset_text) NOT IN (SELECT name FROM assets);\n"              \
    "UPDATE " table " SET asset = (SELECT MIN(a.id) FROM assets a WHERE a.name = TRIM(" table ".asset_text)) "         \
    "WHERE TRIM(COALESCE(asset_text, '')) <> '';\n"                                                                    \
    "CREATE INDEX " table "_asset ON " table " (asset);\n"
constexpr std::string_view migration_7
    = "CREATE TABLE assets (\n" C9_ROW_COLUMNS "name TEXT NOT NULL,\n"
      "type TEXT,\n"
      "description TEXT,\n"
      "owner {int} REFERENCES people(id),\n"
      "confidentiality TEXT,\n"
      "integrity TEXT,\n"
      "availability TEXT,\n"
      "location TEXT,\n"
      "supplier TEXT,\n"
      "status TEXT NOT NULL);\n"
      "CREATE INDEX assets_status ON assets (status);\n"
      "CREATE INDEX assets_owner ON assets (owner);\n" C9_ASSET_FROM("risks")
          C9_ASSET_FROM("vulnerabilities") "ALTER TABLE incidents ADD COLUMN asset {int} REFERENCES assets(id);\n"
                                           "CREATE INDEX incidents_asset ON incidents (asset);\n";
#undef C9_ASSET_FROM

// The context of the organisation (4.1, 4.2): issues, interested parties and their feedback.
constexpr std::string_view migration_8
    = "CREATE TABLE context_issues (\n" C9_ROW_COLUMNS "title TEXT NOT NULL,\n"
      "kind TEXT NOT NULL,\n"
      "category TEXT,\n"
      "description TEXT,\n"
      "effect TEXT,\n"
      "owner {int} REFERENCES people(id),\n"
      "next_review TEXT,\n"
      "status TEXT NOT NULL);\n"
      "CREATE INDEX context_issues_updated_at ON context_issues (updated_at);\n"
      "CREATE TABLE interested_parties (\n" C9_ROW_COLUMNS "name TEXT NOT NULL,\n"
      "kind TEXT NOT NULL,\n"
      "requirements TEXT,\n"
      "addressed_by TEXT,\n"
      "controls TEXT NOT NULL,\n"
      "owner {int} REFERENCES people(id),\n"
      "next_review TEXT,\n"
      "status TEXT NOT NULL);\n"
      "CREATE INDEX interested_parties_updated_at ON interested_parties (updated_at);\n"
      "CREATE TABLE feedback (\n" C9_ROW_COLUMNS "title TEXT NOT NULL,\n"
      "party {int} REFERENCES interested_parties(id),\n"
      "received_on TEXT NOT NULL,\n"
      "channel TEXT,\n"
      "sentiment TEXT,\n"
      "detail TEXT,\n"
      "response TEXT,\n"
      "owner {int} REFERENCES people(id),\n"
      "review_by TEXT,\n"
      "status TEXT NOT NULL);\n"
      "CREATE INDEX feedback_created_at ON feedback (created_at);\n"
      "CREATE INDEX feedback_party ON feedback (party);\n";

#undef C9_ROW_COLUMNS

constexpr std::array<Migration, 8> all_migrations {{
    {"registers, meetings, history and audit trail", migration_1, {}},
    {"accounts, sessions, API tokens and login throttling", migration_2, {}},
    {"incidents indexed by when they were recorded; meetings can be cancelled", migration_3, {}},
    {"agenda proposals; decision owners, due dates and provisional decisions; minutes approvers", migration_4, {}},
    {"the current agenda item of a meeting in progress", migration_5, {}},
    {"risk treatment status; the residual score counts once the treatment is done; accepted scores", migration_6, {}},
    {"the asset inventory; risks, vulnerabilities and incidents refer to assets", migration_7, {}},
    {"context issues, interested parties and their feedback (4.1, 4.2)", migration_8, {}},
}};

void replace_all(std::string& text, std::string_view from, std::string_view to)
{
    for (size_t pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
}

} // namespace

std::span<const Migration> migrations() { return all_migrations; }

std::vector<std::string> migration_statements(const Migration& migration, Engine engine)
{
    std::string script(engine == Engine::postgresql && !migration.postgresql_sql.empty() ? migration.postgresql_sql
                                                                                          : migration.sql);
    if (engine == Engine::sqlite) {
        replace_all(script, "{pk}", "INTEGER PRIMARY KEY");
        replace_all(script, "{int}", "INTEGER");
        replace_all(script, "{real}", "REAL");
        replace_all(script, "{now}", "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    } else {
        // BY DEFAULT rather than ALWAYS: copying a database keeps its ids.
        replace_all(script, "{pk}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
        replace_all(script, "{int}", "BIGINT");
        replace_all(script, "{real}", "DOUBLE PRECISION");
        replace_all(script, "{now}", "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
    }
    std::vector<std::string> statements;
    size_t start = 0;
    for (size_t pos = script.find(";\n"); pos != std::string::npos; pos = script.find(";\n", start)) {
        statements.push_back(script.substr(start, pos - start));
        start = pos + 2;
    }
    if (script.find_first_not_of(" \n", start) != std::string::npos)
        statements.push_back(script.substr(start));
    return statements;
}

} // namespace c9
