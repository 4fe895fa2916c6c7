import type { LeadFilters } from './get-leads';

/** Query keys of the leads feature; invalidating a prefix refreshes everything below it. */
export const leadKeys = {
  all: ['leads'] as const,
  lists: () => [...leadKeys.all, 'list'] as const,
  list: (filters: LeadFilters) => [...leadKeys.lists(), filters] as const,
  details: () => [...leadKeys.all, 'detail'] as const,
  detail: (id: number) => [...leadKeys.details(), id] as const,
  followUps: (leadId: number) => [...leadKeys.detail(leadId), 'follow-ups'] as const,
};
