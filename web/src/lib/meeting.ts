// The agenda and minutes JSON of the API (docs/documents.md "JSON"), and what the meeting screens derive from it.
// The API document describes the agenda's sections and of each item its id, number, title, version (the If-Match
// of PATCH /api/v1/meetings/{id}/agenda/items/{item}) and stored position (what a PATCH with "position" takes):
// those members are its types. It gives the rest of the agenda and of the minutes as plain objects, so they are
// described here.
import type { Answer } from './schemas';

type AgendaSchema = Answer<'Agenda'>;
type DescribedSection = AgendaSchema['sections'][number];
type DescribedItem = DescribedSection['items'][number];

export interface PersonRef {
  id: number;
  name: string;
}

export interface AgendaItemDoc extends DescribedItem {
  presenter: PersonRef | null;
  timebox_minutes: number;
  sources: string[];
  covers: string[] | string | null;
  notes: string | null;
  outcome: string | null;
  manual: boolean;
}

export interface SectionDoc extends Omit<DescribedSection, 'items'> {
  items: AgendaItemDoc[];
}

export interface Attendee {
  id: number;
  name: string;
  email: string;
  role: string;
  presence: string;
}

export interface KpiDoc {
  id: number;
  name: string;
  value: number | null;
  unit: string | null;
  target: number;
  amber: number | null;
  rag: string | null;
  trend: string;
  period: string;
}

export interface AgendaDoc extends Pick<AgendaSchema, 'total_minutes' | 'duration_minutes' | 'over_time'> {
  meeting: {
    id: number;
    ref: string;
    title: string;
    series: string;
    type: string;
    state: string;
    starts_at: string;
    duration_minutes: number;
    location: string | null;
    chair: PersonRef | null;
    minute_taker: PersonRef | null;
    started_at?: string | null;
    ended_at?: string | null;
  };
  attendees: Attendee[];
  sections: SectionDoc[];
  coverage: { input: string; title: string; items: number[]; covered: boolean }[];
  kpis: KpiDoc[];
}

export interface MinutesDoc extends AgendaDoc {
  quorum: number | null;
  present: number;
  quorum_reached: boolean;
  decisions: { ref: string; type: string; text: string; rationale: string | null; links: string | null; item: number }[];
  actions: { ref: string; title: string; owner: PersonRef | null; due: string; status: string; item: number }[];
  lessons: { ref: string; title: string; category: string | null; improvement: string | null }[];
  uncovered_reason: string | null;
  approval: { approved_at: string; approved_by: PersonRef | string | null; sha256: string; audit_head: string } | null;
}

// The sections in the order the server shows them (src/core/agenda.h AgendaSection).
export const sectionKeys = [
  'opening',
  'actions',
  'maintenance',
  'controls',
  'incidents',
  'vulnerabilities',
  'risks',
  'kpis',
  'management_review',
  'other_business',
];

export const sectionTitles: Record<string, string> = {
  opening: 'Opening',
  actions: 'Action items',
  maintenance: 'Maintenance activities',
  controls: 'Controls',
  incidents: 'Incidents',
  vulnerabilities: 'Vulnerabilities',
  risks: 'Risks',
  kpis: 'KPIs',
  management_review: 'Management review inputs (9.3.2)',
  other_business: 'Any other business',
};

export interface FlatItem extends AgendaItemDoc {
  section: string;
}

export function flatItems(agenda: AgendaDoc): FlatItem[] {
  return agenda.sections.flatMap((section) => section.items.map((item) => ({ ...item, section: section.key })));
}

// Moves an item within its section by delta places; returns the new global order of ids, or null when it cannot move.
export function moveWithinSection(items: FlatItem[], id: number, delta: number): number[] | null {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return null;
  const target = index + delta;
  if (target < 0 || target >= items.length || items[target].section !== items[index].section) return null;
  const order = items.map((item) => item.id);
  [order[index], order[target]] = [order[target], order[index]];
  return order;
}

