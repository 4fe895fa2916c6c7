import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Opportunity, paths } from '../../../api/types';
import { opportunityKeys } from './keys';

/** GET /api/v1/opportunities — a page at a time (the board asks for the largest pages). */
type Query = NonNullable<paths['/api/v1/opportunities']['get']['parameters']['query']>;
export type OpportunityStatus = Opportunity['status'];

export interface OpportunityFilters {
  pipelineId?: number;
  status?: OpportunityStatus[];
  q?: string;
  limit?: number;
}

export interface OpportunityPage {
  items: Opportunity[];
  next_cursor: string | null;
}

export async function getOpportunities(
  filters: OpportunityFilters,
  cursor?: string,
  signal?: AbortSignal,
): Promise<OpportunityPage> {
  const query: Query = {
    limit: filters.limit ?? 50,
    cursor,
    pipeline_id: filters.pipelineId,
    status: filters.status?.length ? filters.status : undefined,
    q: filters.q || undefined,
    sort: '-updated_at',
  };
  const { data } = await unwrap(api.GET('/api/v1/opportunities', { params: { query }, signal }));
  return { items: data.items, next_cursor: data.next_cursor };
}

export function opportunitiesQueryOptions(filters: OpportunityFilters) {
  return infiniteQueryOptions({
    queryKey: opportunityKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getOpportunities(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useOpportunities(filters: OpportunityFilters, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({ ...opportunitiesQueryOptions(filters), enabled: options.enabled ?? true });
}
