import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Company } from '../../../api/types';
import { customerKeys } from './keys';

/** The API's search takes at most 100 characters. */
const MAX_QUERY = 100;

/** GET /api/v1/companies?q=<name>&limit=5 — companies the new one may duplicate. */
export async function getSameNameCompanies(name: string, signal?: AbortSignal): Promise<Company[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/companies', { params: { query: { q: name.slice(0, MAX_QUERY), limit: 5 } }, signal }),
  );
  return data.items;
}

/** Asks only once a name is given. */
export function useSameNameCompanies(name: string) {
  return useQuery({
    queryKey: customerKeys.sameName(name),
    queryFn: ({ signal }) => getSameNameCompanies(name, signal),
    enabled: name.length > 0,
  });
}
