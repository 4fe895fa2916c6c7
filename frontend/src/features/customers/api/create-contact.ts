import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ContactCreate, ContactWithEtag } from '../types';
import { invalidateContactLists } from './contact-lists';
import { customerKeys } from './keys';

/** POST /api/v1/contacts — the server normalises the phone (E.164). */
export async function createContact(body: ContactCreate): Promise<ContactWithEtag> {
  const { data, response } = await unwrap(api.POST('/api/v1/contacts', { body }));
  return { contact: data, etag: response.headers.get('ETag') };
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContact,
    onSuccess: (created) => {
      queryClient.setQueryData(customerKeys.contact(created.contact.id), created);
      return invalidateContactLists(queryClient);
    },
  });
}
