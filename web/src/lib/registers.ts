// What the UI knows about each register: its fields as the server's EntitySpec describes them (src/core/*.cpp,
// the Input schemas of src/api/openapi.json). One list component and one form component read these, so a register
// screen is a few lines here. registers.test.ts checks every field against the OpenAPI document.

export type Kind =
  | 'text'
  | 'multiline'
  | 'integer'
  | 'real'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'choice'
  | 'person'
  | 'reference'
  | 'controls';

export interface FieldDef {
  name: string;
  label: string;
  kind: Kind;
  help?: string;
  choices?: string[];
  target?: string; // reference: the register's plural ("incidents")
  required?: boolean;
  readOnly?: boolean;
  listed?: boolean;
  filterable?: boolean;
}

export interface RegisterDef {
  plural: string; // API collection and UI path: /api/v1/risks, /risks
  title: string; // "Risks"
  singular: string; // "risk"
  prefix: string;
  nameField: string; // shown as the row's name
  fields: FieldDef[];
  open?: boolean; // ?open=true exists
  overdue?: boolean; // ?overdue=true exists
  canCreate?: boolean;
  // Writes need manage_meetings rather than edit_register.
  meetings?: boolean;
  // Verbs: POST /api/v1/{plural}/{id}/{verb} with these body fields.
  verbs?: { verb: string; label: string; fields: string[]; when?: (row: Row) => boolean }[];
  defaultSort?: string;
}

export type Row = Record<string, unknown> & { id: number | string; ref: string; version: number };

type Flags = Partial<Pick<FieldDef, 'required' | 'readOnly' | 'listed' | 'filterable'>>;

const R: Flags = { required: true };
const L: Flags = { listed: true };
const F: Flags = { filterable: true };
const RO: Flags = { readOnly: true };

function f(name: string, label: string, kind: Kind, flags: Flags[] = [], extra: Partial<FieldDef> = {}): FieldDef {
  return { name, label, kind, ...Object.assign({}, ...flags), ...extra };
}
function choice(name: string, label: string, choices: string[], flags: Flags[] = [], help?: string): FieldDef {
  return f(name, label, 'choice', flags, { choices, help });
}

const impact = ['none', 'low', 'medium', 'high'];

