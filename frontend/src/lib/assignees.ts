import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/errors';
import type { Assignee } from '../api/types';

/**
 * GET /api/v1/assignees — the users the caller may assign leads to (manager: the team; admin:
 * everyone; sales: themselves). A backend without the endpoint yet answers 404: no one to list.
 */
export async function getAssignees(signal?: AbortSignal): Promise<Assignee[]> {
  try {
    const { data } = await unwrap(api.GET('/api/v1/assignees', { signal }));
    return data.items;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

export function assigneesQueryOptions() {
  return queryOptions({
    queryKey: ['assignees'],
    queryFn: ({ signal }) => getAssignees(signal),
    staleTime: 5 * 60_000,
  });
}

export function useAssignees({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...assigneesQueryOptions(), enabled });
}
