import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Contact } from '../../../api/types';
import { customerKeys } from './keys';

/** GET /api/v1/contacts/{id} */
export async function getContact(id: number, signal?: AbortSignal): Promise<Contact> {
  const { data } = await unwrap(api.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: id } }, signal }));
  return data as Contact;
}

export function useContact(id: number) {
  return useQuery({ queryKey: customerKeys.contact(id), queryFn: ({ signal }) => getContact(id, signal) });
}
