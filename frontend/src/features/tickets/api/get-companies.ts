import { queryOptions, useQuery } from '@tanstack/react-query';
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
