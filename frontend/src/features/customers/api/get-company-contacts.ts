import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Contact } from '../../../api/types';
import { customerKeys } from './keys';

/** GET /api/v1/companies/{id}/contacts — the people who work there (one large page). */
export async function getCompanyContacts(id: number, signal?: AbortSignal): Promise<Contact[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies/{company_id}/contacts', {
      params: { path: { company_id: id }, query: { limit: 200, sort: 'name' } },
      signal,
    }),
  );
  return data.items;
}

export function useCompanyContacts(id: number) {
  return useQuery({ queryKey: customerKeys.companyContacts(id), queryFn: ({ signal }) => getCompanyContacts(id, signal) });
}
