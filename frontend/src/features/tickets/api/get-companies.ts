import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Company, Contact } from '../../../api/types';
import { ticketKeys } from './keys';

/** GET /api/v1/companies?q= — a few companies matching what was typed, for the ticket form. */
export async function searchCompanies(q: string, signal?: AbortSignal): Promise<Company[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies', { params: { query: { q: q || undefined, limit: 20 } }, signal }),
  );
  return data.items as Company[];
}

export function useCompanySearch(q: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({ queryKey: ticketKeys.companies(q), queryFn: ({ signal }) => searchCompanies(q, signal) }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/v1/companies/{id}/contacts — the people of the chosen company. */
export async function getCompanyContacts(companyId: number, signal?: AbortSignal): Promise<Contact[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies/{company_id}/contacts', {
      params: { path: { company_id: companyId }, query: { limit: 100 } },
      signal,
    }),
  );
  return data.items as Contact[];
}

export function useCompanyContacts(companyId: number | undefined) {
  return useQuery({
    ...queryOptions({
      queryKey: ticketKeys.contacts(companyId ?? 0),
      queryFn: ({ signal }) => getCompanyContacts(companyId ?? 0, signal),
    }),
    enabled: !!companyId,
  });
}
