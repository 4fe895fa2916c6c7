import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { FollowUp } from '../../../api/types';
import { opportunityKeys } from './keys';

/** GET /api/v1/opportunities/{id}/follow-ups — newest first, a page at a time. */
export interface FollowUpPage {
  items: FollowUp[];
  next_cursor: string | null;
}

export async function getOpportunityFollowUps(id: number, cursor?: string, signal?: AbortSignal): Promise<FollowUpPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/opportunities/{opportunity_id}/follow-ups', {
      params: { path: { opportunity_id: id }, query: { limit: 20, cursor } },
      signal,
    }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function opportunityFollowUpsQueryOptions(id: number) {
  return infiniteQueryOptions({
    queryKey: opportunityKeys.followUps(id),
    queryFn: ({ pageParam, signal }) => getOpportunityFollowUps(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useOpportunityFollowUps(id: number) {
  return useInfiniteQuery(opportunityFollowUpsQueryOptions(id));
}
