import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Opportunity } from '../../../api/types';
import { opportunityKeys } from './keys';

/** GET /api/v1/opportunities/{id} — one opportunity and its ETag (for If-Match). */
export interface OpportunityWithEtag {
  opportunity: Opportunity;
  etag: string | null;
}

export async function getOpportunity(id: number, signal?: AbortSignal): Promise<OpportunityWithEtag> {
  const { data, response } = await unwrap(
    api.GET('/api/v1/opportunities/{opportunity_id}', { params: { path: { opportunity_id: id } }, signal }),
  );
  return { opportunity: data, etag: response.headers.get('ETag') };
}

export function opportunityQueryOptions(id: number) {
  return queryOptions({
    queryKey: opportunityKeys.detail(id),
    queryFn: ({ signal }) => getOpportunity(id, signal),
  });
}

export function useOpportunity(id: number) {
  return useQuery(opportunityQueryOptions(id));
}
