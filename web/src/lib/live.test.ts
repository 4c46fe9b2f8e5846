import { describe, expect, it } from 'vitest';
import { mergeNotes, notesOnUpdate, type NotesEditor } from './live';

const editor = (text: string, base = 3, baseText = 'Agreed.'): NotesEditor => ({ item: 7, text, base, baseText });

describe('notesOnUpdate', () => {
  it('takes in notes saved elsewhere when nothing was typed since', () => {
    const next = notesOnUpdate(editor('Agreed.'), { notes: 'Agreed. Budget 20k.', version: 4 });
    expect(next.conflict).toBeNull();
    expect(next.editor).toEqual({ item: 7, text: 'Agreed. Budget 20k.', base: 4, baseText: 'Agreed. Budget 20k.' });
  });

  it('keeps what is typed and reports the other text when both changed', () => {
    const typing = editor('Agreed. Two racks unlocked.');
    const next = notesOnUpdate(typing, { notes: 'Agreed. Budget 20k.', version: 4 });
    expect(next.editor).toBe(typing);
    expect(next.conflict).toEqual({ theirs: 'Agreed. Budget 20k.', version: 4 });
  });

  it('changes nothing for the version it started from, or for its own save coming back', () => {
    const typing = editor('Agreed. Two racks unlocked.');
    expect(notesOnUpdate(typing, { notes: 'Agreed.', version: 3 })).toEqual({ editor: typing, conflict: null });
    const own = notesOnUpdate(typing, { notes: 'Agreed. Two racks unlocked.', version: 4 });
    expect(own.conflict).toBeNull();
    expect(own.editor.base).toBe(4);
  });

  it('treats empty stored notes as empty text', () => {
    const next = notesOnUpdate(editor('', 1, ''), { notes: null, version: 2 });
    expect(next.conflict).toBeNull();
    expect(next.editor.text).toBe('');
  });
});

describe('mergeNotes', () => {
  it('keeps both texts, theirs first', () => {
    expect(mergeNotes('', 'Chair: racks checked.', 'Member: racks unlocked.')).toBe('Chair: racks checked.\n\nMember: racks unlocked.');
  });

  it('adds only what this editor appended to the common start', () => {
    expect(mergeNotes('Agreed.', 'Agreed. Budget 20k.', 'Agreed.\nTwo racks unlocked.')).toBe('Agreed. Budget 20k.\n\nTwo racks unlocked.');
  });

  it('does not repeat a text the other already holds', () => {
    expect(mergeNotes('', 'A and B', 'A and B')).toBe('A and B');
    expect(mergeNotes('', 'A', 'A, then B')).toBe('A, then B');
    expect(mergeNotes('', 'A, then B', 'A')).toBe('A, then B');
    expect(mergeNotes('', 'A', '  ')).toBe('A');
    expect(mergeNotes('Old', '', 'Mine')).toBe('Mine');
  });
});
