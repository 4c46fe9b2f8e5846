// Who is signed in, and what their role lets the UI offer. The server enforces the same table
// (src/app/permissions.cpp); the UI only hides what would be refused, so an auditor sees no edit controls.
import { api, ApiError, hasSessionCookie, onUnauthorized, request, setCsrfToken } from './api';
import type { Answer } from './schemas';

export type Role = 'admin' | 'chair' | 'member' | 'auditor';

// GET /api/v1/users and the user of a session.
export type Account = Answer<'Account'>;

// GET and POST /api/v1/session. The document types the session's role as a string; it is the account's role.
export type SessionInfo = Omit<Answer<'Session'>, 'role'> & { role: Role };

export type Permission =
  | 'edit_register'
  | 'manage_meetings'
  | 'record_meeting'
  | 'read_users'
  | 'manage_users'
  | 'read_audit'
  | 'configure';

// 'own': allowed for rows the account's person owns, or meetings it attends.
export type Grant = 'yes' | 'own' | 'no';

// Columns: admin, chair, member, auditor, as in src/app/permissions.cpp.
const table: Record<Permission, [Grant, Grant, Grant, Grant]> = {
  edit_register: ['yes', 'yes', 'own', 'no'],
  manage_meetings: ['yes', 'yes', 'no', 'no'],
  record_meeting: ['yes', 'yes', 'own', 'no'],
  read_users: ['yes', 'no', 'no', 'yes'],
  manage_users: ['yes', 'no', 'no', 'no'],
  read_audit: ['yes', 'no', 'no', 'yes'],
  configure: ['yes', 'no', 'no', 'no'],
};
const roleIndex: Record<Role, number> = { admin: 0, chair: 1, member: 2, auditor: 3 };

export function grant(role: Role | undefined, permission: Permission): Grant {
  if (!role) return 'no';
  return table[permission][roleIndex[role]];
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
