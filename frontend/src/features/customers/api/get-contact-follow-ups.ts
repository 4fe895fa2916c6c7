import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { FollowUp } from '../../../api/types';
import { customerKeys, type Page } from './keys';

/** GET /api/v1/contacts/{id}/follow-ups — newest first. */
export async function getContactFollowUps(id: number, cursor?: string, signal?: AbortSignal): Promise<Page<FollowUp>> {
  const { data } = await unwrap(
    api.GET('/api/v1/contacts/{contact_id}/follow-ups', {
      params: { path: { contact_id: id }, query: { limit: 20, cursor } },
      signal,
    }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function useContactFollowUps(id: number) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: customerKeys.contactFollowUps(id),
      queryFn: ({ pageParam, signal }) => getContactFollowUps(id, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}
