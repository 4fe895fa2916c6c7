import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Order } from '../../../api/types';

/** POST /api/v1/orders {opportunity_id} — a draft order from a won opportunity (its lines and customer). */
export async function createOrderFrom(opportunityId: number): Promise<Order> {
  const { data } = await unwrap(api.POST('/api/v1/orders', { body: { opportunity_id: opportunityId } }));
  return data;
}

export function useCreateOrderFrom(opportunityId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => createOrderFrom(opportunityId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}
