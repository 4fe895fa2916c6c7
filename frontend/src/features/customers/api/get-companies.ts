import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Company } from '../../../api/types';
import { customerKeys, type Page } from './keys';

/** GET /api/v1/companies — by name, a page at a time. */
export async function getCompanies(q: string | undefined, cursor?: string, signal?: AbortSignal): Promise<Page<Company>> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies', { params: { query: { limit: 50, cursor, q: q || undefined, sort: 'name' } }, signal }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function useCompanies(q: string | undefined) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: customerKeys.companies(q),
      queryFn: ({ pageParam, signal }) => getCompanies(q, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}
