/** Query keys of the orders feature. */
export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  list: (status: string | undefined) => [...orderKeys.lists(), status ?? 'all'] as const,
  detail: (id: number) => [...orderKeys.all, 'detail', id] as const,
  products: () => ['products'] as const,
};
