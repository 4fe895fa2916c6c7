import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { StageChange } from '../../../api/types';
import { opportunityKeys } from './keys';

/** GET /api/v1/opportunities/{id}/stage-history — every stage move, oldest first (one large page). */
export async function getStageHistory(id: number, signal?: AbortSignal): Promise<StageChange[]> {
  const { data } = await unwrap(
    api.GET('/api/v1/opportunities/{opportunity_id}/stage-history', {
      params: { path: { opportunity_id: id }, query: { limit: 200 } },
      signal,
    }),
  );
  return data.items;
}

export function stageHistoryQueryOptions(id: number) {
  return queryOptions({ queryKey: opportunityKeys.stageHistory(id), queryFn: ({ signal }) => getStageHistory(id, signal) });
}

export function useStageHistory(id: number) {
  return useQuery(stageHistoryQueryOptions(id));
}
