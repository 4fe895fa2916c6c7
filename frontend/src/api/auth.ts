import { api, refreshAccessToken, unwrap } from './client';
import { ApiError } from './errors';
import { clearSession, getAccessToken, setSession, useSession } from './session';
import type { Role, User } from './types';

export type RestoreResult = 'authenticated' | 'anonymous' | 'unreachable';

/** On page load: restore the login from the refresh cookie (the access token is not stored). */
export async function restoreSession(): Promise<RestoreResult> {
  try {
    const token = await refreshAccessToken();
    if (!token) clearSession();
    return token ? 'authenticated' : 'anonymous';
  } catch (error) {
    if (error instanceof ApiError && error.isNetworkError) return 'unreachable';
    clearSession();
    return 'anonymous';
  }
}

export async function login(email: string, password: string): Promise<User> {
  const { data } = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
  const user = data.user;
  setSession(data.access_token, user);
  return user;
}

/** Ends the login on the server (which also clears the refresh cookie) and forgets it here. */
export async function logout(): Promise<void> {
  try {
    if (getAccessToken()) await api.POST('/api/v1/auth/logout');
  } catch {
    // Offline: the server-side session expires on its own; forget it locally anyway.
  } finally {
    clearSession();
  }
}

/** The logged-in user; only rendered inside the authenticated shell, where there is one. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser() outside of an authenticated page');
  return user;
}

export interface Permissions {
  /** Create and change leads and follow-ups (service staff read only). */
  canWriteLeads: boolean;
  /** Change a lead's owner (managers and admins). */
  canAssignLeads: boolean;
  /** Create and change opportunities and orders (service staff read only). */
  canWriteSales: boolean;
}

export function permissionsFor(role: Role): Permissions {
  return {
    canWriteLeads: role !== 'service',
    canAssignLeads: role === 'manager' || role === 'admin',
    canWriteSales: role !== 'service',
  };
}

export function usePermissions(): Permissions {
  return permissionsFor(useCurrentUser().role);
}

export { useSession };
