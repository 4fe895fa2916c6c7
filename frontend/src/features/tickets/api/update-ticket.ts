import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { TicketUpdate } from '../types';
import type { TicketWithEtag } from './get-ticket';
import { ticketKeys } from './keys';

/**
 * PATCH /api/v1/tickets/{id} with If-Match: the ETag of the version the user saw. A 412 answer
 * means someone else changed the ticket meanwhile; 409, a status change that is not allowed.
 */
export async function updateTicket(id: number, etag: string, patch: TicketUpdate): Promise<TicketWithEtag> {
  const { data, response } = await unwrap(
    api.PATCH('/api/v1/tickets/{ticket_id}', {
      params: { path: { ticket_id: id }, header: { 'If-Match': etag } },
      body: patch,
    }),
  );
  return { ticket: data, etag: response.headers.get('ETag') };
}

export function useUpdateTicket(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: TicketUpdate) => {
      const current = queryClient.getQueryData<TicketWithEtag>(ticketKeys.detail(id));
      return updateTicket(id, current?.etag ?? '', patch);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(ticketKeys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
    },
  });
}
