import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ContactWithEtag } from '../types';
import { customerKeys } from './keys';

/** GET /api/v1/contacts/{id} — with its ETag. */
export async function getContact(id: number, signal?: AbortSignal): Promise<ContactWithEtag> {
  const { data, response } = await unwrap(
    api.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: id } }, signal }),
  );
  return { contact: data, etag: response.headers.get('ETag') };
}

export function useContact(id: number) {
  return useQuery({ queryKey: customerKeys.contact(id), queryFn: ({ signal }) => getContact(id, signal) });
}
