import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { CommentVisibility, TicketComment } from '../types';
import { ticketKeys } from './keys';

/** POST /api/v1/tickets/{id}/comments */
export async function createComment(
  ticketId: number,
  body: { body: string; visibility: CommentVisibility },
): Promise<TicketComment> {
  const { data } = await unwrap(
    api.POST('/api/v1/tickets/{ticket_id}/comments', { params: { path: { ticket_id: ticketId } }, body }),
  );
  return data;
}

export function useCreateComment(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; visibility: CommentVisibility }) => createComment(ticketId, body),
    // A first customer-visible reply sets the ticket's first response (its SLA badge changes).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId) }),
  });
}
