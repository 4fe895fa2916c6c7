import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Contact } from '../../../api/types';
import { customerKeys, type Page } from './keys';

/** GET /api/v1/contacts — by name, a page at a time. */
export async function getContacts(q: string | undefined, cursor?: string, signal?: AbortSignal): Promise<Page<Contact>> {
  const { data } = await unwrap(
    api.GET('/api/v1/contacts', { params: { query: { limit: 50, cursor, q: q || undefined, sort: 'name' } }, signal }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function useContacts(q: string | undefined) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: customerKeys.contacts(q),
      queryFn: ({ pageParam, signal }) => getContacts(q, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}
