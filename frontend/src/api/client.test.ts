import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { API, problem, users } from '../test/fixtures';
import { server } from '../test/server';
import { restoreSession } from './auth';
import { api, unwrap } from './client';
import { ApiError } from './errors';
import { getAccessToken, getSession, setSession } from './session';

function setCsrfCookie(value: string | null) {
  document.cookie = value
    ? `csrf_refresh_token=${value}; path=/`
    : 'csrf_refresh_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

afterEach(() => setCsrfCookie(null));

describe('API client', () => {
  it('turns a problem into an ApiError with its stable code and field codes', async () => {
    setSession('token-1', users.sales);
    server.use(
      http.post(`${API}/leads`, () =>
        problem(422, 'The request has invalid fields.', { phone: ['Not a valid phone number.'] }),
      ),
      http.get(`${API}/leads/7`, () => problem(404, 'No such lead.', undefined, 'lead_not_found')),
    );
    const invalid = (await unwrap(api.POST('/api/v1/leads', { body: { name: 'a' } })).catch((error: unknown) => error)) as ApiError;
    expect(invalid).toBeInstanceOf(ApiError);
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.fieldErrors).toEqual({ phone: ['Not a valid phone number.'] });
    expect(invalid.fieldErrorCodes).toEqual({ phone: ['invalid'] });
    const missing = (await unwrap(
      api.GET('/api/v1/leads/{lead_id}', { params: { path: { lead_id: 7 } } }),
    ).catch((error: unknown) => error)) as ApiError;
    expect(missing.code).toBe('lead_not_found');
    expect(ApiError.network(new Error('offline')).code).toBeUndefined();
  });

  it('sends the access token and the UI language', async () => {
    setSession('token-1', users.sales);
    let headers: Headers | undefined;
    server.use(
      http.get(`${API}/auth/me`, ({ request }) => {
        headers = request.headers;
        return HttpResponse.json(users.sales);
      }),
    );
    await unwrap(api.GET('/api/v1/auth/me'));
    expect(headers?.get('Authorization')).toBe('Bearer token-1');
    expect(headers?.get('Accept-Language')).toBe('en-US');
  });

  it('refreshes once through the cookie when concurrent requests get 401, then retries them', async () => {
    setSession('expired', users.sales);
    setCsrfCookie('csrf-1');
    let refreshes = 0;
    const seen: string[] = [];
    server.use(
      http.post(`${API}/auth/refresh`, ({ request }) => {
        refreshes += 1;
        expect(request.headers.get('X-CSRF-TOKEN')).toBe('csrf-1');
        expect(request.headers.get('Authorization')).toBeNull();
        return HttpResponse.json({
          access_token: 'fresh',
          refresh_token: 'ignored-by-the-browser',
          token_type: 'Bearer',
          expires_in: 900,
          user: users.sales,
        });
      }),
      http.post(`${API}/leads`, async ({ request }) => {
        const auth = request.headers.get('Authorization');
        seen.push(`${auth} ${JSON.stringify(await request.json())}`);
        return auth === 'Bearer fresh'
          ? HttpResponse.json({ id: 1, name: 'x' }, { status: 201 })
          : problem(401, 'Token has expired');
      }),
    );
    const results = await Promise.all([
      unwrap(api.POST('/api/v1/leads', { body: { name: 'a' } })),
      unwrap(api.POST('/api/v1/leads', { body: { name: 'b' } })),
      unwrap(api.POST('/api/v1/leads', { body: { name: 'c' } })),
    ]);
    expect(results.map(({ response }) => response.status)).toEqual([201, 201, 201]);
    expect(refreshes).toBe(1);
    expect(getAccessToken()).toBe('fresh');
    // Bodies are sent again on the retry.
    expect(seen.filter((line) => line.startsWith('Bearer fresh')).sort()).toEqual([
      'Bearer fresh {"name":"a"}',
      'Bearer fresh {"name":"b"}',
      'Bearer fresh {"name":"c"}',
    ]);
  });

  it('ends the session when the refresh fails', async () => {
    setSession('expired', users.sales);
    setCsrfCookie('csrf-1');
    server.use(
      http.post(`${API}/auth/refresh`, () => problem(401, 'This login has ended. Log in again.')),
      http.get(`${API}/leads`, () => problem(401, 'Token has expired')),
    );
    const error = await unwrap(api.GET('/api/v1/leads')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(getSession()).toEqual({ status: 'anonymous', user: null });
  });

  it('turns problem+json into an ApiError with its field errors', async () => {
    setSession('token', users.sales);
    server.use(
      http.post(`${API}/leads`, () =>
        problem(422, 'The request has invalid fields.', { phone: ['Not a valid phone number.'] }),
      ),
    );
    const error = (await unwrap(api.POST('/api/v1/leads', { body: { name: 'x' } })).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.message).toBe('The request has invalid fields.');
    expect(error.fieldErrors).toEqual({ phone: ['Not a valid phone number.'] });
  });

  it('reports a request that got no answer as a network error', async () => {
    setSession('token', users.sales);
    server.use(http.get(`${API}/leads`, () => HttpResponse.error()));
    const error = (await unwrap(api.GET('/api/v1/leads')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.isNetworkError).toBe(true);
  });

  it('restores the session on page load from the refresh cookie, without one stays anonymous', async () => {
    expect(await restoreSession()).toBe('anonymous'); // no cookie: no request at all
    setCsrfCookie('csrf-2');
    server.use(
      http.post(`${API}/auth/refresh`, () =>
        HttpResponse.json({ access_token: 'restored', refresh_token: 'r', token_type: 'Bearer', expires_in: 900, user: users.manager }),
      ),
    );
    expect(await restoreSession()).toBe('authenticated');
    expect(getSession()).toEqual({ status: 'authenticated', user: users.manager });
    expect(getAccessToken()).toBe('restored');
  });
});
