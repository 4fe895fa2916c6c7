import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { FollowUp, FollowUpUpdate } from '../../../api/types';
import { leadKeys } from './keys';

/** PATCH /api/v1/follow-ups/{id}: `{done_at}` completes (null reopens), `{due_at}` reschedules. */
export async function updateFollowUp(id: number, patch: FollowUpUpdate): Promise<FollowUp> {
  const { data } = await unwrap(
    api.PATCH('/api/v1/follow-ups/{follow_up_id}', {
      params: { path: { follow_up_id: id } },
      body: patch,
    }),
  );
  return data;
}

export function useUpdateFollowUp(leadId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: FollowUpUpdate }) => updateFollowUp(id, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.detail(leadId) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadKeys.lists() }),
  });
}
