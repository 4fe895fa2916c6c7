import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Lead } from '../../../api/types';
import { leadKeys } from './keys';

/** GET /api/v1/leads/{id} — one lead and its ETag (sent back in If-Match when saving). */
export interface LeadWithEtag {
  lead: Lead;
  etag: string | null;
}

export async function getLead(id: number, signal?: AbortSignal): Promise<LeadWithEtag> {
  const { data, response } = await unwrap(
    api.GET('/api/v1/leads/{lead_id}', { params: { path: { lead_id: id } }, signal }),
  );
  return { lead: data, etag: response.headers.get('ETag') };
}

export function leadQueryOptions(id: number) {
  return queryOptions({
    queryKey: leadKeys.detail(id),
    queryFn: ({ signal }) => getLead(id, signal),
  });
}

export function useLead(id: number) {
  return useQuery(leadQueryOptions(id));
}
