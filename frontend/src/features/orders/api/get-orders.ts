import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Order, OrderStatus } from '../../../api/types';
import { orderKeys } from './keys';

/** GET /api/v1/orders — newest first, a page at a time. */
export interface OrderPage {
  items: Order[];
  next_cursor: string | null;
}

export async function getOrders(status: OrderStatus | undefined, cursor?: string, signal?: AbortSignal): Promise<OrderPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/orders', { params: { query: { limit: 50, cursor, status: status ? [status] : undefined } }, signal }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function ordersQueryOptions(status: OrderStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: orderKeys.list(status),
    queryFn: ({ pageParam, signal }) => getOrders(status, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useOrders(status: OrderStatus | undefined) {
  return useInfiniteQuery(ordersQueryOptions(status));
}
