import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { FollowUp } from '../../../api/types';
import { customerKeys, type Page } from './keys';

/**
 * GET /api/v1/companies/{id}/follow-ups — the company's timeline: its own follow-ups and its
 * contacts', opportunities' and converted leads', newest first.
 */
export async function getCompanyFollowUps(id: number, cursor?: string, signal?: AbortSignal): Promise<Page<FollowUp>> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies/{company_id}/follow-ups', {
      params: { path: { company_id: id }, query: { limit: 20, cursor } },
      signal,
    }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function useCompanyFollowUps(id: number) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: customerKeys.companyFollowUps(id),
      queryFn: ({ pageParam, signal }) => getCompanyFollowUps(id, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}
