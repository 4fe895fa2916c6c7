import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Conversion, ConvertLead } from '../../../api/types';
import { leadKeys } from './keys';

/** POST /api/v1/leads/{id}/convert — 409 when the lead was converted already. */
export async function convertLead(leadId: number, body: ConvertLead): Promise<Conversion> {
  const { data } = await unwrap(
    api.POST('/api/v1/leads/{lead_id}/convert', { params: { path: { lead_id: leadId } }, body }),
  );
  return data;
}

export function useConvertLead(leadId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConvertLead) => convertLead(leadId, body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    },
  });
}
