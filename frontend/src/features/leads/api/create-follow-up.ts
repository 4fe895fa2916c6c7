import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { FollowUp, FollowUpCreate } from '../../../api/types';
import { leadKeys } from './keys';

/** POST /api/v1/leads/{id}/follow-ups */
export async function createFollowUp(leadId: number, body: FollowUpCreate): Promise<FollowUp> {
  const { data } = await unwrap(
    api.POST('/api/v1/leads/{lead_id}/follow-ups', {
      params: { path: { lead_id: leadId } },
      body,
    }),
  );
  return data;
}

export function useCreateFollowUp(leadId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpCreate) => createFollowUp(leadId, body),
    // The lead's next follow-up and last contact change with it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  });
}
