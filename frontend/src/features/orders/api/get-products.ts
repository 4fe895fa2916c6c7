import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Product } from '../../../api/types';
import { orderKeys } from './keys';

/** GET /api/v1/products — for naming the products of order lines (one large page). */
export async function getProducts(signal?: AbortSignal): Promise<Product[]> {
  const { data } = await unwrap(api.GET('/api/v1/products', { params: { query: { limit: 200 } }, signal }));
  return data.items as Product[];
}

export function useProducts() {
  return useQuery(
    queryOptions({ queryKey: orderKeys.products(), queryFn: ({ signal }) => getProducts(signal), staleTime: 300_000 }),
  );
}
