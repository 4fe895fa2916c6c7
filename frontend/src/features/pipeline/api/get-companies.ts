import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Company } from '../../../api/types';

/**
 * GET /api/v1/companies — the companies the user sees, for naming the customer of an
 * opportunity (an opportunity carries only company_id). One large page.
 */
export async function getCompanyNames(signal?: AbortSignal): Promise<Map<number, string>> {
  const { data } = await unwrap(api.GET('/api/v1/companies', { params: { query: { limit: 200 } }, signal }));
  return new Map((data.items as Company[]).map((company) => [company.id, company.name]));
}

export function companyNamesQueryOptions() {
  return queryOptions({ queryKey: ['companies', 'names'] as const, queryFn: ({ signal }) => getCompanyNames(signal) });
}

/** The company name of an id (undefined while loading or when unknown). */
export function useCompanyName() {
  const { data } = useQuery(companyNamesQueryOptions());
  return (id: number | null | undefined) => (id ? data?.get(id) : undefined);
}
