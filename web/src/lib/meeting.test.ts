import { describe, expect, it } from 'vitest';
import {
  applyItemChange,
  conflictMessage,
  dropOnto,
  fieldValue,
  flatItems,
  invalidMessage,
  movePosition,
  moveWithinSection,
  removedMessage,
  type AgendaDoc,
  type AgendaItemRow,
} from './meeting';

// The server stores the items shown at the numbers they show, removed items after them.
const item = (id: number, number: number) => ({
  id,
  version: 1,
  position: number,
  number,
  title: `Item ${id}`,
  presenter: null,
  timebox_minutes: 5,
  sources: [],
  covers: null,
  notes: null,
  outcome: null,
  manual: false,
});

const agenda = {
  sections: [
    { key: 'opening', title: 'Opening', items: [item(1, 1), item(2, 2)] },
    { key: 'risks', title: 'Risks', items: [item(3, 3), item(4, 4), item(5, 5)] },
  ],
  total_minutes: 25,
  duration_minutes: 30,
  over_time: false,
} as unknown as AgendaDoc;

describe('agenda order', () => {
  const items = flatItems(agenda);

  it.each([
    [4, -1, [1, 2, 4, 3, 5]],
    [4, 1, [1, 2, 3, 5, 4]],
    [1, 1, [2, 1, 3, 4, 5]],
    [2, 1, null], // would leave its section
    [3, -1, null],
    [5, 1, null],
  ])('moves item %i by %i', (id, delta, expected) => {
    expect(moveWithinSection(items, id, delta)).toEqual(expected);
  });

  it.each([
    [5, 3, [1, 2, 5, 3, 4]],
    [3, 5, [1, 2, 4, 5, 3]],
    [1, 3, null],
    [4, 4, null],
  ])('drops item %i onto item %i', (dragged, onto, expected) => {
    expect(dropOnto(items, dragged, onto)).toEqual(expected);
  });
});

// The server's move (src/app/meeting_agenda.cpp move_agenda_item): the items shown are stored at 1..n and the
// removed ones after them; the item is taken out of the items shown and put back at the number given.
function serverMove(stored: (number | string)[], id: number, position: number): (number | string)[] {
  const rest = stored.filter((one) => one !== id && typeof one === 'number');
  rest.splice(position - 1, 0, id);
  return [...rest, ...stored.filter((one) => typeof one !== 'number')];
}

describe('a move as a PATCH of the stored position', () => {
  const items = flatItems(agenda);
  const stored = [1, 2, 3, 4, 5, 'removed', 'removed'];
  const shownOrder = (after: (number | string)[]) => after.filter((one) => typeof one === 'number');

  it.each([
    ['up', moveWithinSection(items, 4, -1), 4, 3],
    ['down', moveWithinSection(items, 4, 1), 4, 5],
    ['down within its section', moveWithinSection(items, 3, 1), 3, 4],
    ['first of its section down', moveWithinSection(items, 1, 1), 1, 2],
    ['dropped up onto an item', dropOnto(items, 5, 3), 5, 3],
    ['dropped down onto an item', dropOnto(items, 3, 5), 3, 5],
    ['up twice with the keyboard', moveWithinSection(moveWithinSection(items, 5, -1)!.map((id) => items.find((one) => one.id === id)!), 5, -1), 5, 3],
  ])('sends the position that gives the order shown (%s)', (_, order, id, position) => {
    expect(movePosition(items, order!, id)).toBe(position);
    expect(shownOrder(serverMove(stored, id, position))).toEqual(order);
  });

  it('sends nothing when the item did not move or is unknown', () => {
    expect(movePosition(items, items.map((one) => one.id), 3)).toBeNull();
    expect(movePosition(items, [2, 1, 3, 4, 5], 9)).toBeNull();
  });
});

describe('an edit of one item', () => {
  const names = (id: number) => `Person ${id}`;
  const row: AgendaItemRow = { id: 4, version: 2, section: 'risks', title: 'Item 4', presenter: null, timebox_minutes: 5 };

  it('takes the stored title, presenter, timebox and version, and leaves the other items alone', () => {
    const next = applyItemChange(agenda, { ...row, title: 'Phishing', presenter: 7, timebox_minutes: 8 }, names);
    const items = flatItems(next);
    expect(items.find((one) => one.id === 4)).toMatchObject({ version: 2, title: 'Phishing', presenter: { id: 7, name: 'Person 7' }, timebox_minutes: 8, number: 4, section: 'risks' });
    expect(items.filter((one) => one.id !== 4)).toEqual(flatItems(agenda).filter((one) => one.id !== 4));
    expect(flatItems(agenda).find((one) => one.id === 4)?.title).toBe('Item 4'); // the agenda given is not changed
  });

  it.each([
    [10, 30, false],
    [11, 31, true],
    [null, 20, false],
  ])('a timebox of %s makes %i minutes (over time: %s)', (minutes, total, over) => {
    const next = applyItemChange(agenda, { ...row, timebox_minutes: minutes }, names);
    expect(next.total_minutes).toBe(total);
    expect(next.over_time).toBe(over);
  });

  it('clears the presenter', () => {
    const withPresenter = applyItemChange(agenda, { ...row, presenter: 7 }, names);
    expect(flatItems(applyItemChange(withPresenter, { ...row, version: 3 }, names)).find((one) => one.id === 4)?.presenter).toBeNull();
  });

  it.each([
    ['title', 'Item 4'],
    ['presenter', '7'],
    ['timebox_minutes', '5'],
    ['section', 'risks'],
  ])("shows the %s as its field holds it", (field, shown) => {
    const stored = flatItems(applyItemChange(agenda, { ...row, presenter: 7 }, names)).find((one) => one.id === 4)!;
    expect(fieldValue(stored, field)).toBe(shown);
    expect(fieldValue({ ...stored, presenter: null }, 'presenter')).toBe('');
  });

  it('tells the chair that another person changed the item and nothing was saved', () => {
    const message = conflictMessage({ number: 4, title: 'Item 4' });
    expect(message).toContain('Another person changed item 4 ("Item 4")');
    expect(message).toContain('your change was not saved');
  });

  it('tells the chair when a move was refused because another person changed the item', () => {
    const message = conflictMessage({ number: 4, title: 'Item 4' }, 'move');
    expect(message).toContain('Another person changed item 4 ("Item 4") while you were moving it');
    expect(message).toContain('it was not moved');
  });

  it('tells the chair the item was removed meanwhile', () => {
    expect(removedMessage({ number: 4, title: 'Item 4' })).toBe(
      'Item 4 ("Item 4") was removed by another person, so your change was not saved. The agenda has been read again.',
    );
  });

  it('says what was typed, why it was refused, and that the stored value is back', () => {
    expect(invalidMessage('timebox_minutes', '900', 'must be between 0 and 600')).toBe(
      'Minutes "900" was not saved: must be between 0 and 600. The field shows the stored value again.',
    );
  });
});
