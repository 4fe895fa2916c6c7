import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { LeadUpdate } from '../../../api/types';
import type { LeadWithEtag } from './get-lead';
import { leadKeys } from './keys';

/**
 * PATCH /api/v1/leads/{id} with If-Match: the ETag of the version the user saw. A 412 answer
 * (ApiError status 412) means someone else changed the lead meanwhile.
 */
export async function updateLead(id: number, etag: string, patch: LeadUpdate): Promise<LeadWithEtag> {
  const { data, response } = await unwrap(
    api.PATCH('/api/v1/leads/{lead_id}', {
      params: { path: { lead_id: id }, header: { 'If-Match': etag } },
      body: patch,
    }),
  );
  return { lead: data, etag: response.headers.get('ETag') };
}

export function useUpdateLead(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: LeadUpdate) => {
      const current = queryClient.getQueryData<LeadWithEtag>(leadKeys.detail(id));
      return updateLead(id, current?.etag ?? '', patch);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(leadKeys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: leadKeys.lists() });
    },
  });
}
