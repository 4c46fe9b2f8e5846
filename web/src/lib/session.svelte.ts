// Who is signed in, and what their role lets the UI offer. The grants are the server's own table (src/app/
// permissions.cpp), generated into src/generated/permissions.ts from the build's permissions.json; the server
// enforces it, the UI only hides what would be refused, so an auditor sees no edit controls.
import { api, ApiError, hasSessionCookie, onUnauthorized, request, setCsrfToken } from './api';
import type { Answer } from './schemas';
import { permissions, type Grant, type Permission, type Role } from '../generated/permissions';

export type { Grant, Permission, Role };

// GET /api/v1/users and the user of a session.
export type Account = Answer<'Account'>;

// GET and POST /api/v1/session. The document types the session's role as a string; it is the account's role.
export type SessionInfo = Omit<Answer<'Session'>, 'role'> & { role: Role };

export function grant(role: Role | undefined, permission: Permission): Grant {
  if (!role) return 'no';
  return permissions[permission][role];
}

class SessionState {
  info = $state<SessionInfo | null>(null);
  // Shown on the login screen: why the user is there ("Your session expired ...").
  notice = $state('');
  checked = $state(false);

  get role(): Role | undefined {
    return this.info?.role;
  }

  get person(): number | null {
    return this.info?.person ?? null;
  }

  can(permission: Permission): boolean {
    return grant(this.role, permission) !== 'no';
  }

  // Whether the account may change a row with this owner (members only their own rows).
  canEditOwned(owner: number | null | undefined, permission: Permission = 'edit_register'): boolean {
    const level = grant(this.role, permission);
    if (level === 'yes') return true;
    return level === 'own' && owner != null && owner === this.person;
  }

  async restore(): Promise<void> {
    if (!hasSessionCookie()) {
      this.checked = true;
      return;
    }
    try {
      const info = await api.get<SessionInfo>('/api/v1/session');
      this.accept(info);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    } finally {
      this.checked = true;
    }
  }

  async login(email: string, password: string): Promise<void> {
    const { data } = await request<SessionInfo>('POST', '/api/v1/session', {
      body: { email, password },
      anonymous: true,
    });
    this.notice = '';
    this.accept(data);
  }

  async logout(): Promise<void> {
    try {
      await api.del('/api/v1/session');
    } finally {
      this.info = null;
      setCsrfToken(null);
      this.notice = 'You are signed out.';
    }
  }

  expired(): void {
    if (!this.info) return;
    this.info = null;
    setCsrfToken(null);
    this.notice = 'Your session expired. Sign in again to continue.';
  }

  private accept(info: SessionInfo): void {
    setCsrfToken(info.csrf_token);
    this.info = info;
  }
}

export const session = new SessionState();

onUnauthorized(() => session.expired());
