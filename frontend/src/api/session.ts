import { useSyncExternalStore } from 'react';
import type { User } from './types';

/**
 * Who is logged in. The access token lives in this module's memory only (never in
 * localStorage or a readable cookie); the refresh token is an HttpOnly cookie the browser
 * sends to /api/v1/auth, so a reload restores the session through a refresh call.
 */
export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';
export interface SessionState {
  status: SessionStatus;
  user: User | null;
}

let accessToken: string | null = null;
let state: SessionState = { status: 'restoring', user: null };
const listeners = new Set<() => void>();

function emit(next: SessionState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function getSession(): SessionState {
  return state;
}

export function setSession(token: string, user: User): void {
  accessToken = token;
  emit({ status: 'authenticated', user });
}

export function clearSession(): void {
  accessToken = null;
  if (state.status !== 'anonymous' || state.user) emit({ status: 'anonymous', user: null });
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

/** For tests: back to the state of a fresh page load. */
export function resetSessionForTests(next: SessionState = { status: 'restoring', user: null }) {
  accessToken = null;
  state = next;
}
