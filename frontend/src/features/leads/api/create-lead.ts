import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { LeadCreate } from '../../../api/types';
import type { LeadWithEtag } from './get-lead';
import { leadKeys } from './keys';

/** POST /api/v1/leads */
export async function createLead(body: LeadCreate): Promise<LeadWithEtag> {
  const { data, response } = await unwrap(api.POST('/api/v1/leads', { body }));
  return { lead: data, etag: response.headers.get('ETag') };
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLead,
    onSuccess: (created) => {
      if (created.etag) queryClient.setQueryData(leadKeys.detail(created.lead.id), created);
      return queryClient.invalidateQueries({ queryKey: leadKeys.lists() });
    },
  });
}
