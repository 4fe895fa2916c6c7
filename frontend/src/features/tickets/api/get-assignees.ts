import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Assignee } from '../../../api/types';
import { ticketKeys } from './keys';

/** GET /api/v1/ticket-assignees — whom the caller may give a ticket to. */
export async function getTicketAssignees(signal?: AbortSignal): Promise<Assignee[]> {
  const { data } = await unwrap(api.GET('/api/v1/ticket-assignees', { signal }));
  return data.items;
}

export function useTicketAssignees({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({
      queryKey: ticketKeys.assignees(),
      queryFn: ({ signal }) => getTicketAssignees(signal),
      staleTime: 5 * 60_000,
    }),
    enabled,
  });
}
