import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { TicketComment } from '../types';
import { ticketKeys } from './keys';

/** GET /api/v1/tickets/{id}/comments — oldest first, a page at a time. */
export interface CommentPage {
  items: TicketComment[];
  next_cursor: string | null;
}

export async function getComments(ticketId: number, cursor?: string, signal?: AbortSignal): Promise<CommentPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/tickets/{ticket_id}/comments', {
      params: { path: { ticket_id: ticketId }, query: { limit: 100, cursor } },
      signal,
    }),
  );
  return { items: data.items, next_cursor: data.next_cursor ?? null };
}

export function commentsQueryOptions(ticketId: number) {
  return infiniteQueryOptions({
    queryKey: ticketKeys.comments(ticketId),
    queryFn: ({ pageParam, signal }) => getComments(ticketId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // The customer writes through the upload link: their messages show up without a reload.
    staleTime: 30_000,
    refetchInterval: 30_000,
  });
}

export function useComments(ticketId: number) {
  return useInfiniteQuery(commentsQueryOptions(ticketId));
}
