// References show as display ids with their register's prefix from the API document, an action's origin with the
// prefix of the register its origin_type names.
import { describe, expect, it } from 'vitest';
import { fieldOf, registerOf } from './registers';
import { displayValue, fromInput, referenceText, toInput } from './values';

const actions = registerOf('actions')!;
const origin = fieldOf(actions, 'origin_id')!;
const nobody = () => '';

describe('references', () => {
  it('show the prefix of the register they point to', () => {
    expect(referenceText(fieldOf(registerOf('lessons')!, 'incident')!, 4)).toBe('INC-4');
    expect(referenceText(fieldOf(actions, 'meeting')!, 9)).toBe('MTG-9');
    expect(referenceText(fieldOf(actions, 'agenda_item')!, 3)).toBe('AI-3');
  });

  it("show an action's origin with the prefix of the register origin_type names, or as a number", () => {
    expect(displayValue(origin, 12, nobody, { origin_type: 'risk', origin_id: 12 })).toBe('RSK-12');
    expect(displayValue(origin, 5, nobody, { origin_type: 'vulnerability', origin_id: 5 })).toBe('VUL-5');
    expect(displayValue(origin, 7, nobody, { origin_type: 'other', origin_id: 7 })).toBe('7');
  });

  it('go to the form as display ids and come back as typed: the API takes either', () => {
    const row = { origin_type: 'nonconformity', origin_id: 2 };
    expect(toInput(origin, 2, row)).toBe('NC-2');
    expect(fromInput(origin, 'NC-2')).toBe('NC-2');
    expect(fromInput(origin, '')).toBeNull();
  });
});
