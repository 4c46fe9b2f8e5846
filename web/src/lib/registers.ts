// What the UI knows about each register. A register's shape is the server's: its fields (label, kind, help, choices,
// target, required, read-only, listed, filterable), its verbs and the states they apply from, whether rows can be
// created and which permission writes them all come from the API document, generated into
// src/generated/registers.ts by scripts/generate.mjs (docs/ui.md "Generated code"). Only how the UI presents a
// register is written here. One list component and one form component read these, so a register screen is a few
// lines here.
import type { Permission } from '../generated/permissions';
import {
  registerShapes,
  type FieldShape,
  type Kind,
  type RegisterPlural,
  type RegisterRows,
  type RegisterShape,
  type VerbShape,
} from '../generated/registers';

export type { Kind, RegisterPlural, RegisterRows };

// A field as forms and lists show it: a register's field (FieldShape, generated), or a form field of the UI's own
// (the settings), which need not say every flag.
export type FieldDef = Pick<FieldShape, 'name' | 'label' | 'kind'> & Partial<FieldShape>;

// A verb that moves a row's state (POST /api/v1/{plural}/{id}/{verb}) with these body fields. It is offered when the
// row's state field holds one of the states it applies from (any state when the document names none).
export interface VerbDef {
  verb: string;
  label: string;
  fields: readonly string[];
  state: string;
  // The states it may move to; the first is the one it moves to when the body names none.
  to: readonly string[];
  when: (row: Row) => boolean;
}

export interface RegisterDef {
  plural: RegisterPlural; // API collection and UI path: /api/v1/risks, /risks
  name: string; // "risk", as an action's origin_type names it
  title: string; // "Risks"
  singular: string; // "risk" in sentences: "New maintenance activity"
  prefix: string;
  nameField: string; // shown as the row's name
  // The field that names a row in its path and in the lists' Id column (a control's Annex A id); the display id
  // (ref) when none.
  idField?: string;
  fields: readonly FieldDef[];
  open: boolean; // ?open=true exists
  overdue: boolean; // ?overdue=true exists
  canCreate: boolean;
  // What a write needs: edit_register, or manage_meetings for the meeting registers.
  writePermission: Permission;
  verbs: VerbDef[];
  defaultSort?: string;
}

// The members every register row has, typed as the document describes them, and any other member as unknown: the
// generic screens read fields by name. Screens of one register use RegisterRows['kpis'] and the like.
type AnyRegisterRow = RegisterRows[RegisterPlural];
export type Row = Pick<AnyRegisterRow, 'id' | 'ref' | 'version' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'> &
  Record<string, unknown>;

// A field name of a register's rows, optionally with "-" for a descending sort.
type FieldName<P extends RegisterPlural> = keyof RegisterRows[P] & string;

// How the UI presents a register; its shape is the document's.
interface Shown {
  title: string; // as the navigation and the headings name the register
  nameField: string;
  idField?: string;
  defaultSort: string;
  // Button labels of verbs that "Close incident" (the verb and the singular) does not fit.
  verbLabels?: Record<string, string>;
}
interface Presentation<P extends RegisterPlural> extends Shown {
  nameField: FieldName<P>;
  idField?: FieldName<P>;
  defaultSort: FieldName<P> | `-${FieldName<P>}`;
}

// Typed by the document's registers: a register added to or removed from it, or a field renamed, is a type error
// here (npm run check).
const presentation: { [P in RegisterPlural]: Presentation<P> } = {
  controls: { title: 'Controls and SoA', nameField: 'title', idField: 'code', defaultSort: 'id' },
  assets: { title: 'Assets', nameField: 'name', defaultSort: 'name' },
  'context-issues': { title: 'Context issues', nameField: 'title', defaultSort: 'next_review' },
  parties: { title: 'Interested parties', nameField: 'name', defaultSort: 'name' },
  feedback: { title: 'Feedback', nameField: 'title', defaultSort: '-received_on' },
  activities: { title: 'Maintenance activities', nameField: 'title', defaultSort: 'next_due' },
  incidents: { title: 'Incidents', nameField: 'title', defaultSort: '-detected_at' },
  vulnerabilities: { title: 'Vulnerabilities', nameField: 'title', defaultSort: 'due' },
  risks: { title: 'Risks', nameField: 'title', defaultSort: '-inherent_score' },
  nonconformities: { title: 'Nonconformities', nameField: 'title', defaultSort: 'due' },
  kpis: { title: 'KPIs', nameField: 'name', defaultSort: 'id' },
  actions: {
    title: 'Action items',
    nameField: 'title',
    defaultSort: 'due',
    verbLabels: { done: 'Mark done', cancel: 'Cancel' },
  },
  people: { title: 'People', nameField: 'name', defaultSort: 'name' },
  lessons: { title: 'Lessons learned', nameField: 'title', defaultSort: '-id' },
  'meeting-series': { title: 'Meeting series', nameField: 'name', defaultSort: 'id' },
  meetings: { title: 'Meetings', nameField: 'title', defaultSort: '-starts_at' },
};

