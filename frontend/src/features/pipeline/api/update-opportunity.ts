import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OpportunityUpdate } from '../../../api/types';
import { getOpportunity, type OpportunityWithEtag } from './get-opportunity';
import { opportunityKeys } from './keys';

/** PATCH /api/v1/opportunities/{id} with If-Match; 412 when it changed meanwhile. */
export async function updateOpportunity(
  id: number,
  etag: string,
  patch: OpportunityUpdate,
): Promise<OpportunityWithEtag> {
  const { data, response } = await unwrap(
    api.PATCH('/api/v1/opportunities/{opportunity_id}', {
      params: { path: { opportunity_id: id }, header: { 'If-Match': etag } },
      body: patch,
    }),
  );
  return { opportunity: data, etag: response.headers.get('ETag') };
}

/**
 * Moves an opportunity to another stage: fetches its current ETag first (a board card carries
 * none), then PATCHes stage_id with If-Match.
 */
export async function moveOpportunity(id: number, stageId: number): Promise<OpportunityWithEtag> {
  const { etag } = await getOpportunity(id);
  return updateOpportunity(id, etag ?? '', { stage_id: stageId });
}

export function useUpdateOpportunity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: OpportunityUpdate) => {
      const current = queryClient.getQueryData<OpportunityWithEtag>(opportunityKeys.detail(id));
      return updateOpportunity(id, current?.etag ?? '', patch);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(opportunityKeys.detail(id), updated);
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.stageHistory(id) });
      void queryClient.invalidateQueries({ queryKey: opportunityKeys.boards() });
      return queryClient.invalidateQueries({ queryKey: opportunityKeys.lists() });
    },
  });
}

/** Moving a card on the board: refreshes the board totals and the lists once the server has it. */
export function useMoveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, stageId }: { id: number; stageId: number }) => moveOpportunity(id, stageId),
    onSuccess: (updated) => {
      queryClient.setQueryData(opportunityKeys.detail(updated.opportunity.id), updated);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunityKeys.boards() }),
        queryClient.invalidateQueries({ queryKey: opportunityKeys.lists() }),
      ]),
  });
}
