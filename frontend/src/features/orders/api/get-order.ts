import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Order } from '../../../api/types';
import { orderKeys } from './keys';

/** GET /api/v1/orders/{id} — one order and its ETag (for If-Match). */
export interface OrderWithEtag {
  order: Order;
  etag: string | null;
}

export async function getOrder(id: number, signal?: AbortSignal): Promise<OrderWithEtag> {
  const { data, response } = await unwrap(
    api.GET('/api/v1/orders/{order_id}', { params: { path: { order_id: id } }, signal }),
  );
  return { order: data, etag: response.headers.get('ETag') };
}

export function orderQueryOptions(id: number) {
  return queryOptions({ queryKey: orderKeys.detail(id), queryFn: ({ signal }) => getOrder(id, signal) });
}

export function useOrder(id: number) {
  return useQuery(orderQueryOptions(id));
}
