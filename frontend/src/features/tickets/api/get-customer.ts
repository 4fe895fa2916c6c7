import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Company, Contact, Order } from '../../../api/types';
import { ticketKeys } from './keys';

/** GET /api/v1/companies/{id} — the ticket's customer (404 when the caller cannot see it). */
export async function getCustomerCompany(companyId: number, signal?: AbortSignal): Promise<Company> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies/{company_id}', { params: { path: { company_id: companyId } }, signal }),
  );
  return data;
}

export function useCustomerCompany(companyId: number | null | undefined) {
  return useQuery({
    ...queryOptions({
      queryKey: ticketKeys.company(companyId ?? 0),
      queryFn: ({ signal }) => getCustomerCompany(companyId ?? 0, signal),
    }),
    enabled: !!companyId,
  });
}

/** GET /api/v1/contacts/{id} — the contact the list is filtered to (404 when the caller cannot see it). */
export async function getCustomerContact(contactId: number, signal?: AbortSignal): Promise<Contact> {
  const { data } = await unwrap(
    api.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: contactId } }, signal }),
  );
  return data;
}

export function useCustomerContact(contactId: number | null | undefined) {
  return useQuery({
    ...queryOptions({
      queryKey: ticketKeys.contact(contactId ?? 0),
      queryFn: ({ signal }) => getCustomerContact(contactId ?? 0, signal),
    }),
    enabled: !!contactId,
  });
}

export const RECENT_ORDERS = 5;

/** GET /api/v1/orders?company_id=&sort=-created_at — the customer's latest sales orders. */
export async function getRecentOrders(companyId: number, signal?: AbortSignal): Promise<{ items: Order[]; more: boolean }> {
  const { data } = await unwrap(
    api.GET('/api/v1/orders', {
      params: { query: { company_id: companyId, limit: RECENT_ORDERS, sort: '-created_at' } },
      signal,
    }),
  );
  return { items: data.items, more: !!data.next_cursor };
}

export function useRecentOrders(companyId: number | null | undefined) {
  return useQuery({
    ...queryOptions({
      queryKey: ticketKeys.companyOrders(companyId ?? 0),
      queryFn: ({ signal }) => getRecentOrders(companyId ?? 0, signal),
    }),
    enabled: !!companyId,
  });
}
