import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { OrderStatus } from '../../../api/types';
import type { OrderWithEtag } from './get-order';
import { orderKeys } from './keys';

/** PATCH /api/v1/orders/{id} {status} with If-Match: moves the order on (allowed transitions only). */
export async function setOrderStatus(id: number, etag: string, status: OrderStatus): Promise<OrderWithEtag> {
  const { data, response } = await unwrap(
    api.PATCH('/api/v1/orders/{order_id}', {
      params: { path: { order_id: id }, header: { 'If-Match': etag } },
      body: { status },
    }),
  );
  return { order: data, etag: response.headers.get('ETag') };
}

/** Where an order may go from each status. */
export const ORDER_TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['completed'],
  completed: [],
  cancelled: [],
};

export function useSetOrderStatus(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: OrderStatus) => {
      const current = queryClient.getQueryData<OrderWithEtag>(orderKeys.detail(id));
      return setOrderStatus(id, current?.etag ?? '', status);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(orderKeys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: orderKeys.lists() });
    },
  });
}
