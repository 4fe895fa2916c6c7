import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { components } from '../../../api/schema';
import { customerKeys, type CustomerRef } from './keys';

/** What the card shows of a ticket; the API always answers these fields. */
export type CustomerTicket = Pick<components['schemas']['Ticket'], 'id' | 'subject' | 'status' | 'priority' | 'created_at'>;

/** How many of a customer's tickets the card lists, newest first. */
export const CUSTOMER_TICKETS_SHOWN = 10;

/** GET /api/v1/tickets?company_id= (or contact_id=): the customer's latest tickets the user may see. */
export async function getCustomerTickets(customer: CustomerRef, signal?: AbortSignal) {
  const { data } = await unwrap(
    api.GET('/api/v1/tickets', {
      params: { query: { ...customer, limit: CUSTOMER_TICKETS_SHOWN, sort: '-created_at' } },
      signal,
    }),
  );
  return { items: data.items, more: data.next_cursor !== null };
}

export function useCustomerTickets(customer: CustomerRef) {
  return useQuery({
    queryKey: customerKeys.tickets(customer),
    queryFn: ({ signal }) => getCustomerTickets(customer, signal),
  });
}