// Puts the dragged item where the item it was dropped on is (same section only).
export function dropOnto(items: FlatItem[], dragged: number, onto: number): number[] | null {
  const from = items.findIndex((item) => item.id === dragged);
  const to = items.findIndex((item) => item.id === onto);
  if (from < 0 || to < 0 || from === to || items[from].section !== items[to].section) return null;
  const order = items.map((item) => item.id);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  return order;
}

// The stored position to PATCH so the moved item lands where a new order (from moveWithinSection or dropOnto)
// shows it. The server stores the items shown at positions 1..n, removed ones after them, takes the item out and
// puts it back at that number, inside its section (src/app/meeting_agenda.cpp move_agenda_item), so an item moved
// up takes the position of the item now after it, and one moved down the position of the item now before it.
export function movePosition(items: FlatItem[], order: number[], moved: number): number | null {
  const from = items.findIndex((item) => item.id === moved);
  const to = order.indexOf(moved);
  if (from < 0 || to < 0 || from === to) return null;
  const neighbour = items.find((item) => item.id === order[to < from ? to + 1 : to - 1]);
  return neighbour ? neighbour.position : null;
}

// An agenda item as PATCH .../agenda/items/{item} answers it: the stored row, with the presenter as an id.
export type AgendaItemRow = Pick<Answer<'AgendaItem'>, 'id' | 'version' | 'section' | 'title' | 'presenter' | 'timebox_minutes'>;

// The fields an edit of one item changes in place; a new section regroups the agenda, so it is read again instead.
export const inPlaceFields = ['title', 'presenter', 'timebox_minutes'];

// The agenda with one item as the server stored it: its title, presenter, timebox and version, and the total time
// and the over-time flag recounted as the server counts them (the sum of the items' timeboxes against the duration).
export function applyItemChange(agenda: AgendaDoc, row: AgendaItemRow, nameOf: (id: number) => string): AgendaDoc {
  const sections = agenda.sections.map((section) => ({
    ...section,
    items: section.items.map((item) =>
      item.id !== row.id
        ? item
        : {
            ...item,
            version: row.version,
            title: row.title,
            presenter: row.presenter === null ? null : { id: row.presenter, name: nameOf(row.presenter) },
            timebox_minutes: row.timebox_minutes ?? 0,
          },
    ),
  }));
  const total = sections.reduce((sum, section) => sum + section.items.reduce((minutes, item) => minutes + item.timebox_minutes, 0), 0);
  return { ...agenda, sections, total_minutes: total, over_time: total > agenda.duration_minutes };
}

// What an item's field shows, as the editor's input or select holds it.
export function fieldValue(item: FlatItem, field: string): string {
  if (field === 'presenter') return item.presenter ? String(item.presenter.id) : '';
  if (field === 'timebox_minutes') return String(item.timebox_minutes);
  if (field === 'section') return item.section;
  return item.title;
}

// Said to the chair when the item changed since the agenda was read (412): nothing was written.
export function conflictMessage(item: Pick<AgendaItemDoc, 'number' | 'title'>, change: 'edit' | 'move' = 'edit'): string {
  return change === 'move'
    ? `Another person changed item ${item.number} ("${item.title}") while you were moving it, so it was not moved. The agenda now shows their version; move it again if it is still needed.`
    : `Another person changed item ${item.number} ("${item.title}") while you were editing it, so your change was not saved. The agenda now shows their version; make your change again if it is still needed.`;
}

// Said when the item is no longer on the agenda (404, or gone once the agenda is read again after a 412).
export function removedMessage(item: Pick<AgendaItemDoc, 'number' | 'title'>): string {
  return `Item ${item.number} ("${item.title}") was removed by another person, so your change was not saved. The agenda has been read again.`;
}

// Said at a field the server refused (422): what was typed, why, and that the field shows the stored value again.
export function invalidMessage(field: string, typed: string, reason: string): string {
  return `${fieldNames[field] ?? field} "${typed}" was not saved: ${reason}. The field shows the stored value again.`;
}

const fieldNames: Record<string, string> = { title: 'Title', presenter: 'Presenter', timebox_minutes: 'Minutes', section: 'Section' };

export function ragWord(rag: string | null): string {
  return rag ? rag[0].toUpperCase() + rag.slice(1) : 'No value';
}
