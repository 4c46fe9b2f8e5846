import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, csrfToken, onUnauthorized, query, request, setCsrfToken } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

describe('csrfToken', () => {
  it.each([
    ['csrf_token=abc; other=1', 'abc'],
    ['other=1; __Host-csrf_token=xyz', 'xyz'],
    ['other=1', ''],
  ])('reads %s', (cookies, expected) => {
    expect(csrfToken(cookies)).toBe(expected);
  });

  it('falls back to the token of the session response', () => {
    setCsrfToken('from-session');
    expect(csrfToken('')).toBe('from-session');
  });
});

describe('query', () => {
  it('leaves out empty values and repeats arrays', () => {
    expect(query({ q: '', sort: '-due', open: true, overdue: false, state: ['planned', 'held'], limit: 25 })).toBe(
      '?sort=-due&open=true&state=planned&state=held&limit=25',
    );
    expect(query({})).toBe('');
  });
});

describe('request', () => {
  it('sends the CSRF token, JSON and If-Match on writes, and reads the version from the ETag', async () => {
    setCsrfToken('t0k');
    const fetch = vi.fn().mockResolvedValue(reply(200, { id: 3 }, { ETag: '"7"' }));
    vi.stubGlobal('fetch', fetch);
    const sent = await api.patch('/api/v1/risks/3', { impact: 4 }, 6);
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/v1/risks/3');
    expect(init.method).toBe('PATCH');
    expect(init.headers['X-CSRF-Token']).toBe('t0k');
    expect(init.headers['If-Match']).toBe('"6"');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"impact":4}');
    expect(sent.version).toBe(7);
  });

  it('turns a problem into an ApiError with its field messages', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(
        reply(422, {
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          detail: 'invalid input',
          errors: [
            { field: 'likelihood', message: 'must be between 1 and 5' },
            { field: 'likelihood', message: 'is required' },
            { field: 'owner', message: 'is required' },
          ],
        }),
      ),
    );
    const error = await api.post('/api/v1/risks', {}).catch((failure) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.fieldErrors()).toEqual({ likelihood: 'must be between 1 and 5; is required', owner: 'is required' });
  });

  it('reports a 401 as an ended session, except on the login itself', async () => {
    const ended = vi.fn();
    onUnauthorized(ended);
    vi.stubGlobal('fetch', vi.fn().mockImplementation(() => Promise.resolve(reply(401, { status: 401, title: 'Unauthorized' }))));
    await api.get('/api/v1/risks').catch(() => {});
    expect(ended).toHaveBeenCalledTimes(1);
    await request('POST', '/api/v1/session', { body: {}, anonymous: true }).catch(() => {});
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
