import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Company } from '../api/types';

/** GET /api/v1/companies?q= — a few companies matching what was typed, for the company pickers. */
export async function searchCompanies(q: string, signal?: AbortSignal): Promise<Company[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies', { params: { query: { q: q || undefined, limit: 20 } }, signal }),
  );
  return data.items;
}

export function useCompanySearch(q: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({ queryKey: ['companies', 'picker', q] as const, queryFn: ({ signal }) => searchCompanies(q, signal) }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
