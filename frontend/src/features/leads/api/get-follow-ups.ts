import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { FollowUp } from '../../../api/types';
import { leadKeys } from './keys';

/** GET /api/v1/leads/{id}/follow-ups — newest first, a page at a time. */
export const FOLLOW_UPS_PAGE_SIZE = 20;

export interface FollowUpPage {
  items: FollowUp[];
  next_cursor: string | null;
}

export async function getFollowUps(
  leadId: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<FollowUpPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/leads/{lead_id}/follow-ups', {
      params: { path: { lead_id: leadId }, query: { limit: FOLLOW_UPS_PAGE_SIZE, cursor } },
      signal,
    }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function followUpsQueryOptions(leadId: number) {
  return infiniteQueryOptions({
    queryKey: leadKeys.followUps(leadId),
    queryFn: ({ pageParam, signal }) => getFollowUps(leadId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useFollowUps(leadId: number) {
  return useInfiniteQuery(followUpsQueryOptions(leadId));
}
