import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Contact } from '../../../api/types';
import { ticketKeys } from './keys';

/**
 * GET /api/v1/contacts?company_id= — the people of a company that the caller can see, by name
 * (a sales rep sees their own only). Used by the contact picker and the ticket's customer card.
 */
export async function getCompanyContacts(companyId: number, signal?: AbortSignal): Promise<Contact[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/contacts', {
      params: { query: { company_id: companyId, limit: 100, sort: 'name' } },
      signal,
    }),
  );
  return data.items;
}

export function companyContactsQueryOptions(companyId: number) {
  return queryOptions({
    queryKey: ticketKeys.contacts(companyId),
    queryFn: ({ signal }) => getCompanyContacts(companyId, signal),
  });
}

export function useCompanyContacts(companyId: number | null | undefined) {
  return useQuery({ ...companyContactsQueryOptions(companyId ?? 0), enabled: !!companyId });
}

/** GET /api/v1/contacts?company_id=&q= — a few of the company's people matching what was typed. */
export async function searchCompanyContacts(companyId: number, q: string, signal?: AbortSignal): Promise<Contact[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/contacts', {
      params: { query: { company_id: companyId, q: q || undefined, limit: 20, sort: 'name' } },
      signal,
    }),
  );
  return data.items;
}

/** The contact picker's search (only once it is opened, and while a company is chosen). */
export function useCompanyContactSearch(companyId: number | null | undefined, q: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: [...ticketKeys.contacts(companyId ?? 0), q] as const,
    queryFn: ({ signal }) => searchCompanyContacts(companyId ?? 0, q, signal),
    enabled: enabled && !!companyId,
    placeholderData: keepPreviousData,
  });
}
