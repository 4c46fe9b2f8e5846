// A live meeting (docs/api.md "Live meetings"): GET /api/v1/meetings/{id}/live is a stream of server-sent events,
// each "meeting" event the whole state of the meeting as it stands, sent at once and again after every change. The
// run view takes its agenda, notes, decisions, actions, lessons and attendance from it, and follows the item the
// chair is on. Notes two people edit at once are merged here, never overwritten: see notesOnUpdate.
import type { AgendaDoc, MinutesDoc } from './meeting';

export interface LiveState {
  meeting: { id: number; ref: string; title: string; state: string; version: number; current_item: number | null };
  agenda: AgendaDoc;
  minutes: MinutesDoc;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

// Opens the stream. EventSource reconnects by itself after a network failure or a server restart; a refused
// request (signed out, no such meeting) ends it for good.
export function watchMeeting(
  meetingId: number,
  onState: (state: LiveState) => void,
  onStatus: (status: LiveStatus) => void,
): () => void {
  const source = new EventSource(`/api/v1/meetings/${meetingId}/live`, { withCredentials: true });
  onStatus('connecting');
  source.addEventListener('meeting', (event) => {
    onStatus('live');
    onState(JSON.parse((event as MessageEvent<string>).data) as LiveState);
  });
  source.onerror = () => onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  return () => source.close();
}

// The notes editor of one item: the text being typed, and the stored version and text it started from.
export interface NotesEditor {
  item: number;
  text: string;
  base: number; // the item's version the text started from; sent as If-Match
  baseText: string;
}

// Someone else's notes, saved while this editor had unsaved changes.
export interface NotesConflict {
  theirs: string;
  version: number;
}

// What a new state of the item does to the editor: with nothing typed since, the editor shows the stored notes; with
// unsaved changes and a newer version from someone else, the editor keeps the typing and reports the conflict.
export function notesOnUpdate(
  editor: NotesEditor,
  stored: { notes: string | null; version: number },
): { editor: NotesEditor; conflict: NotesConflict | null } {
  const storedText = stored.notes ?? '';
  if (stored.version === editor.base) return { editor, conflict: null };
  if (editor.text === editor.baseText || editor.text === storedText)
    return { editor: { ...editor, text: storedText, base: stored.version, baseText: storedText }, conflict: null };
  return { editor, conflict: { theirs: storedText, version: stored.version } };
}

// Both texts kept: theirs as saved, then what this editor added. Text both already share is not repeated: an editor
// that only appended to the common start contributes just its addition.
export function mergeNotes(baseText: string, theirs: string, mine: string): string {
  if (mine === theirs || mine.trim() === '') return theirs;
  if (theirs.trim() === '' || theirs === baseText) return mine;
  if (mine.includes(theirs)) return mine;
  if (theirs.includes(mine)) return theirs;
  const added = baseText && mine.startsWith(baseText) ? mine.slice(baseText.length).replace(/^\s+/, '') : mine;
  return `${theirs.replace(/\s+$/, '')}\n\n${added}`;
}
