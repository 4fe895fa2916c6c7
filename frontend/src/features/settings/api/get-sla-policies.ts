import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { SlaPolicy } from '../types';

export const slaPolicyKeys = { all: ['sla-policies'] as const };

/** GET /api/v1/sla-policies — the hours of every priority (any role may read them). */
export async function getSlaPolicies(signal?: AbortSignal): Promise<SlaPolicy[]> {
  const { data } = await unwrap(api.GET('/api/v1/sla-policies', { signal }));
  return data.items;
}

export function slaPoliciesQueryOptions() {
  return queryOptions({ queryKey: slaPolicyKeys.all, queryFn: ({ signal }) => getSlaPolicies(signal) });
}

export function useSlaPolicies() {
  return useQuery(slaPoliciesQueryOptions());
}
