import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Lead, LeadSort, LeadSource, LeadStatus, paths } from '../../../api/types';
import { dayjs } from '../../../lib/dates';
import { leadKeys } from './keys';

/** GET /api/v1/leads — the lead list, filtered, a page at a time (cursor paging). */
export interface LeadFilters {
  q?: string;
  status?: LeadStatus[];
  source?: LeadSource[];
  /** `me`, `none` (unassigned) or a user id */
  owner?: string;
  /** YYYY-MM-DD, inclusive, in the user's time zone */
  createdFrom?: string;
  createdTo?: string;
  /** Leads with an open follow-up due: already (overdue), by the end of today, or of this week */
  due?: DueWithin;
  sort?: LeadSort;
}

export type DueWithin = 'overdue' | 'today' | 'week';

/** The `next_follow_up_before` time for a due filter, at the moment of the request. */
export function dueBefore(due: DueWithin, now = dayjs()): string {
  switch (due) {
    case 'overdue':
      return now.toISOString();
    case 'today':
      return now.endOf('day').toISOString();
    case 'week':
      return now.add(7, 'day').endOf('day').toISOString();
  }
}

export const LEADS_PAGE_SIZE = 25;

export interface LeadPage {
  items: Lead[];
  next_cursor: string | null;
}

type Query = NonNullable<paths['/api/v1/leads']['get']['parameters']['query']>;

/** `status` and `source` are comma-separated lists (the client serialises arrays that way). */
function list<T>(values: T[] | undefined): T[] | undefined {
  return values?.length ? values : undefined;
}

/** The list's filters and sort as the API's query (also what export and bulk actions send). */
export function toQuery(filters: LeadFilters, cursor?: string): Query {
  return {
    limit: LEADS_PAGE_SIZE,
    cursor,
    q: filters.q || undefined,
    status: list(filters.status),
    source: list(filters.source),
    owner_id: filters.owner || undefined,
    created_after: filters.createdFrom
      ? dayjs(filters.createdFrom).startOf('day').toISOString()
      : undefined,
    created_before: filters.createdTo
      ? dayjs(filters.createdTo).add(1, 'day').startOf('day').toISOString()
      : undefined,
    next_follow_up_before: filters.due ? dueBefore(filters.due) : undefined,
    sort: filters.sort,
  };
}

export async function getLeads(
  filters: LeadFilters,
  cursor?: string,
  signal?: AbortSignal,
): Promise<LeadPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/leads', { params: { query: toQuery(filters, cursor) }, signal }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function leadsQueryOptions(filters: LeadFilters) {
  return infiniteQueryOptions({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) => getLeads(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useLeads(filters: LeadFilters) {
  return useInfiniteQuery(leadsQueryOptions(filters));
}
