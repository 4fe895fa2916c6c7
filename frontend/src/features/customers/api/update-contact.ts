import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ContactUpdate, ContactWithEtag } from '../types';
import { invalidateContactLists } from './contact-lists';
import { customerKeys } from './keys';

/** PATCH /api/v1/contacts/{id} with If-Match; 412 when someone else changed the contact meanwhile. */
export async function updateContact(id: number, etag: string, patch: ContactUpdate): Promise<ContactWithEtag> {
  const { data, response } = await unwrap(
    api.PATCH('/api/v1/contacts/{contact_id}', {
      params: { path: { contact_id: id }, header: { 'If-Match': etag } },
      body: patch,
    }),
  );
  return { contact: data, etag: response.headers.get('ETag') };
}

export function useUpdateContact(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactUpdate) => {
      const current = queryClient.getQueryData<ContactWithEtag>(customerKeys.contact(id));
      return updateContact(id, current?.etag ?? '', patch);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(customerKeys.contact(id), updated);
      return invalidateContactLists(queryClient);
    },
  });
}
