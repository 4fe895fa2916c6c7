import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { TicketCreate } from '../types';
import { ticketKeys } from './keys';
import type { TicketWithEtag } from './get-ticket';

/** POST /api/v1/tickets */
export async function createTicket(body: TicketCreate): Promise<TicketWithEtag> {
  const { data, response } = await unwrap(api.POST('/api/v1/tickets', { body }));
  return { ticket: data, etag: response.headers.get('ETag') };
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTicket,
    onSuccess: (created) => {
      queryClient.setQueryData(ticketKeys.detail(created.ticket.id), created);
      return queryClient.invalidateQueries({ queryKey: ticketKeys.lists() });
    },
  });
}