// The registers listed under "Registers" in the navigation, in the order an ISMS meeting goes through them.
export const registerMenu: RegisterPlural[] = [
  'controls',
  'assets',
  'context-issues',
  'parties',
  'feedback',
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

// "Maintenance activity" -> "maintenance activity"; an acronym ("KPI") keeps its capitals.
function lowerFirst(title: string): string {
  return /^.[A-Z]/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

function verbDef(verb: VerbShape, singular: string, labels: Record<string, string> = {}): VerbDef {
  const state = verb.state ?? '';
  const from = verb.from ?? [];
  return {
    verb: verb.name,
    label: labels[verb.name] ?? `${verb.name.charAt(0).toUpperCase()}${verb.name.slice(1)} ${singular}`,
    fields: verb.inputs,
    state,
    to: verb.to ?? [],
    when: (row) => from.length === 0 || from.includes(String(row[state])),
  };
}

// A register of the document as the UI uses it. Verbs that add to a row's log (an activity's completions, a KPI's
// measurements) have screens of their own and are not among its verbs.
export function registerDef(shape: RegisterShape): RegisterDef {
  const plural = shape.plural as RegisterPlural;
  // A register the UI was not told about yet (npm run check says so) still gets a screen.
  const shown: Shown = presentation[plural] ?? {
    title: shape.plural.charAt(0).toUpperCase() + shape.plural.slice(1).replace(/-/g, ' '),
    nameField: shape.fields.find((field) => field.listed)?.name ?? 'ref',
    defaultSort: 'id',
  };
  const singular = lowerFirst(shape.title);
  return {
    plural,
    name: shape.name,
    title: shown.title,
    singular,
    prefix: shape.prefix,
    nameField: shown.nameField,
    idField: shown.idField,
    fields: shape.fields,
    open: shape.open,
    overdue: shape.overdue,
    canCreate: shape.canCreate,
    writePermission: shape.writePermission,
    verbs: shape.verbs.filter((verb) => !verb.log).map((verb) => verbDef(verb, singular, shown.verbLabels)),
    defaultSort: shown.defaultSort,
  };
}

export const registers: RegisterDef[] = registerShapes.map(registerDef);

export function registerOf(plural: string): RegisterDef | undefined {
  return registers.find((register) => register.plural === plural);
}

export function fieldOf(register: RegisterDef, name: string): FieldDef | undefined {
  return register.fields.find((field) => field.name === name);
}

// The register a reference field of a row points to: its target, or for "@origin_type" the register the row's
// origin_type names by its singular name ("risk"); undefined when it names none ("other").
export function targetOf(field: FieldDef, row: Record<string, unknown> = {}): RegisterDef | undefined {
  if (!field.target) return undefined;
  if (!field.target.startsWith('@')) return registerOf(field.target);
  const name = row[field.target.slice(1)];
  return registers.find((register) => register.name === name);
}

// Choice values as words: "in_progress" -> "in progress".
export function choiceLabel(value: unknown): string {
  return value == null ? '' : String(value).replace(/_/g, ' ');
}

// What names a row in its path and in the API's: a control's Annex A id, otherwise its number.
export function rowKey(register: RegisterDef, row: Row): string {
  return register.idField ? String(row[register.idField] ?? row.id) : String(row.id);
}

// The path of a row in the UI: controls by their Annex A id, the rest by number.
export function rowPath(register: RegisterDef, row: Row): string {
  if (register.plural === 'meetings') return `/meetings/${row.id}`;
  return `/${register.plural}/${rowKey(register, row)}`;
}

