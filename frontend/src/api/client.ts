import createClient from 'openapi-fetch';
import { ApiError } from './errors';
import { clearSession, getAccessToken, setSession } from './session';
import type { paths } from './types';

/**
 * The one API client of the SPA (openapi-fetch, typed by the generated schema).
 *
 * - adds `Authorization: Bearer <access token>` (kept in memory only) and `Accept-Language`;
 * - on a 401 refreshes the access token once through the HttpOnly refresh cookie and retries;
 *   concurrent 401s share one refresh call, and refreshes are serialised across tabs (Web Locks)
 *   because the backend revokes the whole login when a rotated refresh token is replayed;
 * - a request that gets no answer at all throws ApiError with status 0.
 *
 * Components never call fetch: they use the hooks in features/<domain>/api/, which call `api`
 * and turn error answers into ApiError with `unwrap`.
 */
export const CSRF_REFRESH_COOKIE = 'csrf_refresh_token';
const AUTH_ENDPOINTS_WITHOUT_BEARER = /\/api\/v1\/auth\/(login|refresh)$/;

const baseUrl = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
let requestLanguage = 'en-US';

/** The UI language, sent as Accept-Language so server messages can follow it. */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

async function send(request: Request): Promise<Response> {
  try {
    return await globalThis.fetch(request);
  } catch (error) {
    if ((error as { name?: string })?.name === 'AbortError') throw error;
    throw ApiError.network(error);
  }
}

function prepare(request: Request, token: string | null): Request {
  request.headers.set('Accept-Language', requestLanguage);
  if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
  const path = new URL(request.url).pathname;
  if (token && !AUTH_ENDPOINTS_WITHOUT_BEARER.test(path)) {
    request.headers.set('Authorization', `Bearer ${token}`);
  }
  return request;
}

async function authFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const spare = request.clone();
  const token = getAccessToken();
  const response = await send(prepare(request, token));
  if (response.status !== 401 || AUTH_ENDPOINTS_WITHOUT_BEARER.test(path)) return response;

  // Another request may have refreshed while this one was in flight: reuse its token.
  const current = getAccessToken();
  const fresh = current && current !== token ? current : await refreshAccessToken();
  if (!fresh) {
    clearSession();
    return response;
  }
  return send(prepare(spare, fresh));
}

export const api = createClient<paths>({
  baseUrl,
  fetch: authFetch,
  // The API takes lists as one comma-separated parameter: status=new,contacted
  querySerializer: { array: { style: 'form', explode: false } },
});

/** The data of a successful answer, or the error answer thrown as ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body = error && typeof error === 'object' ? error : { detail: typeof error === 'string' && error ? error : undefined };
    throw new ApiError(response.status, { status: response.status, title: response.statusText, ...body });
  }
  return { data: data as T, response };
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

let pendingRefresh: Promise<string | null> | null = null;

/**
 * A new access token from the refresh cookie (null when there is no valid login).
 * Throws ApiError(0) when the server cannot be reached.
 */
export function refreshAccessToken(): Promise<string | null> {
  pendingRefresh ??= withRefreshLock(refreshOnce).finally(() => {
    pendingRefresh = null;
  });
  return pendingRefresh;
}

async function refreshOnce(): Promise<string | null> {
  const csrf = readCookie(CSRF_REFRESH_COOKIE);
  if (!csrf) return null; // never logged in on this browser, or logged out: nothing to refresh
  const { data, error, response } = await api.POST('/api/v1/auth/refresh', {
    headers: { 'X-CSRF-TOKEN': csrf },
    credentials: 'same-origin',
  });
  if (!response.ok || !data) {
    if (response.status >= 500) throw new ApiError(response.status, { status: response.status, ...(error as object) });
    return null;
  }
  // The JSON also carries the rotated refresh token: ignored, the browser keeps the cookie.
  setSession(data.access_token, data.user);
  return data.access_token;
}

function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('crm-auth-refresh', task) as Promise<Awaited<T>>) : task();
}
