import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Product } from '../../../api/types';

/** GET /api/v1/products — by SKU or name, a page at a time. */
export interface ProductPage {
  items: Product[];
  next_cursor: string | null;
}

export async function getProducts(q: string | undefined, cursor?: string, signal?: AbortSignal): Promise<ProductPage> {
  const { data } = await unwrap(
    api.GET('/api/v1/products', { params: { query: { limit: 50, cursor, q: q || undefined, sort: 'sku' } }, signal }),
  );
  return { items: data.items, next_cursor: data.next_cursor };
}

export function useProductList(q: string | undefined) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['products', 'list', q ?? ''] as const,
      queryFn: ({ pageParam, signal }) => getProducts(q, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.next_cursor ?? undefined,
    }),
  );
}