export const registers: RegisterDef[] = [
  {
    plural: 'controls',
    title: 'Controls and SoA',
    singular: 'control',
    prefix: 'CTL',
    nameField: 'title',
    canCreate: false,
    overdue: true,
    defaultSort: 'id',
    fields: [
      f('code', 'Annex A id', 'text', [RO]),
      f('title', 'Title', 'text', [RO, L]),
      choice('theme', 'Theme', ['Organizational', 'People', 'Physical', 'Technological'], [RO, L, F]),
      f('new_in_2022', 'New in 2022', 'boolean', [RO, F]),
      f('replaces_2013', 'Replaces (2013)', 'text', [RO]),
      f('applicable', 'Applicable', 'boolean', [L, F], { help: 'Statement of Applicability: is the control applicable' }),
      f('justification', 'Justification', 'multiline', [], { help: 'why the control is included or excluded' }),
      choice('status', 'Implementation', ['not_started', 'planned', 'partial', 'implemented'], [L, F]),
      f('owner', 'Owner', 'person', [L, F]),
      f('last_review', 'Last review', 'date'),
      f('next_review', 'Next review', 'date', [F]),
    ],
  },
  {
    plural: 'activities',
    title: 'Maintenance activities',
    singular: 'maintenance activity',
    prefix: 'MNT',
    nameField: 'title',
    open: true,
    overdue: true,
    defaultSort: 'next_due',
    fields: [
      f('title', 'Title', 'text', [R, L], { help: 'what is done, e.g. "Patch servers"' }),
      f('description', 'Description', 'multiline'),
      f('owner', 'Owner', 'person', [L, F]),
      f('recurrence', 'Recurrence', 'text', [R, L], {
        help: 'daily, weekly, monthly, quarterly, half-yearly, yearly or an RRULE such as FREQ=WEEKLY;INTERVAL=2',
      }),
      f('next_due', 'Next due', 'date', [R, L, F]),
      f('last_done', 'Last done', 'date', [RO, L]),
      f('controls', 'Controls', 'controls', [], { help: 'Annex A controls it supports, e.g. "8.8, 8.13"' }),
      f('active', 'Active', 'boolean', [F]),
    ],
  },
  {
    plural: 'incidents',
    title: 'Incidents',
    singular: 'incident',
    prefix: 'INC',
    nameField: 'title',
    open: true,
    defaultSort: '-detected_at',
    verbs: [
      {
        verb: 'close',
        label: 'Close incident',
        fields: ['root_cause', 'lessons_learned', 'response_effectiveness', 'resolved_at'],
        when: (row) => row.status !== 'closed',
      },
    ],
    fields: [
      f('title', 'Title', 'text', [R, L]),
      f('description', 'Description', 'multiline'),
      choice('severity', 'Severity', ['none', 'low', 'medium', 'high', 'critical'], [R, L, F]),
      choice(
        'category',
        'Category',
        [
          'malware',
          'phishing',
          'unauthorized_access',
          'data_breach',
          'denial_of_service',
          'loss_or_theft',
          'misconfiguration',
          'policy_violation',
          'supplier',
          'other',
        ],
        [L, F],
      ),
      choice('status', 'Status', ['open', 'contained', 'resolved', 'closed'], [RO, L, F], 'follows the timeline'),
      f('owner', 'Handler', 'person', [L, F]),
      f('occurred_at', 'Occurred', 'timestamp'),
      f('detected_at', 'Detected', 'timestamp', [R, L]),
      f('contained_at', 'Contained', 'timestamp'),
      f('resolved_at', 'Resolved', 'timestamp'),
      f('closed_at', 'Closed', 'timestamp'),
      f('affected_assets', 'Affected assets', 'text'),
      choice('impact_confidentiality', 'Impact on confidentiality', impact),
      choice('impact_integrity', 'Impact on integrity', impact),
      choice('impact_availability', 'Impact on availability', impact),
      f('response', 'Response', 'multiline'),
      f('root_cause', 'Root cause', 'multiline'),
      choice('response_effectiveness', 'Response effectiveness', ['effective', 'partially_effective', 'ineffective']),
      f('lessons_learned', 'Lessons learned', 'multiline', [], { help: 'what the organisation learned (control 5.27)' }),
      f('controls', 'Controls', 'controls'),
    ],
  },
  {
    plural: 'vulnerabilities',
    title: 'Vulnerabilities',
    singular: 'vulnerability',
    prefix: 'VUL',
    nameField: 'title',
    open: true,
    overdue: true,
    defaultSort: 'due',
    verbs: [
      {
        verb: 'close',
        label: 'Close vulnerability',
        fields: ['status', 'resolution', 'resolved_on'],
        when: (row) => row.status === 'open' || row.status === 'in_progress',
      },
    ],
    fields: [
      f('title', 'Title', 'text', [R, L]),
      f('cve', 'CVE', 'text', [L, F], { help: 'e.g. CVE-2024-3094' }),
      f('scanner_id', 'Scanner id', 'text'),
      f('cvss', 'CVSS', 'real', [L], { help: 'base score 0.0-10.0' }),
      choice('severity', 'Severity', ['none', 'low', 'medium', 'high', 'critical'], [L, F], 'from the CVSS score when given'),
      f('asset', 'Asset', 'text', [L, F]),
      f('discovered', 'Discovered', 'date', [L]),
      f('due', 'Due', 'date', [RO, L, F], { help: 'from the severity SLA or the KEV listing' }),
      f('kev', 'Known exploited (KEV)', 'boolean', [F]),
      f('kev_due', 'KEV due date', 'date'),
      choice('status', 'Status', ['open', 'in_progress', 'remediated', 'risk_accepted', 'false_positive'], [L, F]),
      f('owner', 'Owner', 'person', [L, F]),
      f('resolved_on', 'Resolved on', 'date'),
      f('resolution', 'Resolution', 'multiline'),
    ],
  },
  {
    plural: 'risks',
    title: 'Risks',
    singular: 'risk',
    prefix: 'RSK',
    nameField: 'title',
    open: true,
    overdue: true,
    defaultSort: '-inherent_score',
    verbs: [{ verb: 'close', label: 'Close risk', fields: ['description'], when: (row) => row.status !== 'closed' }],
    fields: [
      f('title', 'Title', 'text', [R, L]),
      f('description', 'Scenario', 'multiline'),
      f('asset', 'Asset', 'text', [F]),
      f('threat', 'Threat', 'text'),
      f('vulnerability', 'Vulnerability', 'text'),
      f('owner', 'Owner', 'person', [R, L, F], { help: 'accountable for the treatment (6.1.2 c)' }),
      f('likelihood', 'Likelihood', 'integer', [R, L], { help: '1 (rare) to the matrix size' }),
      f('impact', 'Impact', 'integer', [R, L], { help: '1 (negligible) to the matrix size' }),
      f('inherent_score', 'Inherent score', 'integer', [RO, L]),
      choice('treatment', 'Treatment', ['mitigate', 'accept', 'avoid', 'transfer'], [L, F]),
      f('treatment_plan', 'Treatment plan', 'multiline'),
      f('treatment_due', 'Treatment due', 'date', [F]),
      f('residual_likelihood', 'Residual likelihood', 'integer'),
      f('residual_impact', 'Residual impact', 'integer'),
      f('residual_score', 'Residual score', 'integer', [RO, L]),
      f('current_score', 'Current score', 'integer', [RO, F], {
        help: 'the score the appetite is compared with: residual when assessed, else inherent',
      }),
      f('accepted_by', 'Accepted by', 'person', [], { help: 'who accepted the residual risk (6.1.3 f)' }),
      f('accepted_on', 'Accepted on', 'date'),
      f('next_review', 'Next review', 'date', [L, F]),
      choice('status', 'Status', ['open', 'closed'], [F]),
      f('controls', 'Controls', 'controls', [], { help: 'Annex A controls that treat it, e.g. "5.15, 8.5"' }),
    ],
  },
  {
    plural: 'nonconformities',
    title: 'Nonconformities',
    singular: 'nonconformity',
    prefix: 'NC',
    nameField: 'title',
    open: true,
    overdue: true,
    defaultSort: 'due',
    verbs: [
      {
        verb: 'close',
        label: 'Close nonconformity',
        fields: ['root_cause', 'corrective_action', 'effectiveness_check', 'effective'],
        when: (row) => row.status !== 'closed',
      },
    ],
    fields: [
      f('title', 'Title', 'text', [R, L]),
      f('description', 'Description', 'multiline'),
      choice(
        'source',
        'Source',
        ['internal_audit', 'external_audit', 'incident', 'management_review', 'monitoring', 'other'],
        [L, F],
      ),
      choice('grade', 'Grade', ['major', 'minor', 'observation'], [L, F]),
      f('owner', 'Owner', 'person', [L, F]),
      f('identified_on', 'Identified on', 'date', [L]),
      f('incident', 'Incident', 'reference', [], { target: 'incidents' }),
      f('root_cause', 'Root cause', 'multiline', [], { help: 'why it happened (10.2 b)' }),
      f('corrective_action', 'Corrective action', 'multiline', [], { help: 'so that it does not recur (10.2 c)' }),
      f('due', 'Due', 'date', [L, F]),
      choice('status', 'Status', ['open', 'in_progress', 'closed'], [L, F]),
      f('effectiveness_check', 'Effectiveness check', 'multiline', [], { help: '10.2 d' }),
      f('effective', 'Effective', 'boolean'),
      f('closed_on', 'Closed on', 'date', [RO]),
    ],
  },
  {
    plural: 'kpis',
    title: 'KPIs',
    singular: 'KPI',
    prefix: 'KPI',
    nameField: 'name',
    defaultSort: 'id',
    fields: [
      f('name', 'Name', 'text', [R, L]),
      f('definition', 'Definition', 'multiline', [], { help: 'what is measured and how (9.1)' }),
      f('unit', 'Unit', 'text', [L], { help: 'e.g. % or days' }),
      choice('direction', 'Direction', ['higher_is_better', 'lower_is_better']),
      f('target', 'Target', 'real', [R, L]),
      f('amber', 'Amber threshold', 'real', [L], { help: 'the worst value that is still amber rather than red' }),
      choice('frequency', 'Frequency', ['monthly', 'quarterly', 'yearly'], [F]),
      choice(
        'formula',
        'Formula',
        [
          'vulns_remediated_within_sla',
          'open_critical_high_vulns',
          'overdue_kev_vulns',
          'mean_time_to_remediate',
          'incident_mttd',
          'incident_mttc',
          'incident_mttr',
          'incidents_in_period',
          'severe_incidents_in_period',
          'post_incident_reviews_done',
          'overdue_corrective_actions',
          'actions_closed_on_time',
          'maintenance_on_schedule',
          'soa_implementation',
          'risks_above_appetite_untreated',
          'meeting_attendance',
        ],
        [L, F],
        'computed from the registers; empty for manual entry',
      ),
      f('owner', 'Owner', 'person', [F]),
      f('active', 'Active', 'boolean', [F]),
    ],
  },
  {
    plural: 'actions',
    title: 'Action items',
    singular: 'action item',
    prefix: 'ACT',
    nameField: 'title',
    open: true,
    overdue: true,
    defaultSort: 'due',
    verbs: [
      {
        verb: 'done',
        label: 'Mark done',
        fields: ['progress'],
        when: (row) => row.status === 'open' || row.status === 'in_progress',
      },
      {
        verb: 'cancel',
        label: 'Cancel',
        fields: ['progress'],
        when: (row) => row.status === 'open' || row.status === 'in_progress',
      },
    ],
    fields: [
      f('title', 'Title', 'text', [R, L]),
      f('description', 'Description', 'multiline'),
      f('owner', 'Owner', 'person', [R, L, F]),
      f('due', 'Due', 'date', [R, L, F]),
      choice('status', 'Status', ['open', 'in_progress', 'done', 'cancelled'], [L, F]),
      f('meeting', 'Meeting', 'reference', [F], { target: 'meetings' }),
      f('series', 'Meeting series', 'reference', [RO, F], { target: 'meeting-series' }),
      f('agenda_item', 'Agenda item', 'reference', [], { target: 'agenda-items' }),
      choice(
        'origin_type',
        'Origin',
        ['meeting', 'incident', 'risk', 'nonconformity', 'vulnerability', 'control', 'activity', 'lesson', 'audit', 'other'],
        [F],
      ),
      f('origin_id', 'Origin id', 'integer', [F]),
      f('progress', 'Progress', 'multiline', [], { help: 'latest progress note (earlier notes stay in the history)' }),
      f('completed_at', 'Completed', 'timestamp', [RO]),
    ],
  },
  {
    plural: 'people',
    title: 'People',
    singular: 'person',
    prefix: 'PER',
    nameField: 'name',
    open: true,
    defaultSort: 'name',
    fields: [
      f('name', 'Name', 'text', [R, L]),
      f('email', 'Email', 'text', [R, L, F]),
      f('department', 'Department', 'text', [L, F]),
      f('roles', 'ISMS roles', 'text', [L], {
        help: 'comma-separated: iso, it, management, department, risk_owner, dpo, hr, facilities, legal, auditor',
      }),
      f('active', 'Active', 'boolean', [F]),
    ],
  },
  {
    plural: 'lessons',
    title: 'Lessons learned',
    singular: 'lesson learned',
    prefix: 'LL',
    nameField: 'title',
    defaultSort: '-id',
    fields: [
      f('title', 'Lesson', 'text', [R, L], { help: 'the lesson in one sentence' }),
      f('detail', 'Detail', 'multiline'),
      choice(
        'category',
        'Category',
        ['process', 'technology', 'people', 'supplier', 'communication', 'documentation', 'other'],
        [L, F],
      ),
      f('incident', 'Incident', 'reference', [L, F], { target: 'incidents' }),
      f('meeting', 'Meeting', 'reference', [F], { target: 'meetings' }),
      f('owner', 'Owner', 'person', [F]),
      f('improvement', 'Improvement', 'multiline', [], { help: 'the improvement it leads to (10.1)' }),
    ],
  },
  {
    plural: 'meeting-series',
    title: 'Meeting series',
    singular: 'meeting series',
    prefix: 'SER',
    nameField: 'name',
    meetings: true,
    defaultSort: 'id',
    fields: [
      f('name', 'Name', 'text', [R, L]),
      choice('type', 'Type', ['maintenance', 'management_review', 'incident_review', 'risk_review'], [R, L, F]),
      f('cadence', 'Cadence', 'text', [R, L], { help: 'monthly, quarterly, half-yearly, yearly or an RRULE' }),
      f('duration_minutes', 'Duration (minutes)', 'integer', [L]),
      f('location', 'Location', 'text', [], { help: 'room or video link' }),
      f('chair', 'Chair', 'person', [L]),
      f('minute_taker', 'Minute taker', 'person'),
      f('quorum', 'Quorum', 'integer', [], { help: 'attendees who must be present for decisions' }),
      f('active', 'Active', 'boolean', [F]),
    ],
  },
  {
    plural: 'meetings',
    title: 'Meetings',
    singular: 'meeting',
    prefix: 'MTG',
    nameField: 'title',
    meetings: true,
    defaultSort: '-starts_at',
    fields: [
      f('series', 'Series', 'reference', [R, L, F], { target: 'meeting-series' }),
      f('title', 'Title', 'text', [R, L]),
      f('starts_at', 'Starts', 'timestamp', [R, L]),
      f('duration_minutes', 'Duration (minutes)', 'integer', [L]),
      f('location', 'Location', 'text'),
      choice('state', 'State', ['planned', 'in_progress', 'held', 'approved'], [RO, L, F]),
      f('started_at', 'Started', 'timestamp', [RO]),
      f('ended_at', 'Ended', 'timestamp', [RO]),
      f('approved_at', 'Approved', 'timestamp', [RO]),
      f('approved_by', 'Approved by', 'person', [RO]),
      f('minutes_hash', 'SHA-256 of the minutes', 'text', [RO]),
      f('audit_head', 'Audit trail head at approval', 'text', [RO]),
      f('uncovered_reason', 'Why a 9.3.2 input is not covered', 'multiline'),
    ],
  },
];

// The registers listed under "Registers" in the navigation, in the order an ISMS meeting goes through them.
export const registerMenu = [
  'controls',
  'activities',
  'incidents',
  'vulnerabilities',
  'risks',
  'nonconformities',
  'kpis',
  'actions',
  'people',
  'lessons',
];

export function registerOf(plural: string): RegisterDef | undefined {
  return registers.find((register) => register.plural === plural);
}

export function fieldOf(register: RegisterDef, name: string): FieldDef | undefined {
  return register.fields.find((field) => field.name === name);
}

// Choice values as words: "in_progress" -> "in progress".
export function choiceLabel(value: unknown): string {
  return value == null ? '' : String(value).replace(/_/g, ' ');
}

// The path of a row in the UI: controls by their Annex A id, the rest by number.
export function rowPath(register: RegisterDef, row: Row): string {
  if (register.plural === 'meetings') return `/meetings/${row.id}`;
  return `/${register.plural}/${register.plural === 'controls' ? String(row.code ?? row.id) : row.id}`;
}
