// A field's value as text, and the conversion between form inputs and the JSON the API takes.
import type { FieldDef } from './registers';
import { choiceLabel, targetOf } from './registers';
import { formatDate, formatNumber, formatTimestamp, inputToTimestamp, timestampToInput } from './format';

// Rows that references point to without being a register of their own.
const otherPrefixes: Record<string, string> = { 'agenda-items': 'AI' };

// A reference as its display id (INC-4), the prefix being the target register's; `row` holds the field that names
// the register when the target is one ("@origin_type"). A number alone when the row names no register ("other").
export function referenceText(field: FieldDef, value: unknown, row: Record<string, unknown> = {}): string {
  if (value == null || value === '') return '';
  const prefix = targetOf(field, row)?.prefix ?? otherPrefixes[field.target ?? ''];
  return prefix ? `${prefix}-${value}` : String(value);
}

export function displayValue(
  field: FieldDef,
  value: unknown,
  personName: (id: unknown) => string,
  row: Record<string, unknown> = {},
): string {
  if (value == null || value === '') return '';
  switch (field.kind) {
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'choice':
      return choiceLabel(value);
    case 'person':
      return personName(value);
    case 'reference':
      return referenceText(field, value, row);
    case 'date':
      return formatDate(value);
    case 'timestamp':
      return formatTimestamp(value);
    case 'real':
      return formatNumber(value);
    default:
      return String(value);
  }
}

// What a form input holds for a value: always a string ('' for none), or a boolean for check boxes.
export function toInput(field: FieldDef, value: unknown, row: Record<string, unknown> = {}): string | boolean {
  if (field.kind === 'boolean') return value === true;
  if (value == null) return '';
  if (field.kind === 'timestamp') return timestampToInput(value);
  if (field.kind === 'reference') return referenceText(field, value, row);
  return String(value);
}

// The JSON for a form input; '' becomes null (the field is cleared). Numbers that do not parse are sent as the
// text the user typed, so the server's message names the field.
export function fromInput(field: FieldDef, input: string | boolean): unknown {
  if (field.kind === 'boolean') return input === true;
  const text = String(input).trim();
  if (text === '') return null;
  switch (field.kind) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case 'real':
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'person':
      return /^\d+$/.test(text) ? Number(text) : text;
    case 'timestamp':
      return inputToTimestamp(text);
    default:
      return text;
  }
}
