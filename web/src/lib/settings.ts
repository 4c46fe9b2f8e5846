// The organisation's settings (GET and PATCH /api/v1/config, as `clause9 config show` and `config set`): the risk
// matrix and the appetite, the risk acceptance criteria that top management sets (ISO/IEC 27001:2022 6.1.2 a)), and
// the days to remediate a vulnerability of each severity (control 8.8). Everyone reads them; admins change them.
import type { FieldDef } from './registers';
import type { Answer } from './schemas';

export type Settings = Answer<'Settings'>;

export const settingFields: (FieldDef & { name: keyof Settings })[] = [
  {
    name: 'risk.matrix_size',
    label: 'Risk matrix size',
    kind: 'choice',
    choices: ['3', '4', '5'],
    required: true,
    help: 'Levels of likelihood and of impact (5 is a 5×5 matrix); not fewer than the levels open risks use.',
  },
  { name: 'risk.appetite', label: 'Risk appetite', kind: 'integer', required: true, help: 'The highest score (likelihood × impact) accepted without treatment.' },
  { name: 'sla.critical_days', label: 'Days to remediate a critical vulnerability', kind: 'integer', required: true },
  { name: 'sla.high_days', label: 'Days to remediate a high vulnerability', kind: 'integer', required: true },
  { name: 'sla.medium_days', label: 'Days to remediate a medium vulnerability', kind: 'integer', required: true },
  { name: 'sla.low_days', label: 'Days to remediate a low vulnerability', kind: 'integer', required: true },
];

// What a PATCH sends: only the settings the form changed, as numbers. Text that is not a whole number is sent as
// typed, so the server's message names the field.
export function changedSettings(saved: Settings, values: Record<string, string | boolean>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of settingFields) {
    const text = String(values[field.name] ?? '').trim();
    const value = /^-?\d+$/.test(text) ? Number(text) : text;
    if (value !== saved[field.name]) changes[field.name] = value;
  }
  return changes;
}
