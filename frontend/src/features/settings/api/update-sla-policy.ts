import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { SlaHours, SlaPolicy, SlaPriority } from '../types';
import { slaPolicyKeys } from './get-sla-policies';

/** PUT /api/v1/sla-policies/{priority} (admin) — new tickets of that priority get these hours. */
export async function updateSlaPolicy(priority: SlaPriority, body: SlaHours): Promise<SlaPolicy> {
  const { data } = await unwrap(api.PUT('/api/v1/sla-policies/{priority}', { params: { path: { priority } }, body }));
  return data;
}

export function useUpdateSlaPolicy(priority: SlaPriority) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SlaHours) => updateSlaPolicy(priority, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: slaPolicyKeys.all }),
  });
}
