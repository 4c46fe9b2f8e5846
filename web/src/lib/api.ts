// The one way the UI talks to the server: the REST API under /api/v1 (docs/api.md), with the browser session's
// cookie. Writes echo the CSRF token from the csrf_token cookie in X-CSRF-Token (double submit); a 401 means the
// session ended, and whoever registered onUnauthorized sends the user back to the login screen.

export interface FieldProblem {
  field: string;
  message: string;
}

// An RFC 9457 problem as the API sends it, thrown for every response that is not 2xx.
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(status: number, title: string, detail: string, errors: FieldProblem[] = []) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  // The messages by field name, for forms: {"likelihood": "must be between 1 and 5 ..."}.
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const problem of this.errors) out[problem.field] = out[problem.field] ? `${out[problem.field]}; ${problem.message}` : problem.message;
    return out;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Sent<T> {
  data: T;
  // The row's version from the ETag header, to send back in If-Match.
  version: number | null;
}

let unauthorizedHandler: (() => void) | null = null;
let csrfFallback = '';

// Called with every 401 from a signed-in call (not from the login itself).
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

// The token GET /api/v1/session returned, used when the cookie cannot be read.
export function setCsrfToken(token: string | null | undefined): void {
  csrfFallback = token ?? '';
}

// The CSRF cookie is named csrf_token, or __Host-csrf_token when the server runs with secure cookies.
export function csrfToken(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'csrf_token' || name === '__Host-csrf_token') return decodeURIComponent(rest.join('='));
  }
  return csrfFallback;
}

// Whether the browser holds a session at all; without one the UI shows the login form without asking the server.
export function hasSessionCookie(): boolean {
  return csrfToken() !== '';
}

export function query(params: Record<string, string | number | boolean | string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const one of value) search.append(key, one);
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function versionOf(response: Response): number | null {
  const tag = response.headers.get('ETag');
  if (!tag) return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(tag.trim());
  return match ? Number(match[1]) : null;
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: { title?: string; detail?: string; errors?: FieldProblem[] } = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new ApiError(response.status, body.title ?? response.statusText, body.detail ?? '', body.errors ?? []);
}

interface Options {
  body?: unknown;
  ifMatch?: number | null;
  // The login call: a 401 there means a wrong password, not an expired session.
  anonymous?: boolean;
}

export async function request<T>(method: string, path: string, options: Options = {}): Promise<Sent<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-CSRF-Token'] = csrfToken();
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  }
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers['If-Match'] = `"${options.ifMatch}"`;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && !options.anonymous && unauthorizedHandler) unauthorizedHandler();
    throw problem;
  }
  const version = versionOf(response);
  if (response.status === 204) return { data: undefined as T, version };
  const type = response.headers.get('Content-Type') ?? '';
  const data = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { data, version };
}

export async function get<T>(path: string): Promise<T> {
  return (await request<T>('GET', path)).data;
}

export const api = {
  get,
  getWithVersion: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}, ifMatch?: number | null) => request<T>('POST', path, { body, ifMatch }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown, ifMatch: number | null) => request<T>('PATCH', path, { body, ifMatch }),
  del: (path: string) => request<void>('DELETE', path),
};
