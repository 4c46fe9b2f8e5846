import { describe, expect, it } from 'vitest';
import { applyItemChange, conflictMessage, dropOnto, fieldValue, flatItems, moveWithinSection, type AgendaDoc } from './meeting';

const item = (id: number, number: number) => ({
  id,
  version: 1,
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

describe('an edit of one item', () => {
  const names = (id: number) => `Person ${id}`;
  const row = { id: 4, version: 2, section: 'risks', title: 'Item 4', presenter: null, timebox_minutes: 5 };

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
});
