import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Ticket } from '../types';
import { ticketKeys } from './keys';

/** GET /api/v1/tickets/{id} — one ticket and its ETag (sent back in If-Match when saving). */
export interface TicketWithEtag {
  ticket: Ticket;
  etag: string | null;
}

export async function getTicket(id: number, signal?: AbortSignal): Promise<TicketWithEtag> {
  const { data, response } = await unwrap(
    api.GET('/api/v1/tickets/{ticket_id}', { params: { path: { ticket_id: id } }, signal }),
  );
  return { ticket: data, etag: response.headers.get('ETag') };
}

export function ticketQueryOptions(id: number) {
  return queryOptions({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => getTicket(id, signal) });
}

export function useTicket(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...ticketQueryOptions(id), enabled });
}
