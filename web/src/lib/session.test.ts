import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grant, type Permission, type Role } from './session.svelte';

// The same table as src/app/permissions.cpp; the server enforces it, the UI hides what it would refuse.
const table: [Permission, string, string, string, string][] = [
  ['edit_register', 'yes', 'yes', 'own', 'no'],
  ['manage_meetings', 'yes', 'yes', 'no', 'no'],
  ['record_meeting', 'yes', 'yes', 'own', 'no'],
  ['read_users', 'yes', 'no', 'no', 'yes'],
  ['manage_users', 'yes', 'no', 'no', 'no'],
  ['read_audit', 'yes', 'no', 'no', 'yes'],
  ['configure', 'yes', 'no', 'no', 'no'],
];
const roles: Role[] = ['admin', 'chair', 'member', 'auditor'];

describe('grant', () => {
  it.each(table)('%s', (permission, ...expected) => {
    expect(roles.map((role) => grant(role, permission))).toEqual(expected);
  });

  it('an auditor may change nothing', () => {
    for (const permission of ['edit_register', 'manage_meetings', 'record_meeting', 'manage_users', 'configure'] as Permission[])
      expect(grant('auditor', permission)).toBe('no');
  });

  // The rows of the server's table, so a permission added there and not here (or changed) fails this test.
  it('is the table of src/app/permissions.cpp', () => {
    const source = readFileSync(resolve(__dirname, '../../../src/app/permissions.cpp'), 'utf8');
    // Rows read {Permission::name, {admin, chair, member, auditor}}, each grant spelled yes, own or no.
    const server = [...source.matchAll(/\{Permission::(\w+), \{(\w+), (\w+), (\w+), (\w+)\}\}/g)].map(([, ...row]) => row);
    expect(server.length).toBeGreaterThanOrEqual(10);
    // Everyone may open, sign in and read; the UI offers those to every role without asking.
    const everyone = ['open', 'signed_in', 'read'];
    expect(server.filter(([permission]) => everyone.includes(permission))).toEqual(everyone.map((permission) => [permission, 'yes', 'yes', 'yes', 'yes']));
    expect(server.filter(([permission]) => !everyone.includes(permission))).toEqual(table);
  });
});
