// What the UI offers follows the server's permission table: the permissions.json the build writes from
// src/app/permissions.cpp (scripts/generate.mjs copies it next to the code generated from it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grant, type Permission, type Role } from './session.svelte';

const table: { roles: Role[]; permissions: Record<string, Record<Role, string>> } = JSON.parse(
  readFileSync(resolve(__dirname, '../generated/permissions.json'), 'utf8'),
);

describe('grant', () => {
  it('knows the four roles', () => {
    expect(table.roles).toEqual(['admin', 'chair', 'member', 'auditor']);
  });

  it.each(Object.entries(table.permissions))('%s is granted as permissions.json says', (permission, grants) => {
    for (const role of table.roles) expect(grant(role, permission as Permission), role).toBe(grants[role]);
  });

  it('grants nothing without a role', () => {
    for (const permission of Object.keys(table.permissions)) expect(grant(undefined, permission as Permission)).toBe('no');
  });

  // The few facts the screens are built around, so a table that changed them fails here and not only in a browser.
  it('lets an auditor change nothing, and members only their own rows', () => {
    for (const permission of ['edit_register', 'manage_meetings', 'record_meeting', 'manage_users', 'configure'] as Permission[])
      expect(grant('auditor', permission)).toBe('no');
    expect(grant('member', 'edit_register')).toBe('own');
    expect(grant('member', 'record_meeting')).toBe('own');
    expect(grant('chair', 'manage_meetings')).toBe('yes');
  });
});
