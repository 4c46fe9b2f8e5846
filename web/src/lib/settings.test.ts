// The settings form describes what the server has, and sends only what changed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedSettings, settingFields } from './settings';

// The API document the generated code was made from (scripts/generate.mjs copies it next to that code).
const openapi = JSON.parse(readFileSync(resolve(__dirname, '../generated/openapi.json'), 'utf8'));

describe('settings', () => {
  it('describes every setting of the API, and no other', () => {
    const schema = openapi.components.schemas.Settings;
    expect(settingFields.map((field) => field.name).sort()).toEqual(Object.keys(schema.properties).sort());
    const size = schema.properties['risk.matrix_size'];
    const choices = settingFields.find((field) => field.name === 'risk.matrix_size')?.choices;
    expect(choices).toEqual(Array.from({ length: size.maximum - size.minimum + 1 }, (_, index) => String(size.minimum + index)));
  });

  const saved = { 'risk.matrix_size': 5, 'risk.appetite': 9, 'sla.critical_days': 15, 'sla.high_days': 30, 'sla.medium_days': 90, 'sla.low_days': 180 };
  const values = Object.fromEntries(Object.entries(saved).map(([name, value]) => [name, String(value)]));

  it('sends only the changed settings, as numbers', () => {
    expect(changedSettings(saved, values)).toEqual({});
    expect(changedSettings(saved, { ...values, 'risk.appetite': ' 12 ', 'risk.matrix_size': '4' })).toEqual({ 'risk.appetite': 12, 'risk.matrix_size': 4 });
  });

  it('sends what is not a whole number as typed, for the server to name', () => {
    expect(changedSettings(saved, { ...values, 'sla.high_days': '3.5', 'sla.low_days': '' })).toEqual({ 'sla.high_days': '3.5', 'sla.low_days': '' });
  });
});
