import type { OpportunityFilters } from './get-opportunities';

/** Query keys of the pipeline feature (board, opportunities). */
export const opportunityKeys = {
  all: ['opportunities'] as const,
  boards: () => [...opportunityKeys.all, 'board'] as const,
  board: (pipelineId: number) => [...opportunityKeys.boards(), pipelineId] as const,
  lists: () => [...opportunityKeys.all, 'list'] as const,
  list: (filters: OpportunityFilters) => [...opportunityKeys.lists(), filters] as const,
  details: () => [...opportunityKeys.all, 'detail'] as const,
  detail: (id: number) => [...opportunityKeys.details(), id] as const,
  stageHistory: (id: number) => [...opportunityKeys.detail(id), 'stage-history'] as const,
  followUps: (id: number) => [...opportunityKeys.detail(id), 'follow-ups'] as const,
  products: () => ['products'] as const,
};
