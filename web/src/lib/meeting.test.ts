import { describe, expect, it } from 'vitest';
import { dropOnto, flatItems, moveWithinSection, type AgendaDoc } from './meeting';

const item = (id: number, number: number) => ({
  id,
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
