import type { QueryClient } from '@tanstack/react-query';
import { customerKeys } from './keys';

/** After a contact changes: the contact lists, and every company's list of contacts (here and in pickers). */
export function invalidateContactLists(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: customerKeys.contactLists() }),
    queryClient.invalidateQueries({
      queryKey: ['companies'],
      predicate: ({ queryKey }) => queryKey.includes('contacts'),
    }),
  ]);
}
