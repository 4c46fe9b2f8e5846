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
];
const roles: Role[] = ['admin', 'chair', 'member', 'auditor'];

describe('grant', () => {
  it.each(table)('%s', (permission, ...expected) => {
    expect(roles.map((role) => grant(role, permission))).toEqual(expected);
  });

  it('an auditor may change nothing', () => {
    for (const permission of ['edit_register', 'manage_meetings', 'record_meeting', 'manage_users'] as Permission[])
      expect(grant('auditor', permission)).toBe('no');
  });
});
